"""Builds the office tree and the officers (one row per language, sharing a translation_key)."""

from pages.directory.models import Officer
from workflows.core.models import Office

from .organisation import OFFICERS, OFFICES
from .utils import Stats, stable_uuid


def build_offices(stats: Stats) -> dict[str, Office]:
    """Offices by code; parents come before their children in OFFICES."""
    offices: dict[str, Office] = {}
    for spec in OFFICES:
        office = Office.objects.filter(code=spec["code"]).first()
        if office is None:
            office = Office.objects.create(
                code=spec["code"],
                kind=spec["kind"],
                parent=offices[spec["parent"]] if spec["parent"] else None,
                sort_order=spec["sort_order"],
                name_bn=spec["name_bn"],
                name_en=spec["name_en"],
                address_bn=spec["address_bn"],
                address_en=spec["address_en"],
                phone=spec["phone"],
                email=spec["email"],
            )
            stats.add("offices")
        offices[spec["code"]] = office
    return offices


def build_officers(locales: dict, offices: dict[str, Office], stats: Stats) -> dict[str, dict[str, Officer]]:
    """Officers by key, then by language code: {"belal-hossain-sheikh": {"bn": ..., "en": ...}}."""
    officers: dict[str, dict[str, Officer]] = {}
    for spec in OFFICERS:
        translation_key = stable_uuid("officer", spec["key"])
        by_language = {}
        for code, locale in locales.items():
            officer = Officer.objects.filter(translation_key=translation_key, locale=locale).first()
            if officer is None:
                name, designation = spec[code]
                officer = Officer.objects.create(
                    translation_key=translation_key,
                    locale=locale,
                    name=name,
                    designation=designation,
                    office=offices[spec["office"]],
                    phone=spec["phone"],
                    email=spec["email"],
                    sort_order=spec["sort_order"],
                )
                stats.add("officers")
            by_language[code] = officer
        officers[spec["key"]] = by_language
    return officers
