"""/robots.txt: crawl the public pages, not the admin or the back office's downloads; where the sitemap is."""

from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

# Crawlers fetch it often; a day is soon enough for a changed sitemap address.
CACHE_SECONDS = 24 * 60 * 60
DISALLOWED = ["/admin/", "/bn/search/", "/en/search/"]


def robots_lines(sitemap_url: str) -> list[str]:
    return ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED), "", f"Sitemap: {sitemap_url}"]


@require_safe
@cache_control(public=True, max_age=CACHE_SECONDS)
def robots_txt(request):
    # Absolute, as the robots.txt standard (RFC 9309) wants; from the request, so it names the host asked for.
    lines = robots_lines(request.build_absolute_uri("/sitemap.xml"))
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
