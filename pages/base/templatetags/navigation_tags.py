"""Header and footer menus and the language switcher."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

from pages.base.cache import for_this_generation
from pages.base.models import Menu
from pages.base.translations import page_versions

register = template.Library()


def _menu_items(request, slot, language):
    found = Menu.objects.filter(slot=slot, locale__language_code=language).prefetch_related("items__link_page").first()
    return [{"title": item.title, "url": item.url(request)} for item in found.items.all()] if found else []


@register.inclusion_tag("includes/menu.html", takes_context=True)
def menu(context, slot):
    request = context.get("request")
    language = get_language()
    host = request.get_host() if request else ""
    items = for_this_generation("menu", host, language, slot, compute=lambda: _menu_items(request, slot, language))
    return {"items": items, "slot": slot, "request": request}


def _home_pages_by_language(request):
    site = Site.find_for_request(request)
    if site is None:
        return {}
    homes = Page.objects.filter(translation_key=site.root_page.translation_key).select_related("locale")
    return {home.locale.language_code: home for home in homes}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in the other languages, or to their home page when it is not translated."""
    request = context["request"]
    page = context.get("page")
    current = get_language()
    if isinstance(page, Page) and page.pk:
        links = for_this_generation(
            "language-switcher", request.get_host(), page.pk, current, compute=lambda: _links(request, page, current)
        )
    else:
        links = _links(request, page, current)  # a process's own view: its URL in the other language, no query
    return {"links": links}


def _links(request, page, current):
    translations = {}
    if isinstance(page, Page) and page.pk:
        # An untranslated copy is no translation: the visitor is told and sent to that language's home page.
        translations = {code: p for code, p in page_versions(page).items() if not p.untranslated}
    homes = None
    links = []
    for code, name in settings.LANGUAGES:
        if code == current:
            continue
        url, translated = None, True
        if code in translations:
            url = translations[code].get_url(request)
        elif isinstance(page, Page):
            homes = homes if homes is not None else _home_pages_by_language(request)
            home = homes.get(code)
            url = home.get_url(request) if home else f"/{code}/"
            translated = False
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "translated": translated})
    return links


@register.simple_tag(takes_context=True)
def breadcrumb_links(context, page):
    """The page's ancestors below the site root, as (title, url): the same for every visitor, so kept with
    the page cache's generation rather than asked of the database on each uncached page."""
    request = context.get("request")

    def links():
        return [(ancestor.title, ancestor.get_url(request)) for ancestor in page.get_ancestors()[1:]]

    return for_this_generation("breadcrumbs", request.get_host() if request else "", page.pk, compute=links)
