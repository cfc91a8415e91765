"""The public pages of every process, under /bn/… and /en/…: each app config that sets `public_urls`
(a URLconf module) and `public_prefix` (e.g. "complaints/") is included here, so a new process adds its
public pages from its own folder."""

from django.apps import apps
from django.urls import include, path


def process_urlpatterns() -> list:
    return [
        path(app_config.public_prefix, include(app_config.public_urls))
        for app_config in apps.get_app_configs()
        if getattr(app_config, "public_urls", None)
    ]
