"""Every page type can be translated through wagtail-localize's editor, as an editor would do it."""

import pytest
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from wagtail_localize.models import StringSegment, Translation

from tests.factories import make_user
from tests.portal.test_pages import PAGE_TYPES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
def test_translate_page_type_through_the_editor(client, demo, model, django_capture_on_commit_callbacks):
    client.force_login(make_user("translator", superuser=True))
    source = demo.page(model, "bn")
    existing = source.get_translation_or_none(demo.en)
    if existing is not None:  # the demo data has one already: start over as an editor would
        existing.delete()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/localize/submit/page/{source.id}/", {"locales": [demo.en.id]})
    assert response.status_code == 302
    target = source.get_translation(demo.en)
    assert response["Location"] == f"/admin/pages/{target.id}/edit/"

    editor = client.get(f"/admin/pages/{target.id}/edit/")
    assert editor.status_code == 200
    assert "js-translation-editor" in editor.text

    translation = Translation.objects.get(source__object_id=source.translation_key, target_locale=demo.en)
    title_segment = StringSegment.objects.get(source=translation.source, context__path="title")
    response = client.put(  # what the translation editor's JavaScript sends
        f"/admin/localize/translate/{translation.id}/strings/{title_segment.id}/edit/",
        encode_multipart(BOUNDARY, {"value": f"{model.__name__} in English"}),
        content_type=MULTIPART_CONTENT,
    )
    assert response.status_code in (200, 201)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{target.id}/edit/", {"action": "publish"})
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.live
    assert target.title == f"{model.__name__} in English"
    assert client.get(target.url).status_code == 200
