"""Fixtures for the complaint tests: a private-media folder of their own, demo offices and services."""

import pytest

from pages.services.models import ServicePage


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    """Attachments go to a fresh folder per test, so the tests can count what was (not) written."""
    root = tmp_path / "private"
    settings.PRIVATE_MEDIA_ROOT = root
    return root


@pytest.fixture
def service(demo):
    """A Bengali citizen-charter service that names its office."""
    return ServicePage.objects.live().filter(locale=demo.bn, office__isnull=False).order_by("path").first()


@pytest.fixture
def service_en(service, demo):
    return service.get_translation(demo.en)
