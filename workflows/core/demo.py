"""Demo posts of the core: a head in every office, who receives overdue tasks (idempotent; run by
load_demo_data). Each process's demo adds the posts of its own roles (see `ensure_role_posts`)."""

import datetime
import io

from django.contrib.auth import get_user_model

from .models import Office, Post, PostHolding
from .roles import OFFICE_HEAD

HEAD_TITLES = ("দপ্তর প্রধান", "Head of office")
HOLDERS = {"head": ("dlo-chattogram", OFFICE_HEAD)}


def ensure_role_posts(stats, role, titles, *, offices=None, covers_sub_offices=False) -> dict:
    """A post of `role` in each office (or the offices with these codes): {office code: post}."""
    posts = {}
    queryset = Office.objects.all() if offices is None else Office.objects.filter(code__in=offices)
    for office in queryset:
        post, created = Post.objects.get_or_create(
            office=office,
            role=role,
            defaults={"title_bn": titles[0], "title_en": titles[1], "covers_sub_offices": covers_sub_offices},
        )
        if created:
            stats.add("posts")
        posts[office.code] = post
    return posts


def ensure_holders(stats, holders: dict) -> None:
    """holders: {username: (office code, role)}; each demo user holds that post since July 2024."""
    users = get_user_model().objects.in_bulk(list(holders), field_name="username")
    for username, (office_code, role) in holders.items():
        user = users.get(username)
        post = Post.objects.filter(office__code=office_code, role=role).first()
        if user is not None and post is not None and not PostHolding.objects.filter(user=user, post=post).exists():
            PostHolding.objects.create(user=user, post=post, starts_on=datetime.date(2024, 7, 1))
            stats.add("post holdings")


def load_demo(stats) -> None:
    ensure_role_posts(stats, OFFICE_HEAD, HEAD_TITLES, covers_sub_offices=True)
    ensure_holders(stats, HOLDERS)


def text_pdf(text: str) -> bytes:
    """A one-page PDF with a line of (Latin) text: the demo's and the tests' stand-in for a scanned document,
    a real PDF as the attachments' checks (pdfcheck.py) want it."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
    )
    content = DecodedStreamObject()
    escaped = text.encode("latin-1", "replace").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    content.set_data(b"BT /F1 18 Tf 72 770 Td (" + escaped + b") Tj ET")
    page.replace_contents(content)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
