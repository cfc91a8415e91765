"""The page body's table editor (Handsontable) in the editor's language: Bengali phrases for a Bengali
editor instead of `Language with code "bn" was not found`, Handsontable's own English for an English one."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from pages.base.models import StandardPage

pytestmark = pytest.mark.django_db


def _editor_page(client, language):
    user = get_user_model().objects.get(username="editor")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    page = StandardPage.objects.filter(locale__language_code="bn").first()
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    return response.content.decode()


def _table_languages(html):
    """The `language` of every table widget's options (telepath's data, HTML-escaped in an attribute)."""
    return set(re.findall(r"&quot;language&quot;: &quot;([\w-]+)&quot;", html))


def test_bengali_editor_gets_a_bengali_dictionary_for_the_table_editor(demo, client):
    html = _editor_page(client, "bn")
    assert _table_languages(html) == {"bn"}
    data = re.search(r'<script id="handsontable-bn-dictionary" type="application/json">(.*?)</script>', html)
    assert data, "the Bengali phrases Handsontable needs for the language it is given"
    dictionary = json.loads(data.group(1))
    assert dictionary["languageCode"] == "bn"
    assert dictionary["ContextMenu:items.insertRowAbove"] == "ওপরে সারি যোগ করুন"
    assert "/static/js/handsontable-bn.js" in html


def test_english_editor_gets_handsontables_own_english(demo, client):
    html = _editor_page(client, "en")
    assert _table_languages(html) == {"en-US"}
    assert "handsontable-bn-dictionary" not in html
