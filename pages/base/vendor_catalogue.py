"""Our Bengali catalogue of the packages' strings (Django, Wagtail, wagtail-localize, viewflow).

The packages ship almost no Bengali, so the project keeps its own translation of their strings in
`locale/vendor/bn/LC_MESSAGES/` (listed in LOCALE_PATHS after `locale/`, so our own strings win, and
both win over the packages' catalogues). `build_catalogues` gathers every message the installed
packages define, keeps the translations we already have, takes a package's own Bengali where we have
none, and drops what no package defines any more: run it after upgrading a package, then translate
what it reports as new (`manage.py update_vendor_catalogue`).
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import django
import polib
from django.apps import apps
from django.conf import settings

VENDOR_LOCALE_DIR = Path(settings.BASE_DIR) / "locale" / "vendor"
LANGUAGE = "bn"
DOMAINS = ("django", "djangojs")
# Django's own apps whose strings reach the Wagtail admin; the rest (its admin, flatpages, GIS…) are
# not installed or never shown.
DJANGO_CATALOGUES = ("conf", "contrib/auth", "contrib/contenttypes", "contrib/humanize", "contrib/postgres")
# Packages whose catalogues we translate: those whose screens (and passkey messages) staff see.
PACKAGE_PREFIXES = ("wagtail", "wagtail_localize", "viewflow", "django_otp_webauthn")
HEADER = {
    "Project-Id-Version": "mole-portal vendor strings",
    "Language": LANGUAGE,
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=2; plural=(n != 1);",
}
PLACEHOLDER_RE = re.compile(r"%\(\w+\)[sdifr]|%[sdifr]|\{\w*\}")


@dataclass
class Message:
    msgctxt: str | None
    msgid: str
    msgid_plural: str = ""
    flags: list[str] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)
    package_translation: polib.POEntry | None = None

    @property
    def key(self):
        return (self.msgctxt, self.msgid)


def _locale_dirs() -> list[tuple[str, Path]]:
    """(label, locale dir) of Django's catalogues we use and of every installed package we translate."""
    django_root = Path(django.__file__).parent
    found = [(f"django/{part}", django_root / part / "locale") for part in DJANGO_CATALOGUES]
    for app in apps.get_app_configs():
        if app.name.split(".")[0] in PACKAGE_PREFIXES and (Path(app.path) / "locale").is_dir():
            found.append((app.name, Path(app.path) / "locale"))
    return found


def _source_catalogue(locale_dir: Path, domain: str) -> Path | None:
    """The catalogue that lists a package's messages: its English one, else any (viewflow has no English)."""
    english = locale_dir / "en" / "LC_MESSAGES" / f"{domain}.po"
    if english.exists():
        return english
    others = sorted(locale_dir.glob(f"*/LC_MESSAGES/{domain}.po"))
    return others[0] if others else None


def package_messages(domain: str) -> dict:
    messages: dict = {}
    for label, locale_dir in _locale_dirs():
        source = _source_catalogue(locale_dir, domain)
        if source is None:
            continue
        bengali_path = locale_dir / LANGUAGE / "LC_MESSAGES" / f"{domain}.po"
        bengali = {}
        if bengali_path.exists():
            bengali = {(e.msgctxt, e.msgid): e for e in polib.pofile(str(bengali_path)) if _is_translated(e)}
        for entry in polib.pofile(str(source)):
            if entry.obsolete or not entry.msgid:
                continue
            formats = [flag for flag in entry.flags if flag.endswith("-format")]
            message = messages.setdefault(
                (entry.msgctxt, entry.msgid), Message(entry.msgctxt, entry.msgid, entry.msgid_plural, formats)
            )
            message.sources.add(label)
            if message.package_translation is None:
                message.package_translation = bengali.get(message.key)
    return messages


def _is_translated(entry) -> bool:
    return entry.translated() and "fuzzy" not in entry.flags and not entry.obsolete


def catalogue_path(domain: str) -> Path:
    return VENDOR_LOCALE_DIR / LANGUAGE / "LC_MESSAGES" / f"{domain}.po"


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER_RE.findall(text))


@dataclass
class BuildReport:
    domain: str
    total: int
    untranslated: int
    added: int
    dropped: int


def build_catalogue(domain: str, write: bool = True) -> BuildReport:
    path = catalogue_path(domain)
    ours = {}
    if path.exists():
        ours = {(e.msgctxt, e.msgid): e for e in polib.pofile(str(path)) if not e.obsolete}
    messages = package_messages(domain)
    catalogue = polib.POFile(wrapwidth=100)
    catalogue.header = (
        "Bengali translations of the strings of Django, Wagtail, wagtail-localize and viewflow that the\n"
        "MoLE / DoL back office shows. Built by `manage.py update_vendor_catalogue`; translated by the\n"
        "project (terms: locale/bn/GLOSSARY.md). Same licence as the project (AGPL-3.0-or-later)."
    )
    catalogue.metadata = HEADER
    untranslated = added = 0
    for key in sorted(messages, key=lambda k: (k[1].lower(), k[1], k[0] or "")):
        message = messages[key]
        entry = polib.POEntry(msgctxt=message.msgctxt, msgid=message.msgid, msgid_plural=message.msgid_plural)
        entry.occurrences = [(source, "") for source in sorted(message.sources)]
        previous = ours.get(key)
        donor = previous if previous is not None and _is_translated(previous) else message.package_translation
        if previous is None:
            added += 1
        if donor is not None and bool(donor.msgid_plural) == bool(message.msgid_plural):
            entry.msgstr = donor.msgstr
            entry.msgstr_plural = dict(donor.msgstr_plural)
        elif message.msgid_plural:
            entry.msgstr_plural = {0: "", 1: ""}
        if message.msgid_plural and not all(entry.msgstr_plural.get(i) for i in (0, 1)):
            # Bengali has two plural forms like English; a package catalogue may have only one.
            forms = [v for v in entry.msgstr_plural.values() if v]
            entry.msgstr_plural = {0: forms[0], 1: forms[0]} if forms else {0: "", 1: ""}
        entry.flags = list(message.flags)
        if message.msgid_plural and set(placeholders(message.msgid)) - set(placeholders(message.msgid_plural)):
            # msgfmt insists that msgstr[0] use only msgid_plural's names, which a singular naming its
            # object (viewflow's "%(name)s") cannot; placeholder_mismatches checks these entries instead.
            entry.flags.remove("python-format")
        if not entry.translated():
            untranslated += 1
        catalogue.append(entry)
    dropped = len(set(ours) - set(messages))
    if write:
        path.parent.mkdir(parents=True, exist_ok=True)
        catalogue.save(str(path))
    return BuildReport(domain, len(catalogue), untranslated, added, dropped)


def placeholder_mismatches(domain: str) -> list[str]:
    """Translations whose placeholders differ from their message's: they would break at run time."""
    problems = []
    for entry in polib.pofile(str(catalogue_path(domain))):
        if entry.obsolete or not entry.translated():
            continue
        pairs = (
            [(entry.msgid, entry.msgstr)]
            if not entry.msgid_plural
            else [(entry.msgid_plural, entry.msgstr_plural[1]), (entry.msgid_plural, entry.msgstr_plural[0])]
        )
        for original, translated in pairs:
            wanted, got = placeholders(original), placeholders(translated)
            # A singular form may drop a count ("1 page" → "একটি পাতা"), never add a new name.
            if got != wanted and not (entry.msgid_plural and set(got) <= set(wanted) | set(placeholders(entry.msgid))):
                problems.append(f"{entry.msgid[:60]!r}: {wanted} → {got}")
    return problems
