"""The portal's mark and icons: the emblem beside the ministry's name in text, a favicon at the root."""

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_favicon_ico_is_served_at_the_root(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/vnd.microsoft.icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # an ICO file's header
    assert "max-age=604800" in response["Cache-Control"]


@pytest.mark.parametrize("language", ["bn", "en"])
def test_pages_link_the_svg_icon_and_the_touch_icon(client, demo, language):
    html = client.get(f"/{language}/").content.decode()
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in html
    assert '<link rel="apple-touch-icon" href="/static/img/apple-touch-icon.png">' in html
    for name in ("img/favicon.svg", "img/apple-touch-icon.png", "img/emblem.svg"):
        assert finders.find(name), name


def test_the_emblem_has_no_text_and_the_name_is_in_the_page(client, demo):
    svg = Path(finders.find("img/emblem.svg")).read_text(encoding="utf-8")
    assert "<text" not in svg and "#006a4e" in svg and "#f42a41" in svg
    bn = client.get("/bn/").content.decode()
    en = client.get("/en/").content.decode()
    assert 'class="brand-name">শ্রম ও কর্মসংস্থান মন্ত্রণালয়<' in bn
    assert 'class="brand-name">Ministry of Labour and Employment<' in en
