"""Unions and signed-in representatives for the tests (of this app and of the apps built on it)."""

import datetime
import itertools
import time

from workflows.unions.models import Position, Representative, Union
from workflows.unions.portal import LAST_SEEN_KEY, SESSION_KEY

_numbers = itertools.count(1)


def make_union(office, **fields):
    """A registered basic union of `office`; any field may be given (e.g. status=Union.Status.CANCELLED)."""
    number = next(_numbers)
    status = fields.pop("status", None)
    values = {
        "registration_number": f"T-{number:04d}",
        "name_bn": f"পরীক্ষামূলক শ্রমিক ইউনিয়ন {number}",
        "name_en": f"Test Workers' Union {number}",
        "kind": Union.Kind.BASIC,
        "establishment": "পরীক্ষামূলক টেক্সটাইল মিলস লিমিটেড",
        "address_bn": "ঢাকা",
        "address_en": "Dhaka",
        "registered_on": datetime.date(2015, 3, 1),
        **fields,
    }
    union = Union.objects.create(office=office, **values)
    if status == Union.Status.CANCELLED:
        union.cancel(datetime.date(2025, 1, 15), "পরীক্ষা")
        union.save()
    return union


def make_representative(union, mobile=None, **fields):
    """An active representative (general secretary) of `union`; the mobile number is stored as +880…."""
    if mobile is None:
        mobile = f"01999{next(_numbers):06d}"
    values = {"name": "মোঃ পরীক্ষা উদ্দিন", "position": Position.GENERAL_SECRETARY, **fields}
    return Representative.objects.create(union=union, mobile=mobile, **values)


def signed_in_representative(client, representative):
    """Sign the test client in as `representative`, setting the session exactly as the sign-in view does
    (the representative's id and the time of the last request; no Django user). Returns the client."""
    session = client.session
    session[SESSION_KEY] = representative.pk
    session[LAST_SEEN_KEY] = int(time.time())
    session.save()
    return client
