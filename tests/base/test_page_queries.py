"""Uncached public pages run at most 10 queries: the menus, the language switcher's links, the breadcrumbs
and the site settings come from the cache, kept until content changes."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from pages.base.models import Menu, SiteSettings

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/bn/",
    "/en/",
    "/bn/notices/",
    "/en/notices/",
    "/bn/services/",
    "/bn/about/",
    "/bn/citizen-charter/",
    "/bn/directory/",
    "/bn/downloads/",
    "/bn/contact/",
    "/bn/complaints/new/",
    "/bn/complaints/status/",
    "/bn/search/?q=সেবা",
    "/en/search/?q=service",
    "/bn/accessibility/",
]


def past_the_page_cache():
    client = Client()
    client.cookies["sessionid"] = "none"  # a session cookie: the anonymous page cache is not used
    return client


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_an_uncached_public_page_runs_at_most_ten_queries(demo, url):
    client = past_the_page_cache()
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) <= 10, "\n".join(q["sql"][:90] + " … " + q["sql"][-110:] for q in queries)


def test_a_changed_menu_and_setting_show_at_once(demo):
    client = past_the_page_cache()
    assert "নতুন মেনু-নাম" not in client.get("/bn/").text
    item = Menu.objects.get(slot="header", locale=demo.bn).items.first()
    item.label = "নতুন মেনু-নাম"
    item.save()
    assert "নতুন মেনু-নাম" in client.get("/bn/").text
    settings = SiteSettings.objects.get()
    settings.name_bn = "নতুন মন্ত্রণালয়-নাম"
    settings.save()
    assert "নতুন মন্ত্রণালয়-নাম" in client.get("/bn/").text
