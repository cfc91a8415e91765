"""Search results for people: content pages before the index pages that list them, each with its type, its
date and the text around the first match (highlighted, escaped)."""

import re
from dataclasses import dataclass

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from wagtail.blocks import StreamValue
from wagtail.models import Page
from wagtail.search import index

from pages.base.cache import many_for_this_generation
from pages.base.translations import untranslated_page_ids

# The database backend scores every match; past this many, the rest would not be read anyway.
MAX_RESULTS = 200
SNIPPET_BEFORE = 60
SNIPPET_LENGTH = 220


@dataclass
class Result:
    page: Page
    kind: str
    date: object
    snippet: str


def search_pages(query: str, locale) -> list[Page]:
    """Live public pages of this locale matching the query, translated ones only (pages/base/translations.py),
    content pages first and each group in the backend's order of relevance. Plain pages (one query); only
    those shown become Results (`results_for`)."""
    pages = Page.objects.live().public().filter(locale=locale).exclude(pk__in=untranslated_page_ids(locale))
    found = list(pages.search(query)[:MAX_RESULTS])
    # sorted() is stable: the relevance order is kept within each group. The class comes from the content
    # type (cached), not from a query.
    found.sort(key=lambda page: bool(getattr(page.specific_class, "is_index_page", False)))
    return found


def results_for(pages, query: str) -> list[Result]:
    """The shown pages with their type, date and snippet. Their own fields take one query per kind of page;
    pages read once are kept with the page cache's generation, as every visitor's search reads the same."""

    def read(ids):
        return {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}

    specific = many_for_this_generation("specific-page", [page.pk for page in pages], compute_missing=read)
    shown = [specific[page.pk] for page in pages if page.pk in specific]
    return [Result(page, capfirst(page._meta.verbose_name), page_date(page), snippet(page, query)) for page in shown]


def page_date(page):
    """The date a reader knows the page by: the notice's or meeting's own date, else when it was last published."""
    return getattr(page, "date", None) or getattr(page, "meeting_date", None) or page.last_published_at


def page_texts(page) -> list[str]:
    """The page's searchable text as plain text: its search description, then its indexed fields in order."""
    texts = [page.search_description or ""]
    for field in page.search_fields:
        if not isinstance(field, index.SearchField) or field.field_name == "title":
            continue
        try:
            value = field.get_value(page)
        except AttributeError:
            continue
        if isinstance(value, StreamValue):
            value = value.stream_block.get_searchable_content(value)
        if isinstance(value, (list, tuple)):  # a field's searchable content comes as a list of texts
            value = " ".join(str(text) for text in value)
        texts.append(" ".join(strip_tags(str(value or "")).split()))
    return [text for text in texts if text]


def snippet(page, query: str) -> str:
    """The text around the query's first match in the page, each query word in <mark>; the page's opening
    text when no word occurs literally (the backend matched a form of it)."""
    words = [re.escape(word) for word in query.split() if word]
    if not words:
        return ""
    pattern = re.compile("|".join(sorted(words, key=len, reverse=True)), re.IGNORECASE)
    texts = page_texts(page)
    for text in texts:
        match = pattern.search(text)
        if match:
            start = max(0, match.start() - SNIPPET_BEFORE)
            if start:
                # Start at a word, not in the middle of one.
                space = text.find(" ", start, match.start())
                start = space + 1 if space != -1 else start
            return _highlight(text, start, pattern)
    return _highlight(texts[0], 0, pattern) if texts else ""


def _highlight(text: str, start: int, pattern) -> str:
    end = start + SNIPPET_LENGTH
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    part = text[start:end]
    marked = []
    position = 0
    for match in pattern.finditer(part):
        marked.append(escape(part[position : match.start()]))
        marked.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    marked.append(escape(part[position:]))
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(marked) + suffix)  # noqa: S308 (every piece escaped above)
