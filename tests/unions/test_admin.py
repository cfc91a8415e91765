"""The union register in the admin: office-scoped views (404 elsewhere), constant queries on the list,
editing with office-bearers, cancellation (audited) and the import of unions from a spreadsheet."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import make_user
from workflows.core.models import AuditEntry, Office, Post, PostHolding
from workflows.core.roles import OFFICE_HEAD
from workflows.unions.models import Representative, Union

from .factories import make_representative, make_union

pytestmark = pytest.mark.django_db


def officer_of(office, username):
    post, _ = Post.objects.get_or_create(
        office=office, role=OFFICE_HEAD, defaults={"title_bn": "দপ্তর প্রধান", "title_en": "Head of office"}
    )
    user = make_user(username, groups=["Officers"], language="en")
    PostHolding.objects.create(user=user, post=post)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def offices(demo):
    return Office.objects.get(code="dlo-rajshahi"), Office.objects.get(code="dlo-khulna")


def test_officer_of_other_office_gets_404_on_every_union_view(offices):
    rajshahi, khulna = offices
    client = officer_of(rajshahi, "u-raj")
    theirs = make_union(khulna)
    make_representative(theirs)
    for url in (
        f"/admin/workflows/unions/edit/{theirs.pk}/",
        f"/admin/workflows/unions/{theirs.pk}/representatives/",
        f"/admin/workflows/unions/{theirs.pk}/cancel/",
        f"/admin/workflows/unions/import/{khulna.pk}/",
    ):
        assert client.get(url).status_code == 404, url
    response = client.post(
        f"/admin/workflows/unions/{theirs.pk}/representatives/",
        {"name": "X", "position": "treasurer", "mobile": "01811999000"},
    )
    assert response.status_code == 404 and theirs.representatives.count() == 1
    response = client.post(f"/admin/workflows/unions/{theirs.pk}/cancel/", {"on": "2025-01-01", "reason": "x"})
    assert response.status_code == 404
    theirs = Union.objects.get(pk=theirs.pk)
    assert theirs.is_active
    listing = client.get("/admin/workflows/unions/").content.decode()
    assert theirs.name_bn not in listing
    assert Union.objects.filter(office=rajshahi).first().name_bn in listing


def test_listing_runs_constant_queries(offices):
    rajshahi, _ = offices
    client = officer_of(rajshahi, "u-count")
    for _ in range(3):
        make_representative(make_union(rajshahi))
    client.get("/admin/workflows/unions/")
    with CaptureQueriesContext(connection) as few:
        assert client.get("/admin/workflows/unions/").status_code == 200
    for _ in range(17):
        make_representative(make_union(rajshahi))
    with CaptureQueriesContext(connection) as many:
        assert client.get("/admin/workflows/unions/").status_code == 200
    assert len(many) == len(few)


def test_edit_with_office_bearers_is_audited(offices):
    rajshahi, _ = offices
    client = officer_of(rajshahi, "u-edit")
    union = make_union(rajshahi)
    response = client.post(
        f"/admin/workflows/unions/edit/{union.pk}/",
        {
            "registration_number": "রাজ-৭৭৭৭",
            "registered_on": "2015-03-01",
            "office": rajshahi.pk,
            "name_bn": "রাজশাহী পরীক্ষা শ্রমিক ইউনিয়ন",
            "name_en": "",
            "kind": "basic",
            "establishment": "",
            "address_bn": "",
            "address_en": "",
            "office_bearers-TOTAL_FORMS": "1",
            "office_bearers-INITIAL_FORMS": "0",
            "office_bearers-MIN_NUM_FORMS": "0",
            "office_bearers-MAX_NUM_FORMS": "1000",
            "office_bearers-0-name": "মোঃ সভাপতি",
            "office_bearers-0-position": "president",
            "office_bearers-0-mobile": "01712000111",
            "office_bearers-0-id": "",
            "office_bearers-0-ORDER": "1",
            "office_bearers-0-DELETE": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    union = Union.objects.get(pk=union.pk)
    assert union.registration_number == "রাজ-৭৭৭৭"
    assert union.office_bearers.get().mobile == "+8801712000111"
    assert AuditEntry.objects.filter(action="union.edit", object_id=str(union.pk)).count() == 1


def test_cancel_registration_is_audited_and_refuses_bad_input(offices):
    rajshahi, _ = offices
    client = officer_of(rajshahi, "u-cancel")
    union = make_union(rajshahi)
    response = client.post(f"/admin/workflows/unions/{union.pk}/cancel/", {"on": "2099-01-01", "reason": "x"})
    assert response.status_code == 200 and "cannot be in the future" in response.content.decode()
    response = client.post(f"/admin/workflows/unions/{union.pk}/cancel/", {"on": "0001-01-01", "reason": "x"})
    assert response.status_code == 200 and "Enter a date on or after" in response.content.decode()
    response = client.post(f"/admin/workflows/unions/{union.pk}/cancel/", {"on": "2025-02-01", "reason": ""})
    assert response.status_code == 200
    union = Union.objects.get(pk=union.pk)
    assert union.is_active
    response = client.post(
        f"/admin/workflows/unions/{union.pk}/cancel/", {"on": "2025-02-01", "reason": "শ্রম আদালতের আদেশ"}
    )
    assert response.status_code == 302
    union = Union.objects.get(pk=union.pk)
    assert union.status == Union.Status.CANCELLED and str(union.cancelled_on) == "2025-02-01"
    entry = AuditEntry.objects.get(action="union.cancel", object_id=str(union.pk))
    assert (entry.from_state, entry.to_state) == ("active", "cancelled")
    response = client.post(
        f"/admin/workflows/unions/{union.pk}/representatives/",
        {"name": "X", "position": "treasurer", "mobile": "01811999001"},
    )
    assert response.status_code == 200 and not Representative.objects.filter(union=union).exists()


HEADER = (
    "Registration number,Name (Bengali),Name (English),Kind,Establishment or industry,Address (Bengali),"
    "Registered on,General secretary's name,General secretary's mobile\n"
)


def upload(client, office, text):
    url = f"/admin/workflows/unions/import/{office.pk}/"
    response = client.post(url, {"file": SimpleUploadedFile("unions.csv", text.encode(), "text/csv")})
    return response


def test_import_good_file(offices):
    rajshahi, _ = offices
    client = officer_of(rajshahi, "u-import")
    text = HEADER + (
        "রাজ-৮০০১,রাজশাহী বিড়ি শ্রমিক ইউনিয়ন,Rajshahi Bidi Workers' Union,basic,বিড়ি শিল্প,রাজশাহী,01/02/2010,"
        "মোঃ আলম,01712345600\n"
        "রাজ-৮০০২,উত্তরবঙ্গ হোটেল শ্রমিক ফেডারেশন,,ফেডারেশন,হোটেল,বগুড়া,১৫/০৩/২০১২,,\n"
    )
    response = upload(client, rajshahi, text)
    assert response.status_code == 302
    preview = client.get(response["Location"])
    assert preview.status_code == 200
    response = client.post(response["Location"])
    assert response.status_code == 302
    bidi = Union.objects.get(registration_number="রাজ-৮০০১")
    assert bidi.office == rajshahi and bidi.office_bearers.get().mobile == "+8801712345600"
    assert Union.objects.get(registration_number="রাজ-৮০০২").kind == Union.Kind.FEDERATION
    assert AuditEntry.objects.filter(action="union.import", object_id=str(rajshahi.pk)).count() == 1


def test_import_with_bad_rows_saves_nothing(offices):
    rajshahi, _ = offices
    client = officer_of(rajshahi, "u-import-bad")
    before = Union.objects.count()
    text = HEADER + (
        "রাজ-০৩৪১,আগে থেকে নিবন্ধিত,,basic,,,01/02/2010,,\n"  # already in the demo register
        "রাজ-৮১০১,নতুন ইউনিয়ন,,cooperative,,,31/02/2010,,01712\n"
        "রাজ 8101,একই নম্বর,,basic,,,01/02/2010,,\n"
    )
    response = upload(client, rajshahi, text)
    preview = client.get(response["Location"])
    page = preview.content.decode()
    assert "already registered" in page and "basic" in page
    response = client.post(response["Location"])
    assert response.status_code == 200
    assert Union.objects.count() == before


def test_a_registration_date_outside_the_window_is_refused_in_the_form_and_in_a_file(offices):
    rajshahi, _ = offices
    client = officer_of(rajshahi, "u-dates")
    union = make_union(rajshahi)
    form = {
        "registration_number": union.registration_number,
        "office": rajshahi.pk,
        "name_bn": union.name_bn,
        "kind": "basic",
        "office_bearers-TOTAL_FORMS": "0",
        "office_bearers-INITIAL_FORMS": "0",
        "office_bearers-MIN_NUM_FORMS": "0",
        "office_bearers-MAX_NUM_FORMS": "1000",
    }
    assert client.get(f"/admin/workflows/unions/edit/{union.pk}/").status_code == 200
    for typed in ("0001-01-01", "2999-01-01"):
        response = client.post(f"/admin/workflows/unions/edit/{union.pk}/", {**form, "registered_on": typed})
        assert response.status_code == 200, typed
        assert "Enter a date on or after" in response.text or "cannot be in the future" in response.text
    assert Union.objects.get(pk=union.pk).registered_on == union.registered_on
    before = Union.objects.count()
    response = upload(client, rajshahi, HEADER + "রাজ-৮২০১,পুরোনো ইউনিয়ন,,basic,,,01/01/0001,,\n")
    assert "Enter a date on or after" in client.get(response["Location"]).text
    assert client.post(response["Location"]).status_code == 200
    assert Union.objects.count() == before
