"""The demo data command is idempotent and builds what the portal needs."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from PIL import Image as PILImage
from pypdf import PdfReader
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from pages.base.demo.files import IMAGES
from pages.directory.models import Officer
from pages.downloads.models import DownloadsPage
from pages.services.models import ServicePage
from workflows.core.models import Office

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "officers": Officer.objects.count(),
        "offices": Office.objects.count(),
        "users": get_user_model().objects.count(),
    }


def test_running_twice_changes_nothing(demo):
    before = counts()
    call_command("load_demo_data", verbosity=0)
    assert counts() == before


def test_demo_content(demo):
    assert ServicePage.objects.live().filter(locale=demo.bn).count() >= 8
    assert ServicePage.objects.live().filter(locale=demo.en).count() >= 8
    for name in ("বিভাগীয় শ্রম দপ্তর, চট্টগ্রাম", "শিল্প সম্পর্ক শিক্ষায়তন"):
        assert Office.objects.filter(name_bn__contains=name).exists()
    users = set(get_user_model().objects.values_list("username", flat=True))
    assert {"admin", "editor", "approver", "officer"} <= users


def test_credentials_are_not_printed_outside_development(capsys, settings, demo):
    settings.DEBUG = False
    call_command("load_demo_data")
    assert "demo-" not in capsys.readouterr().out


BENGALI = re.compile("[\u0980-\u09ff]")


def test_downloads_are_bengali_pdfs_with_a_year_and_a_category(demo):
    downloads = DownloadsPage.objects.get(locale=demo.bn)
    items = list(downloads.items.all())
    assert len(items) >= 10
    for item in items:
        assert item.year and item.category and BENGALI.search(item.title), item.title
        document = item.document
        assert BENGALI.search(document.title), document.title
        with document.file.open("rb") as handle:
            reader = PdfReader(handle)
            assert reader.metadata.title == document.title
            fonts = {
                str(font.get_object()["/BaseFont"])
                for page in reader.pages
                for font in page["/Resources"]["/Font"].values()
            }
        # Printed with the shipped Bengali font (a standard PDF font has no Bengali glyphs), several paragraphs long.
        assert any("NotoSansBengali" in name for name in fonts), fonts
        assert document.file_size > 10_000


def test_minutes_pdf_carries_the_seed_text(demo):
    document = get_document_model().objects.get(title__startswith="২৩ নভেম্বর ২০২১")
    with document.file.open("rb") as handle:
        text = "".join(page.extract_text() for page in PdfReader(handle).pages)
    text = re.sub(r"\s", "", text)  # the extracted text has spaces between the glyph runs
    assert "৪০.০২.০০০০.০৪৩.৬৬.০০৭.১৯.৫৩" in text  # the memo number, as printed in the seed


def test_demo_images_have_bengali_titles_and_no_text_band(demo):
    for spec in IMAGES.values():
        image = get_image_model().objects.get(title=spec.title)
        assert BENGALI.search(image.title) and BENGALI.search(image.description)
        with image.file.open("rb") as handle:
            picture = PILImage.open(handle).convert("RGB")
            # The old banners wrote their English words in white on a dark band along the bottom edge.
            band = picture.crop((0, picture.height - 90, picture.width // 2, picture.height))
            white = sum(1 for x in range(band.width) for y in range(band.height) if min(band.getpixel((x, y))) > 200)
        assert white < band.width * 2, white
