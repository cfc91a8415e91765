"""Project-level app configurations."""

from django.contrib.staticfiles.apps import StaticFilesConfig


class PortalStaticFilesConfig(StaticFilesConfig):
    # viewflow ships CSS under node_modules/ that points at fonts it does not ship; the manifest
    # storage would fail on it, and nothing of ours uses it.
    ignore_patterns = [*StaticFilesConfig.ignore_patterns, "node_modules"]
