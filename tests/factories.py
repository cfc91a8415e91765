"""Small builders for tests, on top of the demo data."""

import io
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from PIL import Image
from wagtail.models import Locale

from pages.base.models import HomePage


def save_migrated_state():
    """Keep what the migrations put in the new test database (Wagtail's root page and collection, the
    locales, the processes' templates and certificate kinds), before the demo is loaded on top."""
    connection._migrated_state = connection.creation.serialize_db_to_string()


def restore_migrated_state():
    """After a flush: the database as the migrations left it (a flush keeps none of their data)."""
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    connection.creation.deserialize_db_from_string(connection._migrated_state)
    # The rows came back with their ids: move the sequences past them (PostgreSQL; SQLite needs nothing).
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    # The flush's post_migrate made content types with other ids; the cache would still hand those out (and
    # a workflow task's `specific` would then be some other model).
    ContentType.objects.clear_cache()


@dataclass
class DemoSite:
    bn: Locale
    en: Locale
    home_bn: HomePage
    home_en: HomePage

    @classmethod
    def get(cls):
        if not HomePage.objects.exists():  # a transactional test flushed the database
            restore_migrated_state()
            call_command("load_demo_data", verbosity=0)
        bn = Locale.objects.get(language_code="bn")
        en = Locale.objects.get(language_code="en")
        return cls(
            bn=bn,
            en=en,
            home_bn=HomePage.objects.get(locale=bn),
            home_en=HomePage.objects.get(locale=en),
        )

    def page(self, model, language="bn"):
        """The demo page of this type in this language (the first one when there are several)."""
        return model.objects.live().filter(locale=self.bn if language == "bn" else self.en).order_by("path").first()


def make_user(username, *, superuser=False, groups=(), language="bn", password="pass-for-tests"):
    from django.contrib.auth.models import Group
    from wagtail.users.models import UserProfile

    user_model = get_user_model()
    user = user_model.objects.create_user(username, f"{username}@example.gov.bd", password)
    if superuser:
        user.is_staff = user.is_superuser = True
        user.save()
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def totp_code(device) -> str:
    """The code an authenticator app would show for `device` now (the next step if this one was used)."""
    import time

    from django_otp.oath import totp

    device.refresh_from_db()
    step = int((time.time() - device.t0) // device.step)
    target = max(step, device.last_t + 1)  # an app's code is accepted once: a second sign-in takes the next one
    return str(totp(device.bin_key, device.step, device.t0, device.digits, drift=target - step)).zfill(device.digits)


def two_factor_client(user, password="pass-for-tests"):
    """A client signed in as an officer signs in: the password on the sign-in page, then a code from an
    authenticator app, which the first time is enrolled over HTTP from the two-factor page."""
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user.set_password(password)  # demo users have their own; the test knows this one
    user.save(update_fields=["password"])
    client = Client()
    response = client.post("/admin/login/", {"username": user.username, "password": password, "next": "/admin/"})
    assert response.status_code == 302, "the password was refused"
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        assert client.get("/admin/two-factor/authenticator/").status_code == 200
        device = TOTPDevice.objects.get(user=user, confirmed=False)
        response = client.post("/admin/two-factor/authenticator/", {"name": "office phone", "code": totp_code(device)})
        assert response.status_code == 200 and "recovery-codes" in response.text, "enrolment failed"
    else:
        response = client.get("/admin/")
        assert response.status_code == 302 and response.url.startswith("/admin/two-factor/verify/")
        response = client.post(response.url, {"code": totp_code(device), "next": "/admin/"})
        assert response.status_code == 302, "the code was refused"
    assert client.get("/admin/").status_code == 200
    return client


def gps_photo(orientation=6) -> bytes:
    """A phone's JPEG: where it was taken (GPS), the camera, a comment, XMP, and turned by its EXIF."""
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "PhoneMaker"
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (23.0, 48.0, 36.0), 3: "E", 4: (90.0, 24.0, 12.0)})
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (0, 106, 78)).save(
        buffer, "JPEG", exif=exif, comment=b"home address", xmp=b"<x:xmpmeta>Karim</x:xmpmeta>"
    )
    return buffer.getvalue()


def assert_no_metadata(data: bytes):
    with Image.open(io.BytesIO(data)) as image:
        assert not image.getexif() and not image.getexif().get_ifd(0x8825)
        assert not {"exif", "xmp", "comment"} & image.info.keys()
        size = image.size
    for trace in (b"PhoneMaker", b"home address", b"Karim", b"Exif"):
        assert trace not in data
    return size
