"""What <head> says about a page to search engines and link previews (description, canonical, hreflang,
Open Graph, the notices' feed), and the note on a page that is not translated yet."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language
from wagtail.models import Page

from pages.base.cache import for_this_generation
from pages.base.translations import original_language, page_versions

register = template.Library()

# Open Graph names languages with a territory.
OG_LOCALES = {"bn": "bn_BD", "en": "en_GB"}
DESCRIPTION_LENGTH = 160


def meta_description(page) -> str:
    """The editor's search description, else the page's own summary or introduction."""
    text = page.search_description or getattr(page, "summary", "") or getattr(page, "intro", "")
    return Truncator(" ".join(strip_tags(str(text or "")).split())).chars(DESCRIPTION_LENGTH)


def _feed_url(request, code):
    from pages.notices.models import NoticeIndexPage

    def find():
        index = NoticeIndexPage.objects.live().filter(locale__language_code=code).order_by("path").first()
        return index.get_url(request) + "feed/" if index else ""

    return for_this_generation("notices-feed-url", request.get_host(), code, compute=find) or None


@register.simple_tag(takes_context=True)
def page_meta(context):
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    meta = {"og_locale": OG_LOCALES.get(current, current), "description": "", "type": "website"}
    if request is None:
        return meta
    if isinstance(page, Page) and page.pk:
        # An untranslated copy points at its original; only translated versions are alternates.
        versions = page_versions(page)
        translated = {code: version for code, version in versions.items() if not version.untranslated}
        original = translated.get(original_language(page) or "")
        canonical = original or page
        meta["canonical"] = request.build_absolute_uri(canonical.get_url(request))
        meta["alternates"] = [
            {"code": code, "url": request.build_absolute_uri(translated[code].get_url(request))}
            for code, _name in settings.LANGUAGES
            if code in translated
        ]
        meta["description"] = meta_description(page)
        meta["type"] = "website" if getattr(page, "is_index_page", False) or page.depth <= 2 else "article"
        meta["title"] = page.seo_title or page.title
    else:
        meta["canonical"] = request.build_absolute_uri(request.path)
        meta["alternates"] = [
            {"code": code, "url": request.build_absolute_uri(translate_url(request.path, code))}
            for code, _name in settings.LANGUAGES
        ]
    if len(meta["alternates"]) < 2:
        meta["alternates"] = []  # a page in one language only has no alternates to announce
    default = next((a for a in meta["alternates"] if a["code"] == settings.LANGUAGE_CODE), None)
    meta["x_default"] = default["url"] if default else None
    meta["og_locale_alternates"] = [OG_LOCALES.get(a["code"]) for a in meta["alternates"] if a["code"] != current]
    meta["feed_url"] = _feed_url(request, current)
    return meta


@register.simple_tag
def untranslated_original(page):
    """The translated version of an untranslated page (whose text it still shows), or None."""
    if not isinstance(page, Page) or not page.pk:
        return None
    code = original_language(page)
    return page_versions(page)[code] if code else None
