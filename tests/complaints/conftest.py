"""Fixtures for the complaint tests: a private-media folder of their own, demo offices and services."""

import pytest
from django.contrib.auth import get_user_model

from pages.services.models import ServicePage
from workflows.core.models import Office


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


@pytest.fixture
def chattogram(demo):
    return Office.objects.get(code="dlo-chattogram")


@pytest.fixture
def gro(chattogram):
    """The demo officer who holds the Grievance Redress Officer post of DLO Chattogram."""
    return get_user_model().objects.get(username="officer")
