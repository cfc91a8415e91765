"""The back office loads nothing from third parties: no avatars from gravatar.com (broken images offline,
and the officers' e-mail hashes sent away)."""

import pytest

from pages.base.avatars import initials
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_admin_pages_load_no_gravatar(client, demo):
    user = make_user("avatar-reader", groups=["Officers"])
    user.email = "reader@dol.gov.bd"
    user.save()
    client.force_login(user)
    for url in ("/admin/", "/admin/account/", "/admin/workflows/tasks/mine/"):
        page = client.get(url)
        assert page.status_code == 200 and "gravatar" not in page.content.decode().lower(), url


def avatar_urls(html):
    """Every avatar URL of an admin page: the <img> tags' and the sidebar's (its JSON props)."""
    import html as html_module
    import re

    text = html_module.unescape(html)
    return set(re.findall(r"/admin/avatars/\d+\.png\?v=\w+", text)) | set(re.findall(r'"avatarUrl": "([^"]*)"', text))


def test_admin_avatars_are_the_sites_own_initials(client, demo):
    user = make_user("avatar-initials", groups=["Officers"])
    user.first_name, user.last_name = "শ্রাবন্তী", "ক্ষমা"
    user.save()
    client.force_login(user)
    page = client.get("/admin/account/").content.decode()
    assert "gravatar" not in page.lower()
    urls = avatar_urls(page)
    assert urls and all(url.startswith(f"/admin/avatars/{user.pk}.png?v=") for url in urls), urls

    avatar = client.get(urls.pop())
    assert avatar.status_code == 200
    assert avatar["Content-Type"] == "image/png" and avatar.content.startswith(b"\x89PNG")
    # Whole letters: the conjunct with its vowel sign (শ্রা), the conjunct ক্ষ; not শ and ক alone.
    assert initials(user) == "শ্রাক্ষ"
    assert "private" in avatar["Cache-Control"] and "max-age=2592000" in avatar["Cache-Control"]
    assert "no-store" not in avatar["Cache-Control"]


def test_initials_skip_titles_and_take_latin_capitals(client, demo):
    from pages.base.avatars import avatar_url

    viewer = make_user("avatar-viewer", groups=["Officers"])
    titled = make_user("avatar-titled")
    titled.first_name, titled.last_name = "মোঃ করিম", "উদ্দিন"
    titled.save()
    latin = make_user("avatar-latin")
    latin.first_name, latin.last_name = "émile", "zola"
    latin.save()
    client.force_login(viewer)
    assert initials(titled) == "কউ" and initials(latin) == "ÉZ"
    assert client.get(avatar_url(titled))["Content-Type"] == "image/png"


def white_pixels(png: bytes) -> set:
    import io

    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("L")
    return {(x, y) for x in range(image.width) for y in range(image.height) if image.getpixel((x, y)) > 200}


def test_bengali_initials_are_drawn_with_the_shipped_font(demo):
    """Letters, not the empty boxes a font without Bengali draws (as an SVG's text did in a browser without a
    Bengali font): two different pairs of letters give two different drawings."""
    from pages.base.avatars import png

    first, second = make_user("avatar-ka"), make_user("avatar-ga")
    first.first_name, first.last_name = "কবির", "খান"
    second.first_name, second.last_name = "গৌতম", "ঘোষ"
    drawn = white_pixels(png(first)), white_pixels(png(second))
    assert drawn[0] and drawn[1] and drawn[0] != drawn[1]


def test_a_renamed_user_gets_a_new_avatar_url(demo):
    from pages.base.avatars import avatar_url

    user = make_user("avatar-renamed")
    before = avatar_url(user)
    user.first_name = "নাদিয়া"
    user.save()
    assert avatar_url(user) != before


def test_an_uploaded_avatar_is_kept(client, demo, settings, tmp_path):
    from django.core.files.base import ContentFile
    from wagtail.users.models import UserProfile

    settings.MEDIA_ROOT = str(tmp_path)
    user = make_user("avatar-uploader", groups=["Officers"])
    profile = UserProfile.get_for_user(user)
    profile.avatar.save("me.png", ContentFile(b"\x89PNG\r\n\x1a\n"), save=True)
    client.force_login(user)
    urls = avatar_urls(client.get("/admin/account/").content.decode())
    assert urls and all(url.startswith(settings.MEDIA_URL) and "me" in url for url in urls), urls


def test_avatars_are_for_signed_in_staff_only(client, demo):
    from pages.base.avatars import avatar_url

    user = make_user("avatar-private")
    url = avatar_url(user)
    assert client.get(url).status_code == 403  # anonymous
    client.force_login(make_user("avatar-no-admin"))  # signed in, no admin access
    assert client.get(url).status_code == 403
