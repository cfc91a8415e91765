"""The Content-Security-Policy header: a strict one for the public site, the one Wagtail's admin needs under /admin/.

django-csp writes the header from `CONTENT_SECURITY_POLICY` (the public site's policy); this middleware hands it
`CONTENT_SECURITY_POLICY_ADMIN` instead for the admin's URLs, whose screens (Wagtail's, with its inline scripts and
style attributes) cannot live under the public policy. A view's own `@csp_update` / `@csp_replace` still applies
on top of either. The middleware sits outside the anonymous page cache, so a page served from the cache gets the
header as a freshly rendered one does, and the cache never stores a header of its own.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

ADMIN_PREFIX = "/admin/"


class SiteCSPMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        # Wagtail's preview renders the page through the middleware again, on a dummy request for the page's
        # public URL: the public policy there would forbid the admin's preview panel to frame it. The real
        # request (/admin/…/preview/) around it writes the admin's policy instead.
        if getattr(request, "is_dummy", False):
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIX):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts
