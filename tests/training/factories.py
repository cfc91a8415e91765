"""Training batches for the tests, made through the same services the admin uses."""

import datetime

from django.utils import timezone

from workflows.core.models import Office, Post
from workflows.training import roles, services
from workflows.training.models import Course

# Names with conjuncts (ক্ষ্ম, স্থ, র্ম, ষ্ণ, স্ব, য-ফলা), as the certificates must print them.
TRAINEES = [
    ("লক্ষ্মী রানী স্থপতি", "Lakshmi Rani Sthapati"),
    ("মোঃ কৃষ্ণ কর্মকার", "Md. Krishna Karmakar"),
    ("স্বপ্না ব্যানার্জি", "Swapna Banerjee"),
]


def ensure_director_posts():
    """A course director's post in every office, so that a test may run a batch in any office."""
    for office in Office.objects.all():
        Post.objects.get_or_create(
            office=office,
            role=roles.COURSE_DIRECTOR,
            defaults={"title_bn": "কোর্স পরিচালক", "title_en": "Course director"},
        )


def director_post(office):
    ensure_director_posts()
    return Post.objects.get(office=office, role=roles.COURSE_DIRECTOR)


def course_in(office, days=1):
    course, _ = Course.objects.get_or_create(
        institute=office,
        title_en=f"Labour law, {days} day(s)",
        defaults={"title_bn": "শ্রম আইন ও শিল্প সম্পর্ক", "duration_days": days},
    )
    return course


def batch_in(office, *, venue="সম্মেলন কক্ষ", days=1, trainees=1, actor=None):
    """A batch of a `days`-day course in `office`, with `trainees` trainees, waiting for its director."""
    course = course_in(office, days)
    number = (course.batches.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    starts_on = timezone.localdate() - datetime.timedelta(days=days)
    batch = services.register_batch(
        course=course,
        number=number,
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=days - 1),
        venue=venue,
        director_post=director_post(office),
        actor=actor,
    )
    rows = [
        {"name_bn": bn, "name_en": en, "mobile": f"0171{number % 100:02d}{index:05d}"}
        for index, (bn, en) in enumerate((TRAINEES * 10)[:trainees])
    ]
    services.add_trainees(batch, rows, actor=actor)
    return batch
