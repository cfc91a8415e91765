"""Which pages are untranslated copies: a page wagtail-localize created in another language still holds
the source's text until every string of it is translated.

wagtail-localize publishes the copy at once (with the source's text as fallback, and again after each
sync), so a live page in English may well be Bengali. Such a page is untranslated while its enabled
translation has a source string without a translation into the page's language (wagtail-localize's own
progress rule, `Translation.get_progress`). A translation made by hand (a copy edited in the page
editor) has no wagtail-localize record and counts as translated.

Listings leave untranslated pages out; the page itself still answers (links and bookmarks keep working)
with its text marked as Bengali and a note saying so (templates/includes/untranslated_note.html).
"""

from django.db.models import Exists, OuterRef
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation


def untranslated_condition():
    """A condition on a Page queryset (one subquery, no query per page): the page is untranslated."""
    missing_string = StringSegment.objects.filter(source_id=OuterRef("source_id")).exclude(
        Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=OuterRef(OuterRef("target_locale_id")),
                has_error=False,
            )
        )
    )
    return Exists(
        Translation.objects.filter(
            source__object_id=OuterRef("translation_key"),
            target_locale_id=OuterRef("locale_id"),
            enabled=True,
        ).filter(Exists(missing_string))
    )


def translated(queryset):
    """The pages of this queryset that are not untranslated copies."""
    return queryset.exclude(untranslated_condition())


def untranslated_page_ids(locale) -> set[int]:
    """The ids of the untranslated pages in this locale (one query), for querysets that cannot take a
    subquery, such as a search's."""
    from pages.base.cache import for_this_generation

    def ids():
        return set(Page.objects.filter(locale=locale).filter(untranslated_condition()).values_list("pk", flat=True))

    return for_this_generation("untranslated-ids", locale.pk, compute=ids)


def page_versions(page) -> dict:
    """This page in each language it is live in, by language code, each with `untranslated` set: one
    query, kept on the page for the request (the alternates in <head>, the note on the page, the language
    switcher all ask)."""
    if not hasattr(page, "_page_versions"):
        from pages.base.cache import for_this_generation

        def versions():
            found = (
                Page.objects.live()
                .filter(translation_key=page.translation_key)
                .annotate(untranslated=untranslated_condition())
                .select_related("locale")
            )
            return {version.locale.language_code: version for version in found}

        # The same for every visitor until content changes: kept with the page cache's generation.
        page._page_versions = for_this_generation("page-versions", page.pk, compute=versions)
    return page._page_versions


def original_language(page) -> str | None:
    """The language whose text an untranslated page still shows, or None when the page is translated."""
    versions = page_versions(page).values()
    if not any(version.pk == page.pk and version.untranslated for version in versions):
        return None
    for version in versions:
        if not version.untranslated and version.pk != page.pk:
            return version.locale.language_code
    return None
