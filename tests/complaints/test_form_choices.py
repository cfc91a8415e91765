"""The complaint form's office and service lists: a citizen sees which office provides which service, and a
wrong pair is refused with the right ones named (with JavaScript the list is also filtered, see
tests/complaints/test_form_browser.py)."""

import re
from html import unescape

import pytest
from django.contrib.staticfiles import finders
from django.utils import translation

from pages.services.models import ServicePage
from workflows.core.models import Office

from .factories import complaint_data, filed_complaints, post_form

pytestmark = pytest.mark.django_db

NEW_BN = "/bn/complaints/new/"
NEW_EN = "/en/complaints/new/"
OPTGROUP_RE = re.compile(r'<optgroup label="([^"]*)">(.*?)</optgroup>', re.S)
OPTION_RE = re.compile(r'<option value="(\d+)"[^>]*?data-office="(\d*)"[^>]*>([^<]*)</option>')


def service_select(html: str) -> str:
    return re.search(r'<select name="service".*?</select>', html, re.S).group(0)


def groups(html: str) -> dict[str, list[tuple[int, str, str]]]:
    """{optgroup label: [(service id, data-office, title)]} of the service list."""
    return {
        unescape(label): [(int(pk), office, unescape(title)) for pk, office, title in OPTION_RE.findall(body)]
        for label, body in OPTGROUP_RE.findall(service_select(html))
    }


def test_services_are_listed_under_the_office_that_provides_them(client, demo):
    html = client.get(NEW_EN).text
    listed = groups(html)
    services = ServicePage.objects.live().filter(locale=demo.en).select_related("office")
    assert sum(len(options) for options in listed.values()) == services.count()
    for service in services:
        label = service.office.name_en if service.office else "Services of any office"
        assert (service.pk, str(service.office_id or ""), service.title) in listed[label]
    # Offices in their own order, as in the office list above.
    office_order = [office.name_en for office in Office.objects.all()]
    named = [label for label in listed if label in office_order]
    assert named == sorted(named, key=office_order.index)


def test_the_lists_ask_for_a_choice_instead_of_dashes(client):
    english = client.get(NEW_EN).text
    assert "---------" not in english
    assert '<option value="" selected>Choose the office</option>' in english
    assert '<option value="" selected>Not about one service</option>' in english
    bengali = client.get(NEW_BN).text
    assert "---------" not in bengali
    with translation.override("bn"):
        assert f'<option value="" selected>{translation.gettext("Choose the office")}</option>' in bengali
        assert translation.gettext("Choose the office") != "Choose the office"


def test_a_refused_pair_names_what_the_chosen_office_provides(client, service_en, demo):
    other = (
        Office.objects.exclude(pk=service_en.office_id)
        .filter(pk__in=ServicePage.objects.live().filter(locale=demo.en).values("office"))
        .first()
    )
    response = post_form(client, NEW_EN, complaint_data(service_en, office=str(other.pk)))
    assert response.status_code == 200
    text = unescape(response.text)
    assert f"This service is provided by {service_en.office.name_en}. {other.name_en} offers: " in text
    for title in ServicePage.objects.live().filter(locale=demo.en, office=other).values_list("title", flat=True):
        assert title in text
    assert filed_complaints().count() == 0


def test_a_refused_pair_with_an_office_that_provides_no_service_says_so(client, service, demo):
    providing = ServicePage.objects.live().filter(office__isnull=False).values("office")
    idle = Office.objects.exclude(pk__in=providing).first()
    response = post_form(client, NEW_BN, complaint_data(service, office=str(idle.pk)))
    with translation.override("bn"):
        message = translation.gettext(
            "This service is provided by %(office)s. %(chosen)s offers no service of the citizen charter: "
            "choose %(office)s as the office, or leave the service empty."
        ) % {"office": service.office.name_bn, "chosen": idle.name_bn}
    assert message in unescape(response.text)
    assert filed_complaints().count() == 0


def test_the_form_has_a_breadcrumb_and_its_filter_script(client):
    html = client.get(NEW_EN).text
    trail = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    assert '<a href="/en/">Home</a>' in trail and '<li aria-current="page">File a complaint</li>' in trail
    assert '<script src="/static/complaints/complaint_form.js" defer></script>' in html
    assert finders.find("complaints/complaint_form.js")
    # Hints sit under the label, before the box they explain.
    office_field = re.search(r'<label for="id_office">.*?</select>', html, re.S).group(0)
    assert office_field.index('id="id_office_helptext"') < office_field.index("<select")
