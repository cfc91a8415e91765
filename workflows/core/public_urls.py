"""The public pages of every process, under /bn/… and /en/…: each app config that sets `public_urls`
(a URLconf module) and `public_prefix` (e.g. "complaints/") is included here, so a new process adds its
public pages from its own folder. The kit's "forget this device" comes first."""

from django.apps import apps
from django.urls import include, path

from .public import forget_this_device


def process_urlpatterns() -> list:
    return [
        # The kit's own: "forget this device" on every process's case pages.
        path("case-access/forget/", forget_this_device, name="forget_this_device"),
        *(
            path(app_config.public_prefix, include(app_config.public_urls))
            for app_config in apps.get_app_configs()
            if getattr(app_config, "public_urls", None)
        ),
    ]
