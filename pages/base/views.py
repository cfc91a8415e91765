"""Error pages of the public site, in the visitor's language."""

from django.template.response import TemplateResponse


def page_not_found(request, exception=None):
    return TemplateResponse(request, "404.html", {"request_path": request.path}, status=404)


def bad_request(request, exception=None):
    return TemplateResponse(request, "400.html", {}, status=400)


def permission_denied(request, exception=None):
    return TemplateResponse(request, "403.html", {}, status=403)


def rate_limited(request, exception=None):
    """Shown when a visitor sends more than a form's limit allows (django-ratelimit's RATELIMIT_VIEW)."""
    return TemplateResponse(request, "429.html", {}, status=429)
