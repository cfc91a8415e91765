"""Print how Bengali each back-office screen is, for Bengali officers, editors and the administrator."""

from django.core.management.base import BaseCommand, CommandError

from pages.base.admin_coverage import MAX_NON_BENGALI_SHARE, SCREENS, measure


class Command(BaseCommand):
    help = "Visit the admin's screens as Bengali users and print the share of UI words that are not Bengali."

    def add_arguments(self, parser):
        parser.add_argument("--words", action="store_true", help="List the non-Bengali words of each screen.")
        parser.add_argument("--screen", help="Only the screens whose name contains this text.")

    def handle(self, *args, words=False, screen=None, **options):
        screens = [s for s in SCREENS if not screen or screen.lower() in s.name.lower()]
        results = measure(screens)
        width = max(len(r.screen.name) for r in results)
        self.stdout.write(f"{'screen':<{width}}  status  Bengali  other  non-Bengali")
        for result in results:
            flag = "" if result.status == 200 and result.share <= MAX_NON_BENGALI_SHARE else "  <-- over the limit"
            self.stdout.write(
                f"{result.screen.name:<{width}}  {result.status:>6}  {result.bengali:>7}  {result.other:>5}"
                f"  {result.share:>10.1%}{flag}"
            )
            if words and result.words:
                common = sorted(result.words.items(), key=lambda item: -item[1])
                self.stdout.write("    " + ", ".join(f"{word} ×{count}" for word, count in common))
        bengali = sum(r.bengali for r in results)
        other = sum(r.other for r in results)
        total = other / (bengali + other) if bengali + other else 0
        self.stdout.write(f"{'total':<{width}}  {len(results):>6}  {bengali:>7}  {other:>5}  {total:>10.1%}")
        if any(r.status != 200 for r in results):
            raise CommandError("Some screens did not answer 200.")
