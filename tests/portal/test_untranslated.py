"""A page wagtail-localize copied into English but nobody translated yet (the demo's service-week notice)
is listed nowhere in English, and answers with its Bengali text marked as Bengali and a note saying so."""

import pytest

from pages.notices.models import NoticePage

pytestmark = pytest.mark.django_db

SLUG = "service-week-2026"


@pytest.fixture
def untranslated(demo):
    bengali = NoticePage.objects.get(slug=SLUG, locale=demo.bn)
    copy = NoticePage.objects.get(slug=SLUG, locale=demo.en)
    assert copy.live and copy.title == bengali.title  # wagtail-localize published its copy in Bengali
    return bengali, copy


def test_english_lists_leave_out_the_untranslated_notice(client, untranslated):
    bengali, _copy = untranslated
    for url in ("/en/", "/en/notices/", "/en/notices/feed/", f"/en/search/?q={bengali.title.split()[0]}"):
        response = client.get(url)
        assert response.status_code == 200
        assert bengali.title not in response.content.decode(), url


def test_bengali_lists_still_show_it(client, untranslated):
    bengali, _copy = untranslated
    assert bengali.title in client.get("/bn/notices/").text


def test_untranslated_notice_is_marked_bengali_with_a_note(client, untranslated):
    bengali, copy = untranslated
    html = client.get(copy.url).text
    assert "This page is available in Bengali only" in html
    note, content = html.split('class="untranslated-note"')[1].split('<div lang="bn">', 1)
    assert f'href="{bengali.url}"' in note
    assert bengali.title in content
    # Its canonical address is the original, and it is no alternate of it.
    assert f'<link rel="canonical" href="http://testserver{bengali.url}">' in html
    assert 'hreflang="en"' not in html.split("</head>")[0]


def test_original_says_english_is_not_translated(client, untranslated):
    bengali, copy = untranslated
    html = client.get(bengali.url).text
    assert copy.url not in html
    assert "untranslated-note" not in html


def test_translating_every_string_lists_the_notice(client, untranslated):
    from wagtail_localize.models import StringSegment, StringTranslation, Translation

    _bengali, copy = untranslated
    translation = Translation.objects.get(source__object_id=copy.translation_key, target_locale=copy.locale)
    for segment in StringSegment.objects.filter(source=translation.source):
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=copy.locale,
            context=segment.context,
            defaults={"data": f"EN {segment.string.data}"},
        )
    translation.save_target(publish=True)
    title = NoticePage.objects.get(pk=copy.pk).title
    assert title.startswith("EN ")
    assert title in client.get("/en/notices/").text
    assert "untranslated-note" not in client.get(copy.url).text
