"""A union's session on the portal: who is signed in for which union, and the sections of the union's page.

A representative signs in with a one-time code (views.py); the session then holds the representative's id
and the time of their last request, never a Django user, so the back office stays closed to it. Views of
this app and of others (the annual returns) use the decorator::

    @never_cache
    @union_required
    def my_view(request, union_id=None): ...      # request.union, request.representative, request.may_file

    @union_required(filing=True)                  # refused (403) unless the representative may file
    def file_return(request): ...

A URL that names a union (`union_id` among its kwargs) answers 404 for any union but the session's own.
Other apps show their own part of the union's page (`/bn/unions/`) by registering a section, usually in
their AppConfig.ready()::

    register_union_page_section("unionreturns/portal/section.html", context=returns_context)

where `returns_context(request)` returns the section template's context (it may read request.union).
"""

import time
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.contrib.auth import logout
from django.http import Http404
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse

SESSION_KEY = "unions:representative"
LAST_SEEN_KEY = "unions:last_seen"


def idle_seconds() -> int:
    return getattr(settings, "UNION_SESSION_IDLE_SECONDS", 30 * 60)


# --- The session ----------------------------------------------------------------------------------


def sign_in(request, representative) -> None:
    """Make this session the representative's: a new session key, no Django user, a short life."""
    if getattr(request, "user", None) is not None and request.user.is_authenticated:
        logout(request)  # an officer's login never rides along with a union's session
    else:
        request.session.cycle_key()
    request.session[SESSION_KEY] = representative.pk
    request.session[LAST_SEEN_KEY] = int(time.time())
    # No set_expiry: the cookie ends with the browser (SESSION_EXPIRE_AT_BROWSER_CLOSE), and the last-seen
    # time ends the session after idle_seconds() on the server.


def sign_out(request) -> None:
    request.session.pop(SESSION_KEY, None)
    request.session.pop(LAST_SEEN_KEY, None)
    request.session.cycle_key()


def signed_in_representative(request):
    """The representative this session is signed in as (None if none, or idle too long)."""
    from .models import Representative

    pk = request.session.get(SESSION_KEY)
    if pk is None:
        return None
    last_seen = request.session.get(LAST_SEEN_KEY, 0)
    if time.time() - last_seen > idle_seconds():
        sign_out(request)
        return None
    representative = Representative.objects.select_related("union__office").filter(pk=pk).first()
    if representative is None:
        sign_out(request)
        return None
    request.session[LAST_SEEN_KEY] = int(time.time())
    return representative


def union_required(view=None, /, *, filing=False):
    """Only for a signed-in representative: sets request.representative, request.union and request.may_file.

    Otherwise redirects to the sign-in page (with ?next=). `filing=True`: a representative who may not
    file (deactivated, or the union's registration cancelled) gets the 403 page that says why.
    """
    if view is None:
        return lambda view: union_required(view, filing=filing)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        representative = signed_in_representative(request)
        if representative is None:
            return redirect(f"{reverse('unions:sign_in')}?next={request.path}")
        union_id = kwargs.get("union_id")
        if union_id is not None and int(union_id) != representative.union_id:
            raise Http404
        request.representative = representative
        request.union = representative.union
        request.may_file = representative.may_file
        if filing and not request.may_file:
            return TemplateResponse(request, "unions/portal/may_not_file.html", {"union": request.union}, status=403)
        return view(request, *args, **kwargs)

    return wrapper


# --- The sections of the union's page -------------------------------------------------------------


@dataclass(frozen=True)
class UnionPageSection:
    template_name: str
    context: object = None  # request -> dict

    def render_context(self, request) -> dict:
        return dict(self.context(request)) if self.context is not None else {}


SECTIONS: list[UnionPageSection] = []


def register_union_page_section(template_name: str, context=None) -> None:
    """Show `template_name` on the union's portal page, below its register entry; `context(request)` gives
    its context (request.union and request.representative are set). Registering the same template again
    replaces it, so a reloaded app config adds no second copy."""
    SECTIONS[:] = [section for section in SECTIONS if section.template_name != template_name]
    SECTIONS.append(UnionPageSection(template_name, context))


def page_sections(request) -> list[str]:
    """The registered sections rendered for this request, for the union's page. A section's template gets
    `union`, `representative`, `may_file` and what its context function returns."""
    base = {"union": request.union, "representative": request.representative, "may_file": request.may_file}
    return [
        render_to_string(section.template_name, {**base, **section.render_context(request)}, request=request)
        for section in SECTIONS
    ]
