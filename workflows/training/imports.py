"""A batch's trainees from a spreadsheet (CSV or XLSX): the kit's import with the trainee's columns."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from workflows.core.imports import Column, TableImport, TableImportView
from workflows.core.textnorm import bd_mobile, bengali_text, clean_text, english_text, nid

from . import services


class TraineeImport(TableImport):
    columns = [
        Column("name_bn", _("Name (Bengali)"), parse=bengali_text, required=True, aliases=["নাম", "নাম (বাংলা)"]),
        Column("name_en", _("Name (English)"), parse=english_text, required=True, aliases=["name"]),
        Column("mobile", _("Mobile"), parse=bd_mobile, required=True, unique=True, aliases=["মোবাইল"]),
        Column("nid", _("National ID"), parse=nid, unique=True, aliases=["NID", "এনআইডি"], empty_value=""),
        Column("establishment", _("Establishment"), parse=clean_text, aliases=["প্রতিষ্ঠান"], empty_value=""),
        Column("designation", _("Designation"), parse=clean_text, aliases=["পদবি"], empty_value=""),
    ]
    existing_message = _("Already a trainee of this batch.")
    template_filename = "trainees"


class TraineeImportView(TableImportView):
    importer_class = TraineeImport
    page_title = _("Import trainees")
    viewset = None

    def get_target(self, request, pk):
        """A batch of the officer's offices; 404 for any other."""
        return get_object_or_404(self.viewset.get_queryset(request), pk=pk)

    def get_existing(self, batch):
        trainees = batch.trainees.all()
        return {
            "mobile": set(trainees.values_list("mobile", flat=True)),
            "nid": set(trainees.exclude(nid="").values_list("nid", flat=True)),
        }

    def save_rows(self, batch, rows):
        try:
            services.add_trainees(batch, rows, actor=self.request.user)
        except services.TransitionNotPossible as refused:  # sent for approval since the preview
            raise ValidationError(str(refused)) from refused

    def get_success_url(self, batch):
        return reverse("training_admin:inspect", args=[batch.pk])
