"""Demo posts and who holds them: a grievance redress officer and a head in every office, appeal
officers in the Department of Labour and the Ministry (idempotent; called by load_demo_data)."""

import datetime

from django.contrib.auth import get_user_model

from .models import Office, Post, PostHolding

ROLE_TITLES = {
    Post.Role.GRIEVANCE_REDRESS_OFFICER: ("অভিযোগ নিষ্পত্তি কর্মকর্তা (জিআরও)", "Grievance Redress Officer (GRO)"),
    Post.Role.OFFICE_HEAD: ("দপ্তর প্রধান", "Head of office"),
    Post.Role.APPEAL_OFFICER: ("আপিল কর্মকর্তা", "Appeal officer"),
}
APPEAL_OFFICES = ("mole", "dol")
# username → (office code, role)
HOLDERS = {
    "officer": ("dlo-chattogram", Post.Role.GRIEVANCE_REDRESS_OFFICER),
    "head": ("dlo-chattogram", Post.Role.OFFICE_HEAD),
    "appeal": ("dol", Post.Role.APPEAL_OFFICER),
}


def ensure_posts(stats) -> dict:
    posts = {}
    for office in Office.objects.all():
        roles = [Post.Role.GRIEVANCE_REDRESS_OFFICER, Post.Role.OFFICE_HEAD]
        if office.code in APPEAL_OFFICES:
            roles.append(Post.Role.APPEAL_OFFICER)
        for role in roles:
            title_bn, title_en = ROLE_TITLES[role]
            post, created = Post.objects.get_or_create(
                office=office,
                role=role,
                defaults={
                    "title_bn": title_bn,
                    "title_en": title_en,
                    "covers_sub_offices": role != Post.Role.GRIEVANCE_REDRESS_OFFICER,
                },
            )
            if created:
                stats.add("posts")
            posts[(office.code, role)] = post
    users = get_user_model().objects.in_bulk(list(HOLDERS), field_name="username")
    for username, key in HOLDERS.items():
        user = users.get(username)
        if user is not None and not PostHolding.objects.filter(user=user, post=posts[key]).exists():
            PostHolding.objects.create(user=user, post=posts[key], starts_on=datetime.date(2024, 7, 1))
            stats.add("post holdings")
    return posts
