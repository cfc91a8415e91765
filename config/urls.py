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
from pages.search import views as search_views
from workflows.core.public_urls import process_urlpatterns

urlpatterns = [
    # Wagtail's password reset, rate-limited (before Wagtail's own URL of the same path and name).
    path("admin/password_reset/", RateLimitedPasswordResetView.as_view(), name="wagtailadmin_password_reset"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap),
    # The certificates' public keys, for checking a QR code offline (workflows/certificates/offline.py).
    path("certificates/", include("workflows.certificates.root_urls")),
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
