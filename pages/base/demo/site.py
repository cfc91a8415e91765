"""Locales, the site's settings and the header and footer menus."""

from wagtail.models import Locale, Site

from pages.base.models import Menu, MenuItem, SiteSettings

from . import content_bn as bn
from . import content_en as en
from .utils import Stats, stable_uuid

HEADER_PAGES = [
    "home",
    "about",
    "services",
    "citizen-charter",
    "notices",
    "innovation-corner",
    "directory",
    "downloads",
    "contact",
]
FOOTER_PAGES = ["good-practices", "citizen-charter", "contact", "accessibility"]

SOCIAL = {
    "facebook_url": "https://www.facebook.com/mole.gov.bd",
    "youtube_url": "https://www.youtube.com/@mole.gov.bd",
    "x_url": "https://x.com/mole_gov_bd",
}


def ensure_locales(stats: Stats) -> dict[str, Locale]:
    """bn (the default, made by Wagtail's migrations from LANGUAGE_CODE) and en."""
    locales = {}
    for code in ("bn", "en"):
        locale, created = Locale.objects.get_or_create(language_code=code)
        if created:
            stats.add("locales")
        locales[code] = locale
    return locales


def ensure_site_settings(stats: Stats) -> SiteSettings:
    """Fill in the default site's settings, leaving any value someone has already entered."""
    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    values = {
        "tagline_bn": bn.SITE["tagline"],
        "tagline_en": en.SITE["tagline"],
        "address_bn": bn.SITE["address"],
        "address_en": en.SITE["address"],
        "phone": "+880-2-9545000",
        "email": "info@mole.gov.bd",
        **SOCIAL,
    }
    changed = [field for field, value in values.items() if not getattr(settings, field)]
    for field in changed:
        setattr(settings, field, values[field])
    if not settings.name_bn:
        settings.name_bn = bn.SITE["name"]
        changed.append("name_bn")
    if not settings.name_en:
        settings.name_en = en.SITE["name"]
        changed.append("name_en")
    if changed:
        settings.save()
        stats.touch("site settings")
    return settings


def ensure_menus(tree, locales: dict, stats: Stats) -> None:
    """One header and one footer menu per language, sharing a translation_key across languages."""
    footer_links = {"bn": bn.FOOTER_LINKS, "en": en.FOOTER_LINKS}
    for slot, page_keys in ((Menu.Slot.HEADER, HEADER_PAGES), (Menu.Slot.FOOTER, FOOTER_PAGES)):
        translation_key = stable_uuid("menu", slot)
        for code, locale in locales.items():
            existing = Menu.objects.filter(slot=slot, locale=locale).first()
            if existing:
                _add_missing_pages(existing, [tree.pages[key][code] for key in page_keys], stats)
                continue
            menu = Menu(slot=slot, locale=locale, translation_key=translation_key)
            items = [MenuItem(link_page=tree.pages[key][code]) for key in page_keys]
            if slot == Menu.Slot.FOOTER:
                items += [MenuItem(label=label, link_url=url) for label, url in footer_links[code]]
            menu.items = items
            menu.save()
            stats.add("menus")


def _add_missing_pages(menu, pages, stats: Stats) -> None:
    """A menu made by an earlier version of the demo gets the pages added to it since (the accessibility
    statement), after its other links; a page already in it is not added again."""
    linked = set(menu.items.values_list("link_page_id", flat=True))
    missing = [page for page in pages if page.pk not in linked]
    if not missing:
        return
    last = menu.items.order_by("-sort_order").values_list("sort_order", flat=True).first() or 0
    for offset, page in enumerate(missing, start=1):
        MenuItem.objects.create(menu=menu, link_page=page, sort_order=last + offset)
    stats.touch("menus")
