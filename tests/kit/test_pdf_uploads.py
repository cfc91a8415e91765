"""The attachments' PDF check (uploads.check_upload, through pdfcheck) over the crafted corpus: every hostile
file refused for its reason, every plain one accepted."""

import time

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from workflows.core.uploads import check_upload

from .pdf_corpus import HOSTILE, HOSTILE_VERDICT, PLAIN


@pytest.mark.parametrize("case", HOSTILE, ids=HOSTILE)
def test_hostile_pdf_is_refused_for_its_reason(case):
    upload = SimpleUploadedFile(f"{case}.pdf", HOSTILE[case](), content_type="application/pdf")
    with pytest.raises(ValidationError) as refused:
        check_upload(upload)
    [error] = refused.value.error_list
    assert error.code == "pdf_" + HOSTILE_VERDICT.get(case, "active_content")
    assert f"{case}.pdf" in error.message % error.params


@pytest.mark.parametrize("case", PLAIN, ids=PLAIN)
def test_plain_pdf_is_accepted(case):
    data = PLAIN[case]()
    checked = check_upload(SimpleUploadedFile(f"{case}.pdf", data, content_type="application/pdf"))
    assert checked.content_type == "application/pdf"
    assert checked.size == len(data)  # a PDF is kept as it came


def test_the_bomb_is_small_and_refused_quickly():
    data = HOSTILE["bomb"]()
    assert len(data) < 100_000
    started = time.monotonic()
    with pytest.raises(ValidationError):
        check_upload(SimpleUploadedFile("bomb.pdf", data))
    assert time.monotonic() - started < 5
