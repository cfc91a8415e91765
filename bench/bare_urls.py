"""The site's URLs plus one bare Django view, for the portal benchmark's yardstick: what the same server
answers when a view does nothing but return the bytes."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns

BODY = {"bytes": b"", "content_type": "text/html; charset=utf-8"}


def bare(request):
    return HttpResponse(BODY["bytes"], content_type=BODY["content_type"])


urlpatterns = [path("bench-bare/", bare), *site_urlpatterns]
