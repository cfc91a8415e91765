"""Forms of the training back office: registering a batch."""

from django import forms
from django.utils.translation import gettext_lazy as _

from pages.base.templatetags.bangla import local_digits
from workflows.core.access import visible_office_ids
from workflows.core.forms import EventDateField
from workflows.core.models import Post
from workflows.core.notifications.sms import normalize_bd_mobile

from .models import Batch, Course
from .roles import COURSE_DIRECTOR

MAX_BATCH_DAYS = 60


class BatchDateField(EventDateField):
    """A batch is registered before it starts: its dates may be ahead, but not before the earliest date."""

    def __init__(self, **kwargs):
        super().__init__(allow_future=True, **kwargs)


class BatchForm(forms.ModelForm):
    class Meta:
        model = Batch
        fields = ["course", "number", "starts_on", "ends_on", "venue", "director_post"]
        field_classes = {"starts_on": BatchDateField, "ends_on": BatchDateField}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        offices = visible_office_ids(user)
        courses = Course.objects.select_related("institute")
        posts = Post.objects.filter(role=COURSE_DIRECTOR).select_related("office")
        if offices is not None:
            courses = courses.filter(institute__in=offices)
            posts = posts.filter(office__in=offices)
        self.fields["course"].queryset = courses
        self.fields["course"].empty_label = _("Choose the course")
        self.fields["director_post"].queryset = posts
        self.fields["director_post"].empty_label = _("Choose the course director's post")
        self.fields["director_post"].label_from_instance = lambda post: f"{post} ({post.office.name})"

    def clean(self):
        cleaned = super().clean()
        course, starts_on, ends_on = cleaned.get("course"), cleaned.get("starts_on"), cleaned.get("ends_on")
        post = cleaned.get("director_post")
        if course and post and post.office_id != course.institute_id:
            self.add_error("director_post", _("The course director's post must be in the course's institute."))
        if starts_on and ends_on:
            days = (ends_on - starts_on).days + 1
            if days < 1:
                self.add_error("ends_on", _("The last day cannot be before the first day."))
            elif days > MAX_BATCH_DAYS:
                self.add_error(
                    "ends_on", _("A batch lasts at most %(days)s days.") % {"days": local_digits(MAX_BATCH_DAYS)}
                )
            elif course and days < course.duration_days:
                self.add_error(
                    "ends_on",
                    _("The course lasts %(days)s days: the dates cover fewer.")
                    % {"days": local_digits(course.duration_days)},
                )
        number = cleaned.get("number")
        if course and number and Batch.objects.filter(course=course, number=number).exists():
            self.add_error("number", _("This course already has a batch with this number."))
        return cleaned


NO_MATCH = _(
    "No certificate matches this number and mobile number. Check both as on your certificate or SMS; "
    "the institute can help if you have lost them."
)


class CertificateLookupForm(forms.Form):
    number = forms.CharField(
        label=_("Certificate serial or batch number"),
        max_length=40,
        help_text=_("The serial printed on the certificate (e.g. 7KQ2M-9XA4D), or your batch's number (TRN-…)."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    mobile = forms.CharField(
        label=_("Mobile number"),
        max_length=20,
        help_text=_("The mobile number you gave at the course."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )

    # True once the form was well filled in but matched nothing (a guess: it counts against the limit).
    found_nothing = False

    def clean_mobile(self):
        return normalize_bd_mobile(self.cleaned_data["mobile"])

    def clean(self):
        from .services import find_certificates

        data = super().clean()
        if self.errors:
            return data
        self.certificates = find_certificates(data["number"], data["mobile"])
        if not self.certificates:
            self.found_nothing = True
            raise forms.ValidationError(NO_MATCH, code="no_match")
        return data
