"""URL map: the admin and documents unprefixed; every public page under /bn/ or /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from pages.accounts.views import RateLimitedPasswordResetView
from pages.base import avatars, icons, robots, security
from pages.search import views as search_views
from workflows.core.public_urls import process_urlpatterns

urlpatterns = [
    # Wagtail's password reset, rate-limited (before Wagtail's own URL of the same path and name).
    path("admin/password_reset/", RateLimitedPasswordResetView.as_view(), name="wagtailadmin_password_reset"),
    # Before the admin's URLs, which forbid caching: an avatar may be kept by the browser (pages/base/avatars.py).
    path("admin/avatars/<int:user_id>.png", avatars.initials_avatar, name="admin_avatar"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap),
    path("robots.txt", robots.robots_txt, name="robots_txt"),
    # The certificates' public keys, for checking a QR code offline (workflows/certificates/offline.py).
    path("certificates/", include("workflows.certificates.root_urls")),
    # How to report a vulnerability (RFC 9116).
    path("favicon.ico", icons.favicon, name="favicon"),
    path(".well-known/security.txt", security.security_txt, name="security_txt"),
    path(".well-known/security-policy.txt", security.security_policy, name="security_policy"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    *process_urlpatterns(),  # each process's public pages (its app config's public_urls)
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler400 = "pages.base.views.bad_request"
handler403 = "pages.base.views.permission_denied"
handler404 = "pages.base.views.page_not_found"
