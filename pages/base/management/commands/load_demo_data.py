"""`manage.py load_demo_data`: build the bilingual demo site (idempotent; safe to run again)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from pages.base.demo import load_demo_data


class Command(BaseCommand):
    help = (
        "Builds a bilingual (Bengali/English) demo of the portal: offices, officers, pages, menus, groups, "
        "workflows and users. Running it again creates nothing new and changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--list-pages", action="store_true", help="Also list the URL path of every demo page.")

    def handle(self, *args, **options):
        result = load_demo_data()
        verbosity = options["verbosity"]

        created = result["created"]
        if created:
            summary = ", ".join(f"{kind} {count}" for kind, count in sorted(created.items()))
            self.stdout.write(self.style.SUCCESS(f"Demo data loaded in {result['seconds']} s. Created: {summary}."))
        else:
            self.stdout.write(
                self.style.SUCCESS(f"Demo data already present; nothing created ({result['seconds']} s).")
            )
        if verbosity >= 1:
            self.stdout.write("Totals: " + ", ".join(f"{kind} {count}" for kind, count in result["totals"].items()))

        if options["list_pages"] or verbosity >= 2:
            for language, path, title in result["pages"]:
                self.stdout.write(f"  [{language}] {path}  {title}")

        if settings.DEBUG:
            self.stdout.write("Demo users (development only, DEBUG is on):")
            for user in result["users"]:
                password = user["password"] or "(changed; not shown)"
                self.stdout.write(f"  {user['username']:<11} {password:<24} {user['role']}")
        else:
            made = [user["username"] for user in result["users"] if user["created"]]
            if made:
                self.stdout.write(
                    f"Demo users created with random passwords: {', '.join(made)}. "
                    "Set one with `manage.py changepassword <username>`."
                )
