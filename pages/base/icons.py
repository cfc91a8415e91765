"""/favicon.ico: browsers ask for it at the site's root whatever the page says, so it is served there
(the file in static/img/, drawn like the emblem) instead of logging a 404 on every first visit."""

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

FAVICON = settings.BASE_DIR / "static" / "img" / "favicon.ico"
# A week: the icon rarely changes, and a new one is seen within days.
CACHE_SECONDS = 7 * 24 * 60 * 60


@require_safe
@cache_control(public=True, max_age=CACHE_SECONDS)
def favicon(request):
    return HttpResponse(FAVICON.read_bytes(), content_type="image/vnd.microsoft.icon")
