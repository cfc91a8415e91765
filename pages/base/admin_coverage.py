"""How Bengali is the back office? Visit the admin's screens as Bengali users and count the UI words
that are not Bengali.

Each screen of SCREENS is fetched with the test client, signed in as a demo user whose admin language
is Bengali (an officer, an appeal officer, an editor, the site administrator; the sign-in screens
anonymously). What a person meets on the screen is collected: the text, the labels and hints in
attributes (title, placeholder, aria-label, alt, button values) and the labels of the menus and
blocks that Wagtail draws from JSON in the page. Then each word is counted as Bengali or not.

Not counted: numbers, addresses and code (URLs, e-mail addresses, file names, placeholders,
identifiers), key names on keyboard hints (<kbd>: they are printed so on the keys), elements hidden
until a script fills them, the proper names and formats of ALLOWED_LATIN, and user content: the
words of the titles, names and texts stored in the database (a demo document's English title is
content; a word of the interface that happens to be stored somewhere too is not counted either, so
the figure is a floor for hard-coded English, and CI's check that every catalogue entry is
translated covers the rest).

Used by `manage.py admin_language_coverage` (prints the figures) and by the test suite (fails above
MAX_NON_BENGALI_SHARE on any screen). Both read the demo data (`load_demo_data`).
"""

import contextlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bs4 import BeautifulSoup
from bs4.element import PreformattedString
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.test import Client
from django.urls import reverse

MAX_NON_BENGALI_SHARE = 0.02

# Names of formats and products, kept in Latin letters in Bengali too (see locale/bn/GLOSSARY.md).
ALLOWED_LATIN = {
    "wagtail",
    "pdf",
    "csv",
    "xlsx",
    "html",
    "json",
    "svg",
    "sms",
    "jpeg",
    "jpg",
    "png",
    "gif",
    "webp",
    "avif",
    "heic",
    "url",
    "grs",
    "id",
    "english",  # the language switcher names English in English, so that its readers find it
    "utc",
    "django",
}
BENGALI_WORD = re.compile(r"[\u0980-\u09E5\u09F0-\u09FF]+")  # Bengali letters and signs, not digits
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*[A-Za-z]")  # two letters or more
NOT_WORDS = re.compile(
    r"\S+@\S+"  # e-mail addresses
    r"|(?:https?://|www\.)\S+"  # URLs
    r"|\S*[/\\]\S*"  # paths, dates and fractions
    r"|\S+\.[A-Za-z0-9]{2,5}\b"  # file names, host names
    r"|%\(\w+\)[sd]|\{\w*\}|\{\{.*?\}\}|\{%.*?%\}"  # placeholders, template code
    r"|\S*[_=<>#]\S*"  # identifiers and code
    r"|\b[A-Z]{2,}-[A-Z0-9]+\b"  # tracking numbers, codes
)
TEXT_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt", "aria-description", "data-w-tooltip-content-value")
JSON_TEXT_KEYS = {"label", "title", "helpText", "help_text", "placeholder", "description", "heading"}
SKIPPED_TAGS = ("script", "style", "noscript", "kbd")


@dataclass
class Screen:
    name: str
    username: str | None  # None: signed out
    url: Callable[[], str]


@dataclass
class Coverage:
    screen: Screen
    status: int
    bengali: int = 0
    other: int = 0
    words: dict = field(default_factory=dict)  # the non-Bengali words and how often

    @property
    def share(self) -> float:
        total = self.bengali + self.other
        return self.other / total if total else 0.0


# --- What is on a screen ------------------------------------------------------------------------


