"""The editors' image library stores originals without metadata: a phone photo's GPS position never reaches
the portal."""

import pytest
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.complaints.factories import upload
from tests.factories import assert_no_metadata, gps_photo, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(make_user("image-admin", superuser=True, language="en"))
    return client


def test_an_image_uploaded_in_the_admin_is_stored_without_gps_and_upright(editor_client):
    collection = Collection.get_first_root_node()
    response = editor_client.post(
        "/admin/images/add/",
        {
            "title": "Field visit",
            "collection": collection.pk,
            "file": upload("IMG_0002.jpg", gps_photo(), "image/jpeg"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get(title="Field visit")
    with image.file.open("rb") as stored:
        data = stored.read()
    assert assert_no_metadata(data) == (20, 40)
    assert (image.width, image.height) == (20, 40) and image.file_size == len(data)


def test_the_multiple_upload_stores_images_without_gps(editor_client):
    response = editor_client.post(
        "/admin/images/multiple/add/", {"files[]": upload("IMG_0003.jpg", gps_photo(), "image/jpeg")}
    )
    assert response.status_code == 200 and response.json()["success"], response.content.decode()[:2000]
    image = get_image_model().objects.get(pk=response.json()["image_id"])
    with image.file.open("rb") as stored:
        assert assert_no_metadata(stored.read()) == (20, 40)
