"""What keeps the public pages usable on a phone: a menu behind a button, stacked charter cards, numbers
and dates that do not break, directory cells that stay table cells."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def get(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


@pytest.mark.parametrize("language", ["bn", "en"])
def test_menu_button_controls_the_menu_and_is_hidden_without_script(client, demo, language):
    html = get(client, f"/{language}/")
    button = re.search(r'<button class="menu-toggle"[^>]*>', html).group(0)
    assert 'aria-expanded="true"' in button and 'aria-controls="menu-header"' in button and " hidden" in button
    assert '<ul class="menu menu-header" id="menu-header">' in html
    assert '<script src="/static/js/menu.js" defer></script>' in html
    script = Path(finders.find("js/menu.js")).read_text(encoding="utf-8")
    assert "aria-expanded" in script and "button.hidden = false" in script


def test_citizen_charter_cells_carry_their_column_label(client, demo):
    html = get(client, "/bn/citizen-charter/")
    assert '<table class="charter stack-table">' in html
    for label in ("ক্রম", "সেবার নাম", "সেবামূল্য", "সময়সীমা"):
        assert f'<td data-label="{label}">' in html, label
    css = Path(finders.find("css/site.css")).read_text(encoding="utf-8")
    assert "content: attr(data-label)" in css


def test_directory_officer_cell_is_a_table_cell(client, demo):
    html = get(client, "/bn/directory/")
    assert '<td class="officer"' not in html
    assert '<td><span class="officer">' in html


def test_notice_dates_do_not_wrap(client, demo):
    html = get(client, "/bn/notices/")
    assert re.search(r'<span class="notice-date">[০-৯]+ [^<]+ [০-৯]{4}</span>', html)
    css = Path(finders.find("css/site.css")).read_text(encoding="utf-8")
    assert ".notice-date { white-space: nowrap; }" in css
    assert ".nowrap, .tracking-number { white-space: nowrap; }" in css
