"""Small builders for tests, on top of the demo data."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Locale

from pages.base.models import HomePage


@dataclass
class DemoSite:
    bn: Locale
    en: Locale
    home_bn: HomePage
    home_en: HomePage

    @classmethod
    def get(cls):
        if not HomePage.objects.exists():
            call_command("load_demo_data", verbosity=0)
        bn = Locale.objects.get(language_code="bn")
        en = Locale.objects.get(language_code="en")
        return cls(
            bn=bn,
            en=en,
            home_bn=HomePage.objects.get(locale=bn),
            home_en=HomePage.objects.get(locale=en),
        )

    def page(self, model, language="bn"):
        """The demo page of this type in this language (the first one when there are several)."""
        return model.objects.live().filter(locale=self.bn if language == "bn" else self.en).order_by("path").first()


def make_user(username, *, superuser=False, groups=(), language="bn", password="pass-for-tests"):
    from django.contrib.auth.models import Group
    from wagtail.users.models import UserProfile

    user_model = get_user_model()
    user = user_model.objects.create_user(username, f"{username}@example.gov.bd", password)
    if superuser:
        user.is_staff = user.is_superuser = True
        user.save()
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user
