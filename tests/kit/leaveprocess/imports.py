"""Importing an office's leave register from a spreadsheet: the smallest use of workflows/core/imports.py."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from workflows.core.access import visible_office_ids
from workflows.core.imports import Column, TableImport, TableImportView
from workflows.core.models import Office
from workflows.core.textnorm import bd_mobile, bengali_text, date_value, integer, nid

from .models import LeaveRegisterLine


class LeaveRegisterImport(TableImport):
    columns = [
        Column("name_bn", _("Name (Bengali)"), parse=bengali_text, required=True, aliases=["name"]),
        Column("mobile", _("Mobile"), parse=bd_mobile, required=True, unique=True, help_text=_("01XXXXXXXXX")),
        Column("nid", _("National ID"), parse=nid, unique=True, aliases=["NID"], empty_value=""),
        Column("starts_on", _("First day"), parse=date_value, required=True, help_text=_("dd/mm/yyyy")),
        Column(
            "days",
            _("Days"),
            parse=integer,
            required=True,
            validators=[MinValueValidator(1), MaxValueValidator(90)],
        ),
    ]
    existing_message = _("Already in this office's leave register.")
    template_filename = "leave-register"


class LeaveRegisterImportView(TableImportView):
    importer_class = LeaveRegisterImport
    page_title = _("Import the leave register")

    def get_target(self, request, office_id):
        offices = visible_office_ids(request.user)
        return get_object_or_404(Office.objects.filter(Q() if offices is None else Q(pk__in=offices)), pk=office_id)

    def get_existing(self, office):
        lines = LeaveRegisterLine.objects.filter(office=office)
        return {"mobile": set(lines.values_list("mobile", flat=True)), "nid": set(lines.values_list("nid", flat=True))}

    def save_rows(self, office, rows):
        LeaveRegisterLine.objects.bulk_create(LeaveRegisterLine(office=office, **row) for row in rows)

    def get_success_url(self, office):
        return reverse("leave_admin:index")
