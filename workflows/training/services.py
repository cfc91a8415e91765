"""What happens to a batch: registered, trainees imported, attendance recorded, certificates issued."""

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from workflows.core.codes import crockford_clean
from workflows.core.contract import OFFICE_HEAD, file_case, nearest_post, transition
from workflows.core.notifications.services import notify
from workflows.core.notifications.sms import normalize_bd_mobile
from workflows.core.services import TransitionNotPossible, record

from .models import Attendance, Batch, Trainee

CERTIFICATE_KIND = "training"
EDITABLE = (Batch.Status.REGISTERED, Batch.Status.RETURNED)


def register_batch(*, course, number, starts_on, ends_on, venue, director_post, actor=None, post=None) -> Batch:
    """Store a new batch of `course` at its institute and start its process (the director's step)."""
    from .flows import TrainingFlow

    with transaction.atomic():
        batch = file_case(
            Batch(
                office=course.institute,
                course=course,
                number=number,
                starts_on=starts_on,
                ends_on=ends_on,
                venue=venue,
                director_post=director_post,
            ),
            actor=actor,
            post=post,
        )
        TrainingFlow.start.run(batch=batch)
    return batch


def add_trainees(batch: Batch, rows: list[dict], *, actor) -> list[Trainee]:
    """Add the imported trainees (every row already valid) to a batch still in training; one audit entry."""
    if not rows:
        return []
    with transaction.atomic():
        batch = Batch.objects.select_for_update().get(pk=batch.pk)
        if batch.status not in EDITABLE:
            raise TransitionNotPossible(_("Trainees can be added only while the batch is in training."))
        trainees = Trainee.objects.bulk_create(
            Trainee(
                batch=batch,
                name_bn=row["name_bn"],
                name_en=row["name_en"],
                mobile=normalize_bd_mobile(row["mobile"]),
                nid=row.get("nid") or "",
                establishment=row.get("establishment") or "",
                designation=row.get("designation") or "",
            )
            for row in rows
        )
        record(
            "batch.import_trainees",
            actor=actor,
            obj=batch,
            case_label=batch.tracking_number,
            data={"trainees": len(trainees)},
        )
    return trainees


def record_attendance(batch: Batch, attendance: dict) -> None:
    """{trainee: ([days present], completed)}: the director's sheet replaces what was recorded before.
    Runs inside the task's transaction (the completion form's apply)."""
    trainees = list(attendance)
    Attendance.objects.filter(trainee__in=trainees).delete()
    Attendance.objects.bulk_create(
        Attendance(trainee=trainee, day=day) for trainee, (days, _completed) in attendance.items() for day in days
    )
    for trainee, (_days, completed) in attendance.items():
        trainee.completed = completed
    Trainee.objects.bulk_update(trainees, ["completed"])


# --- Certificates --------------------------------------------------------------------------------


def certificate_context(batch: Batch) -> dict:
    """The placeholders of the training certificate's wording, in both languages (`course_bn`, `course_en`…)."""
    from pages.base.templatetags.bangla import local_date, local_digits

    course = batch.course
    context = {}
    for language in ("bn", "en"):
        with override(language):
            context |= {
                f"course_{language}": course.title,
                f"batch_{language}": local_digits(batch.number),
                f"institute_{language}": batch.office.name,
                f"starts_on_{language}": local_date(batch.starts_on),
                f"ends_on_{language}": local_date(batch.ends_on),
                f"duration_days_{language}": local_digits(course.duration_days),
            }
    return context


def issue_batch_certificates(batch: Batch) -> int:
    """The background job of an approved batch: a certificate and an SMS for every completing trainee
    who has none yet, each in its own transaction, then the batch is certified.

    Safe to run again after a crash, or twice at once: the engine issues one certificate per trainee
    (its source key is unique), a trainee who has one is skipped, and the SMS is sent once per certificate.
    """
    batch = Batch.objects.select_related("course", "office").get(pk=batch.pk)
    if batch.status != Batch.Status.APPROVED:
        return 0
    issued = sum(
        1
        for trainee in batch.trainees.filter(completed=True, certificate__isnull=True)
        if issue_trainee_certificate(batch, trainee)
    )
    with transaction.atomic():
        batch = Batch.objects.select_for_update().get(pk=batch.pk)
        if batch.status == Batch.Status.APPROVED and not batch_progress(batch)["waiting"]:
            transition(batch, "certify", timezone.now())
    return issued


def issue_trainee_certificate(batch: Batch, trainee: Trainee):
    """One trainee's certificate and SMS, in one transaction; None if they have one already."""
    from workflows.certificates.services import issue_certificate

    with transaction.atomic():
        trainee = Trainee.objects.select_for_update().get(pk=trainee.pk)
        if trainee.certificate_id or not trainee.completed:
            return None
        subject = {}
        for language in ("bn", "en"):
            with override(language):
                subject[language] = str(batch.title)
        certificate = issue_certificate(
            kind=CERTIFICATE_KIND,
            source_key=trainee.source_key,
            holder_name_bn=trainee.name_bn,
            holder_name_en=trainee.name_en,
            subject_bn=subject["bn"],
            subject_en=subject["en"],
            office=batch.office,
            issued_on=timezone.localdate(batch.approved_at),
            signatory_post=nearest_post(batch.office, OFFICE_HEAD),
            language="bn",
            mobile=trainee.mobile,
            context=certificate_context(batch),
        )
        trainee.certificate = certificate
        trainee.save(update_fields=["certificate"])
        notify_trainee(trainee, certificate)
    return certificate


def notify_trainee(trainee: Trainee, certificate) -> None:
    """An SMS with the certificate's download link (sent after the commit, once per certificate)."""
    from .views import download_link

    notify(
        "training-certificate-issued",
        language="bn",
        phone=trainee.mobile,
        context={
            "name": trainee.name_bn,
            "course": trainee.batch.course.title_bn,
            "serial": certificate.serial,
            "link": download_link(certificate),
        },
        idempotency_key=f"certificate-{certificate.pk}-issued",
    )


def batch_progress(batch: Batch) -> dict:
    """How far the certificates of a batch are: completing trainees, issued, still waiting (one query)."""
    counts = batch.trainees.aggregate(
        completing=Count("pk", filter=Q(completed=True)),
        issued=Count("pk", filter=Q(completed=True, certificate__isnull=False)),
    )
    return {**counts, "waiting": counts["completing"] - counts["issued"]}


def find_certificates(number: str, mobile: str) -> list:
    """The certificates a trainee may see: by serial, or by batch number, with the mobile number they
    gave (already normalised). Every miss looks the same, whether the number exists or not."""
    from workflows.certificates.models import Certificate
    from workflows.certificates.services import find_certificate

    # A batch's number carries its prefix (TRN-…); a serial has none, so that is how they differ.
    if crockford_clean(number).startswith(Batch.tracking_prefix):
        batch_number = Batch.normalize_tracking_number(number)
        found = Certificate.objects.filter(trainee__batch__tracking_number=batch_number, trainee__mobile=mobile)
        if batch_number and found:
            return list(found.select_related("office"))
    found = find_certificate(number, mobile)
    return [found] if found is not None else []
