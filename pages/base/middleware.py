"""Middleware of the portal."""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation

# Paths outside the /bn/ and /en/ public pages.
NON_PUBLIC_PREFIXES = ("/admin/", "/documents/", "/static/", "/media/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 outside the public pages stays a 404.

    Wagtail's catch-all pattern sits under /bn/, so Django would "fix" every unknown admin URL by
    redirecting it to /bn/admin/…, a public page that does not exist either.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(NON_PUBLIC_PREFIXES):
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
