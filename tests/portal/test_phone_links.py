"""Phone numbers shown to the public are `tel:` links (a tap dials them), in the page's digits."""

import pytest
from django.template import Context, Template
from django.utils import translation

from pages.base.models import HomePage
from pages.contact.models import ContactPage
from pages.directory.models import Officer, OfficerDirectoryPage
from pages.services.models import ServicePage

pytestmark = pytest.mark.django_db

SITE_PHONE = '<a href="tel:+88029545000" class="nowrap">+৮৮০-২-৯৫৪৫০০০</a>'


def test_officer_directory_links_each_phone_and_shows_the_office_phone(client, demo):
    page = demo.page(OfficerDirectoryPage, "bn")
    html = client.get(page.url).text
    officer = Officer.objects.filter(locale=demo.bn).exclude(phone="").select_related("office").first()
    digits = officer.phone.replace("-", "")
    assert f'<a href="tel:{digits}" class="nowrap">' in html
    # The office's own address and phone, under its heading.
    office = officer.office
    assert office.address_bn in html
    assert f'<a href="tel:{office.phone.replace("-", "")}" class="nowrap">' in html


def test_contact_page_and_footer_link_the_ministrys_phone(client, demo):
    html = client.get(demo.page(ContactPage, "bn").url).text
    main, footer = html.split('<footer class="site-footer">')
    assert SITE_PHONE in main and SITE_PHONE in footer
    english = client.get(demo.page(HomePage, "en").url).text
    assert '<a href="tel:+88029545000" class="nowrap">+880-2-9545000</a>' in english


def test_service_page_links_the_responsible_officers_phone(client, demo):
    service = (
        ServicePage.objects.live()
        .filter(locale=demo.en, responsible_officer__isnull=False)
        .exclude(responsible_officer__phone="")
        .first()
    )
    phone = service.responsible_officer.phone
    assert f'<a href="tel:{phone.replace("-", "")}" class="nowrap">{phone}</a>' in client.get(service.url).text


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("০১৭১১-২৩৪৫৬৭", '<a href="tel:01711234567" class="nowrap">০১৭১১-২৩৪৫৬৭</a>'),
        (
            "+880 2 9545000, 9545001",
            '<a href="tel:+88029545000" class="nowrap">+৮৮০ ২ ৯৫৪৫০০০</a>, '
            '<a href="tel:9545001" class="nowrap">৯৫৪৫০০১</a>',
        ),
        ("", ""),
        ("<b>none</b>", "&lt;b&gt;none&lt;/b&gt;"),
    ],
)
def test_tel_links_filter(typed, expected):
    with translation.override("bn"):
        assert Template("{% load phones %}{{ n|tel_links }}").render(Context({"n": typed})) == expected
