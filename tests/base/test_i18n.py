"""Bengali first: language prefixes, the root redirect, the switcher and translated error pages."""

import pytest

from pages.base.models import StandardPage

pytestmark = pytest.mark.django_db


def test_root_redirects_to_bengali_by_default(client, demo):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/bn/"


def test_root_redirects_by_browser_language(client, demo):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response["Location"] == "/en/"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="bn-BD,bn;q=0.9,en;q=0.5")
    assert response["Location"] == "/bn/"


def test_home_pages_in_both_languages(client, demo):
    bn = client.get("/bn/")
    en = client.get("/en/")
    assert bn.status_code == en.status_code == 200
    assert '<html lang="bn">' in bn.text
    assert '<html lang="en">' in en.text
    assert "শ্রম ও কর্মসংস্থান মন্ত্রণালয়" in bn.text
    assert "Ministry of Labour and Employment" in en.text
    assert "+৮৮০" in bn.text and "+880" in en.text  # the footer's phone number, in each language's digits


def test_switcher_links_to_the_translated_page(client, demo):
    about_bn = demo.page(StandardPage, "bn")
    about_en = about_bn.get_translation(demo.en)
    response = client.get(about_bn.url)
    assert f'href="{about_en.url}" lang="en"' in response.text
    response = client.get(about_en.url)
    assert f'href="{about_bn.url}" lang="bn"' in response.text


def test_switcher_says_when_there_is_no_translation(client, demo):
    lonely = demo.home_bn.add_child(instance=StandardPage(title="শুধু বাংলায়", slug="only-bengali", locale=demo.bn))
    response = client.get(lonely.url)
    assert response.status_code == 200
    assert 'href="/en/" lang="en"' in response.text
    assert "not-translated" in response.text


def test_unknown_url_gives_a_translated_404(client, demo):
    bn = client.get("/bn/no-such-page/")
    en = client.get("/en/no-such-page/")
    assert bn.status_code == en.status_code == 404
    assert "পাতাটি পাওয়া যায়নি" in bn.text
    assert "Page not found" in en.text
    assert '<html lang="bn">' in bn.text


def test_unprefixed_unknown_url_ends_on_a_bengali_404(client, demo):
    response = client.get("/no-such-page/", follow=True)
    assert response.status_code == 404
    assert "পাতাটি পাওয়া যায়নি" in response.text
