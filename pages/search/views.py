"""Site search over the pages of the current language (PostgreSQL full-text search when deployed on it)."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django_ratelimit.decorators import ratelimit
from wagtail.models import Locale, Page

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


@ratelimit(key="ip", rate="60/m", block=True)
def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        results = Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(query)
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(request, "search/search.html", {"search_query": query, "results": page})
