"""Unions from a spreadsheet (CSV or XLSX) into one office's register: the kit's import with the union's columns."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from workflows.core.access import visible_office_ids
from workflows.core.eventdates import validate_event_date
from workflows.core.imports import Column, TableImport, TableImportView
from workflows.core.models import Office
from workflows.core.textnorm import bd_mobile, bengali_text, clean_text, date_value, english_text

from . import services
from .models import Union, normalize_registration_number, registration_key

KINDS = {
    "basic": Union.Kind.BASIC,
    "basicunion": Union.Kind.BASIC,
    "union": Union.Kind.BASIC,
    "বেসিক": Union.Kind.BASIC,
    "বেসিকইউনিয়ন": Union.Kind.BASIC,
    "ইউনিয়ন": Union.Kind.BASIC,
    "federation": Union.Kind.FEDERATION,
    "ফেডারেশন": Union.Kind.FEDERATION,
}
INVALID_KIND = _("Write “basic” or “federation” (বেসিক or ফেডারেশন).")


def union_kind(value) -> str:
    from workflows.core.imports import header_key

    kind = KINDS.get(header_key(value))
    if kind is None:
        raise ValidationError(INVALID_KIND, code="invalid_kind")
    return kind


def registration_number(value) -> str:
    return normalize_registration_number(clean_text(value))


def registration_date(value):
    """A date in either script, within the window of dates of events (not 0001-01-01, not tomorrow)."""
    date = date_value(value)
    validate_event_date(date)
    return date


class UnionImport(TableImport):
    columns = [
        Column(
            "registration_number",
            _("Registration number"),
            parse=registration_number,
            required=True,
            aliases=["নিবন্ধন নম্বর", "রেজিস্ট্রেশন নম্বর", "reg no"],
        ),
        Column("name_bn", _("Name (Bengali)"), parse=bengali_text, required=True, aliases=["নাম", "নাম (বাংলা)"]),
        Column("name_en", _("Name (English)"), parse=english_text, aliases=["name"], empty_value=""),
        Column("kind", _("Kind"), parse=union_kind, aliases=["ধরন"], empty_value=Union.Kind.BASIC),
        Column("establishment", _("Establishment or industry"), aliases=["প্রতিষ্ঠান", "শিল্প"], empty_value=""),
        Column("address_bn", _("Address (Bengali)"), parse=bengali_text, aliases=["ঠিকানা"], empty_value=""),
        Column("address_en", _("Address (English)"), parse=english_text, aliases=["address"], empty_value=""),
        Column(
            "registered_on",
            _("Registered on"),
            parse=registration_date,
            required=True,
            aliases=["নিবন্ধনের তারিখ"],
            help_text=_("dd/mm/yyyy"),
        ),
        Column("secretary_name", _("General secretary's name"), aliases=["সাধারণ সম্পাদকের নাম"], empty_value=""),
        Column(
            "secretary_mobile",
            _("General secretary's mobile"),
            parse=bd_mobile,
            aliases=["সাধারণ সম্পাদকের মোবাইল"],
            empty_value="",
        ),
    ]
    existing_message = _("A union with this registration number is already registered.")
    template_filename = "unions"

    def check_rows(self, rows):
        super().check_rows(rows)
        # Two spellings of one number (Bengali or Latin digits, spaces) are one union: compare their keys.
        existing = self.existing.get("registration_keys", set())
        seen = {}
        column = self.columns[0]
        for row in rows:
            number = row.values.get("registration_number")
            if not number or row.errors_for(column):
                continue
            key = registration_key(number)
            if key in existing:
                row.add_error(column, self.existing_message)
            elif key in seen:
                row.add_error(column, self.duplicate_message, row=seen[key])
            else:
                seen[key] = row.number
            if row.values.get("secretary_mobile") and not row.values.get("secretary_name"):
                row.add_error(self.columns[-2], _("Give the general secretary's name with the mobile number."))


class UnionImportView(TableImportView):
    importer_class = UnionImport
    page_title = _("Import unions")
    viewset = None

    def get_target(self, request, office_id):
        """An office the officer's posts cover; 404 for any other."""
        offices = visible_office_ids(request.user)
        queryset = Office.objects.all() if offices is None else Office.objects.filter(pk__in=offices)
        return get_object_or_404(queryset, pk=office_id)

    def get_page_subtitle(self):
        return self.target.name if getattr(self, "target", None) else ""

    def get_existing(self, office):
        # Registration numbers are unique across the country, not only in this office.
        return {"registration_keys": set(Union.objects.values_list("registration_key", flat=True))}

    def save_rows(self, office, rows):
        services.import_unions(office, rows, actor=self.request.user)

    def get_success_url(self, office):
        return reverse("unions_admin:index")
