"""A service page's steps are numbered in the page's digits: ১. ২. ৩. on Bengali pages, 1. 2. 3. on English ones."""

import re

import pytest

from pages.services.models import ServicePage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "numbers"), [("bn", "১২৩৪"), ("en", "1234")])
def test_steps_are_numbered_in_the_pages_digits(client, demo, language, numbers):
    locale = demo.bn if language == "bn" else demo.en
    service = ServicePage.objects.live().filter(locale=locale).exclude(steps=[]).first()
    html = client.get(service.url).text
    steps = re.search(r'<ol class="steps">(.*?)</ol>', html, re.S).group(1)
    shown = re.findall(r'<span class="step-number" aria-hidden="true">([^<]+)</span>', steps)
    assert shown == [f"{digit}." for digit in numbers[: len(service.steps)]]
    assert len(shown) == len(service.steps) >= 3
