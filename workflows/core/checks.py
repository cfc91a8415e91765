"""System check: case attachments must not be stored where the web server publishes files."""

from pathlib import Path

from django.conf import settings
from django.core import checks


def _inside(path: Path, folder) -> bool:
    if not folder:
        return False
    folder = Path(folder).resolve()
    return path == folder or folder in path.parents


@checks.register(checks.Tags.security)
def private_media_is_private(app_configs, **kwargs):
    from .uploads import private_storage

    location = Path(private_storage.location).resolve()
    public = [settings.MEDIA_ROOT, settings.STATIC_ROOT, *settings.STATICFILES_DIRS]
    if any(_inside(location, folder) for folder in public):
        return [
            checks.Error(
                f"PRIVATE_MEDIA_ROOT ({location}) is inside MEDIA_ROOT, STATIC_ROOT or STATICFILES_DIRS, "
                "so case attachments could be served to anyone.",
                hint="Point PRIVATE_MEDIA_ROOT at a folder that no web server or static-file handler serves.",
                id="workflows_core.E001",
            )
        ]
    return []
