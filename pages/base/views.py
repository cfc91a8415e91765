"""Error pages of the public site, in the visitor's language."""

from django.template.response import TemplateResponse

from .templatetags.bangla import local_duration


def page_not_found(request, exception=None):
    return TemplateResponse(request, "404.html", {"request_path": request.path}, status=404)


def bad_request(request, exception=None):
    return TemplateResponse(request, "400.html", {}, status=400)


def permission_denied(request, exception=None):
    return TemplateResponse(request, "403.html", {}, status=403)


def rate_limited(request, exception=None, *, retry_after=None, back_url=None):
    """Shown when a visitor sends more than a form's limit allows (also django-ratelimit's RATELIMIT_VIEW).

    With `retry_after` (seconds until the limit's window ends) the page says how long to wait and sends
    `Retry-After`; `back_url` is the form to go back to (reading a form is never limited).
    """
    context = {"wait": local_duration(retry_after) if retry_after else "", "back_url": back_url}
    response = TemplateResponse(request, "429.html", context, status=429)
    if retry_after:
        response["Retry-After"] = str(int(retry_after))
    return response
