"""The demo data command is idempotent and builds what the portal needs."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision

from pages.directory.models import Officer
from pages.services.models import ServicePage
from workflows.core.models import Office

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "officers": Officer.objects.count(),
        "offices": Office.objects.count(),
        "users": get_user_model().objects.count(),
    }


def test_running_twice_changes_nothing(demo):
    before = counts()
    call_command("load_demo_data", verbosity=0)
    assert counts() == before


def test_demo_content(demo):
    assert ServicePage.objects.live().filter(locale=demo.bn).count() >= 8
    assert ServicePage.objects.live().filter(locale=demo.en).count() >= 8
    for name in ("বিভাগীয় শ্রম দপ্তর, চট্টগ্রাম", "শিল্প সম্পর্ক শিক্ষায়তন"):
        assert Office.objects.filter(name_bn__contains=name).exists()
    users = set(get_user_model().objects.values_list("username", flat=True))
    assert {"admin", "editor", "approver", "officer"} <= users


def test_credentials_are_not_printed_outside_development(capsys, settings, demo):
    settings.DEBUG = False
    call_command("load_demo_data")
    assert "demo-" not in capsys.readouterr().out
