"""Notification templates are edited under Snippets; the listing runs a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_user
from workflows.core.notifications.models import NotificationTemplate

pytestmark = pytest.mark.django_db

LISTING = "/admin/snippets/notifications/notificationtemplate/"


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


def test_listing_runs_constant_queries(client, demo, complaint_received):
    client.force_login(make_user("template-admin", superuser=True, language="en"))
    # The first request fills per-process caches (content types, site root paths): warm them first.
    client.get(LISTING)
    before, response = count_queries(client, LISTING)
    assert "complaint-received" in response.text
    for n in range(20):
        NotificationTemplate.objects.create(key=f"extra-{n}", description=f"Extra {n}", sms_bn="{{ x }}")
    after, response = count_queries(client, LISTING)
    assert "extra-19" in response.text
    assert after == before


def test_menu_shows_notification_templates(client, demo):
    client.force_login(make_user("template-admin", superuser=True, language="en"))
    response = client.get("/admin/snippets/")
    assert "Notification templates" in response.text


def test_anonymous_visitor_is_sent_to_login(client, demo):
    response = client.get(LISTING)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_admin_edits_a_template(client, demo, complaint_received):
    client.force_login(make_user("template-admin", superuser=True, language="en"))
    url = f"{LISTING}edit/{complaint_received.pk}/"
    assert client.get(url).status_code == 200
    data = {
        "key": "complaint-received",
        "description": "edited",
        "email_subject_bn": "বিষয় {{ reference }}",
        "email_subject_en": "Subject {{ reference }}",
        "email_body_bn": "বার্তা",
        "email_body_en": "Message",
        "sms_bn": "এসএমএস {{ reference }}",
        "sms_en": "SMS {{ reference }}",
    }
    assert client.post(url, data).status_code == 302
    complaint_received.refresh_from_db()
    assert complaint_received.render("sms", "bn", {"reference": "R-1"}) == ("", "এসএমএস R-1")

    response = client.post(url, {**data, "sms_en": "{% if %}"})
    assert response.status_code == 200
    assert "template error" in response.text
    complaint_received.refresh_from_db()
    assert complaint_received.sms_en == "SMS {{ reference }}"
