"""Rebuild locale/vendor/bn from the installed packages' messages, keeping our translations."""

from django.core.management.base import BaseCommand, CommandError

from pages.base.vendor_catalogue import DOMAINS, build_catalogue, catalogue_path, placeholder_mismatches


class Command(BaseCommand):
    help = "Gather the packages' messages into locale/vendor/bn, keep our translations, report what is new."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Change nothing; fail if a message is missing or untranslated, or a translation breaks a placeholder.",
        )

    def handle(self, *args, check=False, **options):
        failures = []
        for domain in DOMAINS:
            report = build_catalogue(domain, write=not check)
            self.stdout.write(
                f"{catalogue_path(domain)}: {report.total} messages, {report.untranslated} untranslated, "
                f"{report.added} new, {report.dropped} no longer used"
            )
            if check and (report.untranslated or report.added or report.dropped):
                failures.append(f"{domain}: run update_vendor_catalogue and translate what it reports")
            for problem in placeholder_mismatches(domain) if catalogue_path(domain).exists() else []:
                failures.append(f"{domain}: placeholders differ in {problem}")
        if failures:
            raise CommandError("\n".join(failures))
