"""The printed certificate: real Chromium, text extractable with pdftotext (Bengali conjuncts included),
the Bengali font embedded, small enough, a QR code small enough to scan at 3 cm, one browser reused."""

import os
import re
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from workflows.certificates.pdf import renderer
from workflows.certificates.rendering import qr_svg
from workflows.certificates.services import verification_url

pytestmark = pytest.mark.django_db


def poppler(name):
    return shutil.which(name) or name


# Conjuncts and forms that a broken shaping or a broken ToUnicode map loses: ক্ষ, ন্ত্র, র্ম, স্থ, য-ফলা.
WORDS = ["লক্ষ্মী", "রানী", "স্থপতি", "মোঃ", "কর্মকার", "মন্ত্রণালয়", "যন্ত্র", "ব্যবস্থাপনা"]


def pdf_text(certificate, *args) -> str:
    path = certificate.pdf.path
    return subprocess.run([poppler("pdftotext"), *args, path, "-"], capture_output=True, text=True, check=True).stdout


def flat(text: str) -> str:
    return "".join(text.split())


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed")
def test_bengali_text_is_extractable_with_its_conjuncts(issue):
    from .conftest import CONTEXT

    context = {**CONTEXT, "course_bn": "যন্ত্র ব্যবস্থাপনা"}
    first = issue(source_key="a", holder_name_bn="লক্ষ্মী রানী স্থপতি", context=context)
    second = issue(source_key="b", holder_name_bn="মোঃ কর্মকার", context=context)
    raw = flat(pdf_text(first, "-raw") + pdf_text(second, "-raw"))
    found = [w for w in WORDS if w in raw]
    assert found == WORDS, f"pdftotext -raw found {len(found)} of {len(WORDS)}"
    # The whole name, for a copy-paste of it, in pdftotext's default (layout-sorting) mode too.
    assert "লক্ষ্মীরানীস্থপতি" in raw and "লক্ষ্মীরানীস্থপতি" in flat(pdf_text(first))
    assert "মোঃকর্মকার" in flat(pdf_text(second))


def test_english_certificate_says_it_in_english(issue):
    certificate = issue(language="en")
    text = flat(pdf_text(certificate, "-raw"))
    assert "LakshmiRaniSthapati" in text and "Certificateoftraining" in text
    assert "1November2026" in text and "batch12" in text


def test_pdf_embeds_noto_sans_bengali_is_a4_landscape_and_small(issue):
    certificate = issue()
    fonts = subprocess.run(
        [poppler("pdffonts"), certificate.pdf.path], capture_output=True, text=True, check=True
    ).stdout
    assert "NotoSansBengali" in fonts
    info = subprocess.run([poppler("pdfinfo"), certificate.pdf.path], capture_output=True, text=True, check=True).stdout
    width, height = (float(x) for x in re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts \(A4\)", info).groups())
    assert width > height  # landscape
    assert "Pages:           1" in info
    assert certificate.pdf_size <= 100 * 1024


def test_bengali_dates_serial_and_office_are_printed(issue):
    certificate = issue()
    text = flat(pdf_text(certificate, "-raw"))
    assert "৩০নভেম্বর২০২৬" in text  # Gregorian, in Bengali digits
    assert "১৫অগ্রহায়ণ১৪৩৩" in text  # the same day by the Bengali calendar
    assert certificate.serial_display in text
    assert "বিভাগীয়শ্রমদপ্তর" in text or "চট্টগ্রাম" in text


def test_qr_code_stays_small_with_error_correction_m(issue):
    """A 19-letter Bengali name and a 31-letter Bengali subject: version 17 (85 modules, 0.35 mm each at
    3 cm). The URL carries the signed fields themselves (for the offline check), so its length follows them."""
    import segno

    certificate = issue()
    url = verification_url(certificate)
    _svg, version = qr_svg(url)
    assert segno.make(url, error="m", boost_error=False).error == "M"
    assert version <= 17, version
    short = issue(source_key="short", holder_name_bn="রহিম", holder_name_en="Rahim", subject_bn="ঝালাই")
    assert qr_svg(verification_url(short))[1] <= 14


def test_one_browser_serves_many_pdfs_and_a_dead_one_is_restarted(issue):
    issue(source_key="warm")
    launches = renderer.launches
    for i in range(3):
        issue(source_key=f"reuse-{i}")
    assert renderer.launches == launches
    # Kill Chromium: the next certificate starts a new browser and is made all the same.
    browsers = _chromium_processes()
    assert browsers
    for pid in browsers:
        os.kill(pid, signal.SIGKILL)
    certificate = issue(source_key="after-kill")
    assert certificate.pdf.open("rb").read().startswith(b"%PDF-")
    assert renderer.launches == launches + 1


def _chromium_processes() -> list[int]:
    """Chromium's main processes below this test process (Playwright's driver starts them), from /proc."""
    parents, commands = {}, {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                commands[int(entry.name)] = (
                    (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                )
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    mine, found = {os.getpid()}, []
    for _ in range(5):  # a few generations down
        mine |= {pid for pid, ppid in parents.items() if ppid in mine}
    for pid in mine:
        command = commands.get(pid, "")
        if "chromium" in command and "--type=" not in command:
            found.append(pid)
    return found