def _json_texts(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key in JSON_TEXT_KEYS and isinstance(item, str):
                yield item
            else:
                yield from _json_texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_texts(item)


def visible_texts(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    texts = []
    for script in soup.find_all("script", type="application/json"):
        if script.get("id") == "wagtail-config":
            continue  # settings and every string the admin's scripts might need, not this screen's text
        with contextlib.suppress(ValueError):
            texts.extend(_json_texts(json.loads(script.string or "null")))
    for tag in soup(SKIPPED_TAGS):
        tag.decompose()
    for tag in soup.find_all(hidden=True):
        tag.decompose()
    for element in soup.find_all(True):
        texts.extend(str(element[name]) for name in TEXT_ATTRIBUTES if element.get(name))
        if element.name == "input" and element.get("type") in ("submit", "button", "reset") and element.get("value"):
            texts.append(element["value"])
    # Text, including <template> contents that scripts show; not comments or declarations.
    texts.extend(str(text) for text in soup.find_all(string=True) if not isinstance(text, PreformattedString))
    return [text for text in texts if text.strip()]


def count_words(texts, ignored: set[str], coverage: Coverage) -> None:
    for text in texts:
        text = NOT_WORDS.sub(" ", text)
        coverage.bengali += len(BENGALI_WORD.findall(text))
        for word in LATIN_WORD.findall(text):
            lowered = word.lower()
            if lowered in ALLOWED_LATIN or lowered in ignored:
                continue
            coverage.other += 1
            coverage.words[word] = coverage.words.get(word, 0) + 1


# --- User content -------------------------------------------------------------------------------


def content_words() -> set[str]:
    """Latin words stored as content (titles, names, texts) anywhere in the database."""
    words = set()
    for model in apps.get_models():
        if model._meta.app_label in ("sessions", "admin"):
            continue
        text_fields = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField) and not f.choices and f.name != "password"
        ]
        if not text_fields:
            continue
        for row in model._base_manager.values_list(*text_fields)[:5000]:
            for value in row:
                if value:
                    words.update(w.lower() for w in LATIN_WORD.findall(str(value)))
    return words


# --- The screens --------------------------------------------------------------------------------


def _page(model_path: str, locale="bn"):
    model = apps.get_model(model_path)
    return model.objects.filter(locale__language_code=locale).order_by("path").first()


def _page_url(action: str, model_path: str, locale="bn"):
    return lambda: reverse(f"wagtailadmin_pages:{action}", args=[_page(model_path, locale).pk])


def _snippet(model_path: str, action="list"):
    app_label, model_name = model_path.lower().split(".")

    def url():
        name = f"wagtailsnippets_{app_label}_{model_name}:{action}"
        if action == "list":
            return reverse(name)
        return reverse(name, args=[apps.get_model(model_path)._default_manager.order_by("pk").first().pk])

    return url


def _first_task(username: str, finished=False):
    def url():
        from workflows.core import selectors  # the back office's own inboxes: what the officer clicks on

        user = get_user_model().objects.get(username=username)
        tasks = selectors.done_by(user) if finished else selectors.my_tasks(user)
        return reverse("workflows_core:task", args=[tasks.order_by("pk").values_list("pk", flat=True).first()])

    return url


def _first(model_path: str, url_name: str):
    return lambda: reverse(url_name, args=[apps.get_model(model_path).objects.order_by("pk").first().pk])


def _translation_editor():
    """The edit view of an English page translated from Bengali: wagtail-localize's translation editor."""
    from wagtail_localize.models import Translation

    page = Translation.objects.filter(target_locale__language_code="en").order_by("pk").first()
    target = page.get_target_instance()
    return reverse("wagtailadmin_pages:edit", args=[target.pk])


def _static(path: str):
    return lambda: path


OFFICER, APPEAL_OFFICER, EDITOR, APPROVER, ADMIN = "officer", "appeal", "editor", "approver", "admin"

