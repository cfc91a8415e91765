"""The printed certificate as HTML (Django templates, one per layout), the same for the PDF and the preview.

Everything the page needs is inline (the Bengali font as data: URIs, the QR code as SVG, the signature
as a data: URI), so Chromium loads nothing from anywhere. The kind's wording is substituted by
`placeholders.substitute` (escaped), never rendered as a template.
"""

import base64
import datetime
import functools
import re

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from pages.base.bengali_calendar import format_bengali_date, format_gregorian_bn, to_bengali_digits
from workflows.core.access import all_offices
from workflows.core.codes import format_serial
from workflows.core.models import Office, Post

from .placeholders import parse_extra_placeholders, substitute

FONT_FILES = {
    # (family subset, weight): file in static/fonts; unicode-range keeps Latin text on the Latin subset.
    ("bengali", 400): "noto-sans-bengali-bengali-400-normal.woff2",
    ("bengali", 700): "noto-sans-bengali-bengali-700-normal.woff2",
    ("latin", 400): "noto-sans-bengali-latin-400-normal.woff2",
    ("latin", 700): "noto-sans-bengali-latin-700-normal.woff2",
}
UNICODE_RANGES = {
    "bengali": "U+0951-0952, U+0964-0965, U+0980-09FE, U+1CD0, U+1CD2, U+1CD5-1CD6, U+1CD8, U+1CE1, U+1CEA, "
    "U+1CED, U+1CF2, U+1CF5-1CF7, U+200C-200D, U+20B9, U+25CC, U+A8F1",
    "latin": "U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, "
    "U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD",
}
ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
QR_ERROR = "m"


@functools.cache
def font_css() -> str:
    """@font-face rules with the shipped Noto Sans Bengali inline (Chromium subsets it into the PDF)."""
    rules = []
    for (subset, weight), name in FONT_FILES.items():
        data = base64.b64encode((settings.BASE_DIR / "static" / "fonts" / name).read_bytes()).decode()
        rules.append(
            "@font-face{font-family:'Noto Sans Bengali';font-style:normal;font-display:block;"
            f"font-weight:{weight};src:url(data:font/woff2;base64,{data}) format('woff2');"
            f"unicode-range:{UNICODE_RANGES[subset]}}}"
        )
    return "\n".join(rules)


def format_date(day: datetime.date, language: str) -> str:
    if language == "en":
        return f"{day.day} {day:%B} {day.year}"
    return format_gregorian_bn(day)


def _extra_value(value, language: str) -> str:
    if isinstance(value, datetime.date):
        value = value.isoformat()
    text = "" if value is None else str(value)
    if ISO_DATE_RE.match(text):
        text = format_date(datetime.date.fromisoformat(text), language)
    return to_bengali_digits(text) if language == "bn" else text


def _office_names(office) -> tuple[Office, Office]:
    """(the ministry, i.e. the top of the office's tree, the office), from the access cache."""
    by_id = {o.pk: o for o in all_offices()} if office.pk else {}
    top = office
    seen = set()
    while top.parent_id and top.parent_id in by_id and top.pk not in seen:
        seen.add(top.pk)
        top = by_id[top.parent_id]
    return top, office


def placeholder_values(certificate, language: str, extra_names) -> dict[str, str]:
    en = language == "en"
    office = certificate.office
    post = certificate.signatory_post
    values = {
        "holder_name": certificate.holder_name_en if en else certificate.holder_name_bn,
        "subject": certificate.subject_en if en else certificate.subject_bn,
        "issue_date": format_date(certificate.issued_on, language),
        "issue_date_bengali": format_bengali_date(certificate.issued_on),
        "office": office.name_en if en else office.name_bn,
        "serial": format_serial(certificate.serial),
        "signatory_name": certificate.signatory_name,
        "signatory_post": post.title_en if en else post.title_bn,
    }
    context = certificate.context or {}
    for name in extra_names:
        # `course_bn` / `course_en` for wording that differs by language, else `course` for both.
        value = context.get(f"{name}_{language}", context.get(name, ""))
        values[name] = _extra_value(value, language)
    return values


def qr_svg(url: str) -> tuple[str, int]:
    """The QR code of the URL as inline SVG (error correction M), and its version (the tests check it)."""
    qr = segno.make(url, error=QR_ERROR, micro=False, boost_error=False)
    svg = qr.svg_inline(scale=1, border=0, omitsize=True, dark="#111", title=None)
    return svg, qr.version


def _signature_data_uri(post) -> str:
    from .models import Signature

    if post is None or not post.pk:
        return ""
    signature = Signature.objects.filter(post=post).first()
    if signature is None:
        return ""
    with signature.image.open("rb") as handle:
        data = base64.b64encode(handle.read()).decode()
    return f"data:{signature.content_type};base64,{data}"


def certificate_html(certificate, *, language: str, url: str, signature_uri: str | None = None) -> str:
    """The whole printable page of a certificate (saved or a preview's unsaved one) in `language`."""
    kind = certificate.kind
    en = language == "en"
    extras = list(parse_extra_placeholders(kind.extra_placeholders))
    values = placeholder_values(certificate, language, extras)
    ministry, office = _office_names(certificate.office)
    svg, version = qr_svg(url)
    if signature_uri is None:
        signature_uri = _signature_data_uri(certificate.signatory_post)
    context = {
        "language": language,
        "font_css": mark_safe(font_css()),  # noqa: S308 - our own static font files
        "ministry": ministry.name_en if en else ministry.name_bn,
        "office": office.name_en if en else office.name_bn,
        "office_address": office.address_en if en else office.address_bn,
        "show_office": ministry.pk != office.pk or not office.pk,
        "title": substitute(kind.title_en if en else kind.title_bn, values),
        "holder_name": values["holder_name"],
        "body": substitute(kind.body_en if en else kind.body_bn, values),
        "signatory_line": substitute(kind.signatory_line_en if en else kind.signatory_line_bn, values),
        "signatory_name": certificate.signatory_name,
        "signatory_post": values["signatory_post"],
        "signature_uri": signature_uri,
        "issue_date": values["issue_date"],
        "issue_date_bengali": values["issue_date_bengali"],
        "serial": format_serial(certificate.serial),
        "qr_svg": mark_safe(svg),  # noqa: S308 - made by segno from our URL
        "qr_version": version,
        "verify_hint": url.split("?", 1)[0].rsplit("/", 2)[0].split("://", 1)[-1] + "/",
    }
    with translation.override(language):
        return render_to_string(f"certificates/pdf/{kind.layout}.html", context)


def preview_html(kind, language: str) -> str:
    """The kind's page with sample values: what the admin's preview shows, exactly as it is printed."""
    from .models import Certificate

    office = Office.objects.filter(parent__isnull=False).order_by("sort_order", "pk").first() or Office(
        name_bn="দপ্তর", name_en="Office"
    )
    post = Post(office=office, title_bn="দপ্তর প্রধান", title_en="Head of office")
    samples = kind.placeholder_samples()
    sample = Certificate(
        kind=kind,
        serial="7KQ2M9XA4D",
        holder_name_bn="লক্ষ্মী রানী স্থপতি",
        holder_name_en="Lakshmi Rani Sthapati",
        subject_bn="নমুনা বিষয়",
        subject_en="Sample subject",
        office=office,
        issued_on=datetime.date.today(),
        signatory_post=post,
        signatory_name="মোঃ আবদুল করিম" if language == "bn" else "Md. Abdul Karim",
        language=language,
        context=samples,
    )
    url = f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/{language}/verify/{sample.serial}/"
    return certificate_html(sample, language=language, url=url, signature_uri="")
