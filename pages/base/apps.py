from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BaseConfig(AppConfig):
    name = "pages.base"
    label = "base"
    verbose_name = _("Portal base")

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from . import checks  # noqa: F401  (registers the deploy check of the shared cache)
        from .admin_sidebar import connect_signals as connect_sidebar_signals
        from .cache import purge_page_cache

        connect_sidebar_signals()

        page_published.connect(purge_page_cache, dispatch_uid="page-cache-published")
        page_unpublished.connect(purge_page_cache, dispatch_uid="page-cache-unpublished")
        post_page_move.connect(purge_page_cache, dispatch_uid="page-cache-moved")
        post_delete.connect(purge_page_cache, sender="wagtailcore.Page", dispatch_uid="page-cache-deleted")
        # Content shown on many pages at once that is not itself a page.
        for model in (
            "base.SiteSettings",
            "base.Menu",
            "base.MenuItem",
            "directory.Officer",
            "workflows_core.Office",
            "wagtailimages.Image",
            "wagtaildocs.Document",
            "wagtailcore.Site",
            "wagtailcore.Locale",
        ):
            post_save.connect(purge_page_cache, sender=apps.get_model(model), dispatch_uid=f"page-cache-save-{model}")
            post_delete.connect(purge_page_cache, sender=apps.get_model(model), dispatch_uid=f"page-cache-del-{model}")