SCREENS = [
    # Signed out
    Screen("sign in", None, _static("/admin/login/")),
    Screen("password reset", None, _static("/admin/password_reset/")),
    # The officer's day
    Screen("officer: dashboard", OFFICER, _static("/admin/")),
    Screen("officer: my tasks", OFFICER, lambda: reverse("workflows_core:my_tasks")),
    Screen("officer: unassigned in my offices", OFFICER, lambda: reverse("workflows_core:unassigned")),
    Screen("officer: done by me", OFFICER, lambda: reverse("workflows_core:done")),
    Screen("officer: complaints", OFFICER, lambda: reverse("complaints_admin:index")),
    Screen("officer: complaints report", OFFICER, lambda: reverse("complaints_admin:report")),
    Screen("officer: task page (GRO review)", OFFICER, _first_task(OFFICER)),
    Screen("officer: finished task", OFFICER, _first_task(OFFICER, finished=True)),
    Screen("appeal officer: task page (appeal)", APPEAL_OFFICER, _first_task(APPEAL_OFFICER)),
    Screen("appeal officer: my tasks", APPEAL_OFFICER, lambda: reverse("workflows_core:my_tasks")),
    Screen("officer: account", OFFICER, lambda: reverse("wagtailadmin_account")),
    # The editor's day
    Screen("editor: dashboard", EDITOR, _static("/admin/")),
    Screen("editor: page explorer (root)", EDITOR, lambda: reverse("wagtailadmin_explore_root")),
    Screen(
        "editor: page explorer (home)",
        EDITOR,
        lambda: reverse("wagtailadmin_explore", args=[_page("base.HomePage").pk]),
    ),
    Screen("editor: home page edit", EDITOR, _page_url("edit", "base.HomePage")),
    Screen("editor: standard page edit", EDITOR, _page_url("edit", "base.StandardPage")),
    Screen("editor: notice edit", EDITOR, _page_url("edit", "notices.NoticePage")),
    Screen("editor: service edit", EDITOR, _page_url("edit", "services.ServicePage")),
    Screen("editor: citizen charter edit", EDITOR, _page_url("edit", "services.CitizenCharterPage")),
    Screen("editor: officer directory edit", EDITOR, _page_url("edit", "directory.OfficerDirectoryPage")),
    Screen("editor: innovation idea edit", EDITOR, _page_url("edit", "innovation.InnovationIdeaPage")),
    Screen("editor: meeting minutes edit", EDITOR, _page_url("edit", "innovation.MeetingMinutesPage")),
    Screen("editor: contact form edit", EDITOR, _page_url("edit", "contact.ContactPage")),
    Screen("editor: page history", EDITOR, _page_url("history", "notices.NoticePage")),
    Screen("editor: add a subpage", EDITOR, _page_url("add_subpage", "notices.NoticeIndexPage")),
    Screen("approver: move page", APPROVER, _page_url("move", "notices.NoticePage")),
    Screen("approver: dashboard (pages to approve)", APPROVER, _static("/admin/")),
    Screen("editor: copy page", EDITOR, _page_url("copy", "notices.NoticePage")),
    Screen("editor: page search", EDITOR, lambda: reverse("wagtailadmin_pages:search") + "?q=সেবা"),
    Screen("editor: translation editor", EDITOR, _translation_editor),
    Screen("editor: snippets", EDITOR, lambda: reverse("wagtailsnippets:index")),
    Screen("editor: officers (snippet list)", EDITOR, _snippet("directory.Officer")),
    Screen("editor: officer edit", EDITOR, _snippet("directory.Officer", "edit")),
    Screen("editor: menus", EDITOR, _snippet("base.Menu")),
    Screen("editor: menu edit", EDITOR, _snippet("base.Menu", "edit")),
    Screen("editor: images", EDITOR, lambda: reverse("wagtailimages:index")),
    Screen("editor: image edit", EDITOR, _first("wagtailimages.Image", "wagtailimages:edit")),
    Screen("editor: image upload", EDITOR, lambda: reverse("wagtailimages:add_multiple")),
    Screen("editor: documents", EDITOR, lambda: reverse("wagtaildocs:index")),
    Screen("editor: document edit", EDITOR, _first("wagtaildocs.Document", "wagtaildocs:edit")),
    Screen("editor: document upload", EDITOR, lambda: reverse("wagtaildocs:add_multiple")),
    Screen("editor: account", EDITOR, lambda: reverse("wagtailadmin_account")),
    # Administration: settings, organisation, reports
    Screen("admin: dashboard", ADMIN, _static("/admin/")),
    Screen("admin: site settings", ADMIN, lambda: reverse("wagtailsettings:edit", args=["base", "sitesettings", 1])),
    Screen(
        "admin: complaint time limits",
        ADMIN,
        lambda: reverse("wagtailsettings:edit", args=["complaints", "complaintsettings"]),
    ),
    Screen("admin: working week", ADMIN, lambda: reverse("wagtailsettings:edit", args=["workdays", "workingweek"])),
    Screen("admin: holidays", ADMIN, _snippet("workdays.Holiday")),
    Screen("admin: holiday edit", ADMIN, _snippet("workdays.Holiday", "edit")),
    Screen("admin: offices", ADMIN, _snippet("workflows_core.Office")),
    Screen("admin: office edit", ADMIN, _snippet("workflows_core.Office", "edit")),
    Screen("admin: posts", ADMIN, _snippet("workflows_core.Post")),
    Screen("admin: post edit", ADMIN, _snippet("workflows_core.Post", "edit")),
    Screen("admin: delegations", ADMIN, _snippet("workflows_core.Delegation")),
    Screen("admin: notification templates", ADMIN, _snippet("notifications.NotificationTemplate")),
    Screen("admin: notification template edit", ADMIN, _snippet("notifications.NotificationTemplate", "edit")),
    Screen("admin: moderation workflows", ADMIN, lambda: reverse("wagtailadmin_workflows:index")),
    Screen("admin: report: locked pages", ADMIN, lambda: reverse("wagtailadmin_reports:locked_pages")),
    Screen("admin: report: aging pages", ADMIN, lambda: reverse("wagtailadmin_reports:aging_pages")),
    Screen("admin: report: site history", ADMIN, lambda: reverse("wagtailadmin_reports:site_history")),
    Screen("admin: report: workflows", ADMIN, lambda: reverse("wagtailadmin_reports:workflow")),
    Screen("admin: report: page types", ADMIN, lambda: reverse("wagtailadmin_reports:page_types_usage")),
    Screen("admin: form submissions", ADMIN, lambda: reverse("wagtailforms:index")),
    Screen("admin: users", ADMIN, lambda: reverse("wagtailusers_users:index")),
    Screen("admin: groups", ADMIN, lambda: reverse("wagtailusers_groups:index")),
    Screen("admin: collections", ADMIN, lambda: reverse("wagtailadmin_collections:index")),
    Screen("admin: redirects", ADMIN, lambda: reverse("wagtailredirects:index")),
    Screen("admin: locales", ADMIN, lambda: reverse("wagtaillocales:index")),
]


def measure(screens=None) -> list[Coverage]:
    """Fetch every screen as its user, in Bengali, and count its words."""
    from wagtail.users.models import UserProfile

    ignored = content_words()
    results = []
    clients: dict[str | None, Client] = {}
    for screen in screens or SCREENS:
        client = clients.get(screen.username)
        if client is None:
            client = clients[screen.username] = Client(HTTP_ACCEPT_LANGUAGE="bn")
            if screen.username:
                user = get_user_model().objects.get(username=screen.username)
                profile = UserProfile.get_for_user(user)
                if profile.preferred_language != "bn":
                    profile.preferred_language = "bn"
                    profile.save(update_fields=["preferred_language"])
                client.force_login(user)
        response = client.get(screen.url(), follow=True)
        signed_out = screen.username and any("/login/" in url for url, _ in response.redirect_chain)
        coverage = Coverage(screen, 403 if signed_out else response.status_code)
        if response.status_code == 200:
            count_words(visible_texts(response.content.decode()), ignored, coverage)
        results.append(coverage)
    return results
