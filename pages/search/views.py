"""Site search over the pages of the current language (PostgreSQL full-text search when deployed on it)."""

import unicodedata

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django_ratelimit.decorators import ratelimit
from wagtail.models import Locale

from .results import results_for, search_pages

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def clean_query(text: str) -> str:
    """Keep letters, combining marks (Bengali vowel signs), digits, spaces and hyphens.

    Quotes, brackets and operators would otherwise reach the search engines' own query syntax
    (SQLite FTS5 refuses them); nobody searches the portal for punctuation.
    """
    kept = (c if unicodedata.category(c)[0] in "LMN" or c == "-" else " " for c in text[:MAX_QUERY_LENGTH])
    return " ".join("".join(kept).split())


@ratelimit(key="ip", rate="60/m", block=True)
def search(request):
    query = clean_query(request.GET.get("q", ""))
    found = search_pages(query, Locale.get_active()) if query else []
    page = Paginator(found, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = results_for(page.object_list, query)  # only the shown ones are read in full
    return TemplateResponse(request, "search/search.html", {"search_query": query, "results": page})
