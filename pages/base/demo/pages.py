"""Builds the page tree in Bengali and its English translation (Wagtail's copy_for_translation).

Each Bengali page is found by its stable translation_key (or, failing that, by its slug under its
parent) and created only when missing; its English translation is found with get_translation_or_none
and created only when missing. Nothing that exists is changed, so a second run changes nothing.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.html import escape
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, Site, TranslatableMixin

from pages.base.models import HomePage, StandardPage
from pages.contact.models import ContactPage
from pages.directory.models import OfficerDirectoryPage
from pages.downloads.models import DownloadsPage
from pages.innovation.models import InnovationCornerPage, InnovationIdeaPage, MeetingMinutesPage
from pages.notices.models import NoticeIndexPage, NoticePage
from pages.services.models import CitizenCharterPage, ServiceBoxPage, ServicePage

from . import content_bn as bn
from . import content_en as en
from .utils import Stats, stable_uuid

WELCOME_TITLE = "Welcome to your new Wagtail site!"
CONTACT_FROM_ADDRESS = "noreply@dol.gov.bd"
CONTACT_TO_ADDRESS = "info@mole.gov.bd"


class PageTree:
    """Creates pages in both languages and remembers them by key: self.pages[key]["bn" | "en"]."""

    def __init__(self, locales: dict, stats: Stats):
        self.bn = locales["bn"]
        self.en = locales["en"]
        self.stats = stats
        self.pages: dict[str, dict[str, Page]] = {}

    # --- generic ----------------------------------------------------------------------------------

    def ensure(self, key, model, parent, slug, bn_values, en_values, bn_children=None, en_children=None):
        """The Bengali page `key` under `parent` and its English translation, creating what is missing.

        bn_children: {relation: [field values of each child]} for the new Bengali page.
        en_children: {relation: [field values to set on each copied child, in order]}.
        """
        translation_key = stable_uuid("page", key)
        page = model.objects.filter(translation_key=translation_key, locale=self.bn).first()
        if page is None:
            found = parent.get_children().filter(slug=slug).specific().first()
            if found is not None:
                if not isinstance(found, model):
                    raise RuntimeError(
                        f"/{slug}/ under {parent.title!r} is a {type(found).__name__}, not {model.__name__}"
                    )
                page = found
        if page is None:
            page = model(slug=slug, locale=self.bn, translation_key=translation_key, **bn_values)
            for relation, items in (bn_children or {}).items():
                setattr(page, relation, [self._child(model, relation, item, self.bn) for item in items])
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.stats.add("pages")
        page = model.objects.get(pk=page.pk)

        translation = page.get_translation_or_none(self.en)
        if translation is None:
            copy = page.copy_for_translation(self.en)
            translation = model.objects.get(pk=copy.pk)
            for field, value in en_values.items():
                setattr(translation, field, value)
            for relation, updates in (en_children or {}).items():
                children = list(getattr(translation, relation).all())
                if len(children) != len(updates):
                    raise RuntimeError(
                        f"{key}.{relation}: {len(children)} copied children, {len(updates)} translations"
                    )
                for child, values in zip(children, updates, strict=True):
                    for field, value in values.items():
                        setattr(child, field, value)
                    child.save()
            translation.save_revision().publish()
            self.stats.add("pages")
        translation = model.objects.get(pk=translation.pk)
        self.pages[key] = {"bn": page, "en": translation}
        return page, translation

    @staticmethod
    def _child(model, relation, values, locale):
        child_model = model._meta.get_field(relation).related_model
        if issubclass(child_model, TranslatableMixin):
            values = {"locale": locale, **values}
        return child_model(**values)

    # --- home and site ----------------------------------------------------------------------------

    def ensure_home(self):
        """The Bengali home at depth 2, replacing Wagtail's welcome page, and the default site on it."""
        root = Page.get_first_root_node()
        translation_key = stable_uuid("page", "home")
        home = HomePage.objects.filter(translation_key=translation_key, locale=self.bn).first()
        if home is None:
            home = HomePage.objects.filter(depth=2, locale=self.bn).order_by("path").first()
        if home is None:
            welcome = self._welcome_page()
            if welcome is not None:
                # Site.root_page cascades: point the sites elsewhere before the welcome page goes.
                Site.objects.filter(root_page=welcome).update(root_page=root)
                welcome.delete()
                self.stats.add("welcome page deleted")
            home = HomePage(
                title=bn.HOME["title"],
                slug=find_available_slug(root, "home"),
                locale=self.bn,
                translation_key=translation_key,
                hero_title=bn.HOME["hero_title"],
                hero_text=bn.HOME["hero_text"],
            )
            root.add_child(instance=home)
            home.save_revision().publish()
            self.stats.add("pages")
        home = HomePage.objects.get(pk=home.pk)

        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=bn.SITE["site_name"]
            )
            self.stats.add("sites")
        elif (site.hostname, site.port, site.root_page_id) != ("localhost", 80, home.pk) or not site.site_name:
            site.hostname, site.port, site.root_page = "localhost", 80, home
            site.site_name = site.site_name or bn.SITE["site_name"]
            site.save()
            self.stats.touch("sites")

        welcome = self._welcome_page()
        if welcome is not None and not Site.objects.filter(root_page=welcome).exists():
            welcome.delete()
            self.stats.add("welcome page deleted")

        translation = home.get_translation_or_none(self.en)
        if translation is None:
            copy = home.copy_for_translation(self.en)
            translation = HomePage.objects.get(pk=copy.pk)
            translation.title = en.HOME["title"]
            translation.hero_title = en.HOME["hero_title"]
            translation.hero_text = en.HOME["hero_text"]
            translation.save_revision().publish()
            self.stats.add("pages")
        translation = HomePage.objects.get(pk=translation.pk)
        self.pages["home"] = {"bn": home, "en": translation}
        return home, translation

    @staticmethod
    def _welcome_page():
        return (
            Page.objects.filter(
                depth=2, title=WELCOME_TITLE, numchild=0, content_type=ContentType.objects.get_for_model(Page)
            )
            .order_by("path")
            .first()
        )

    def finish_home(self, images):
        """Quick links and hero image, set once both homes and the linked pages exist."""
        for code, content in (("bn", bn.HOME), ("en", en.HOME)):
            home = HomePage.objects.get(pk=self.pages["home"][code].pk)
            if home.quick_links:
                continue
            home.quick_links = [
                {
                    "type": "link",
                    "id": str(stable_uuid("block", f"home:{code}:quick-link:{i}")),
                    "value": {
                        "title": title,
                        "page": self.pages[page_key][code].pk if page_key else None,
                        "url": url,
                        "description": description,
                    },
                }
                for i, (title, page_key, url, description) in enumerate(content["quick_links"])
            ]
            home.hero_image = home.hero_image or images["home-hero"]
            home.save_revision().publish()
            self.stats.touch("home quick links")
            self.pages["home"][code] = HomePage.objects.get(pk=home.pk)


def _body(key, code, blocks, images, documents):
    """StreamField raw data for BodyBlock from the content modules' (type, value) pairs."""
    raw = []
    for i, (kind, value) in enumerate(blocks):
        if kind == "image":
            value = {"image": images[value["image"]].pk, "caption": value["caption"]}
        elif kind == "document":
            value = {"document": documents[value["document"]].pk, "title": value["title"]}
        elif kind == "table":
            value = {
                "data": value,
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "",
            }
        elif kind == "accordion":
            value = {"items": [{"heading": heading, "body": body} for heading, body in value]}
        raw.append({"type": kind, "value": value, "id": str(stable_uuid("block", f"{key}:{code}:{i}"))})
    return raw


def _paragraph(text):
    return f"<p>{escape(text)}</p>"


def ensure_notice_awaiting_translation(tree: PageTree, notices_bn) -> None:
    """A Bengali notice submitted to wagtail-localize: its English draft waits in the translation editor."""
    from wagtail_localize.operations import translate_object

    translation_key = stable_uuid("page", "notice:awaiting-translation")
    page = NoticePage.objects.filter(translation_key=translation_key, locale=tree.bn).first()
    if page is None:
        values = bn.NOTICE_AWAITING_TRANSLATION
        page = NoticePage(slug="service-week-2026", locale=tree.bn, translation_key=translation_key, **values)
        notices_bn.add_child(instance=page)
        page.save_revision().publish()
        tree.stats.add("pages")
    if page.get_translation_or_none(tree.en) is None:
        translate_object(page, [tree.en])
        tree.stats.add("pages")


def build_pages(locales, images, documents, offices, officers, stats: Stats) -> PageTree:
    tree = PageTree(locales, stats)
    home_bn, _ = tree.ensure_home()

    # About us: a body with every kind of block.
    tree.ensure(
        "about",
        StandardPage,
        home_bn,
        "about",
        {
            "title": bn.ABOUT["title"],
            "intro": bn.ABOUT["intro"],
            "body": _body("about", "bn", bn.ABOUT["body"], images, documents),
        },
        {
            "title": en.ABOUT["title"],
            "intro": en.ABOUT["intro"],
            "body": _body("about", "en", en.ABOUT["body"], images, documents),
        },
    )

    # Good practices, one child page per practice.
    practices_bn, _ = tree.ensure(
        "good-practices",
        StandardPage,
        home_bn,
        "good-practices",
        {
            "title": bn.GOOD_PRACTICES["title"],
            "intro": bn.GOOD_PRACTICES["intro"],
            "body": _body("good-practices", "bn", bn.GOOD_PRACTICES["body"], images, documents),
        },
        {
            "title": en.GOOD_PRACTICES["title"],
            "intro": en.GOOD_PRACTICES["intro"],
            "body": _body("good-practices", "en", en.GOOD_PRACTICES["body"], images, documents),
        },
    )
    for key, title, text in bn.PRACTICES:
        title_en, text_en = en.PRACTICES[key]
        tree.ensure(
            f"practice:{key}",
            StandardPage,
            practices_bn,
            key,
            {"title": title, "body": _body(key, "bn", [("paragraph", _paragraph(text))], images, documents)},
            {"title": title_en, "body": _body(key, "en", [("paragraph", _paragraph(text_en))], images, documents)},
        )

    # Service box and its services.
    services_bn, _ = tree.ensure(
        "services",
        ServiceBoxPage,
        home_bn,
        "services",
        {"title": bn.SERVICE_BOX["title"], "intro": bn.SERVICE_BOX["intro"]},
        {"title": en.SERVICE_BOX["title"], "intro": en.SERVICE_BOX["intro"]},
    )
    for spec in bn.SERVICES:
        text_en = en.SERVICES[spec["key"]]
        shared = {
            "recipient": spec["recipient"],
            "time_limit_days": spec["time_limit_days"],
            "office": offices[spec["office"]],
        }

        def texts(source, code, key=spec["key"]):
            return {
                field: source[field]
                for field in ("title", "summary", "eligibility", "documents_needed", "fee", "online_url")
            } | {
                "steps": [
                    {"type": "step", "value": step, "id": str(stable_uuid("block", f"{key}:{code}:step:{i}"))}
                    for i, step in enumerate(source["steps"])
                ]
            }

        tree.ensure(
            f"service:{spec['key']}",
            ServicePage,
            services_bn,
            spec["key"],
            shared | texts(spec, "bn") | {"responsible_officer": officers[spec["officer"]]["bn"]},
            texts(text_en, "en") | {"responsible_officer": officers[spec["officer"]]["en"]},
        )

    tree.ensure(
        "citizen-charter",
        CitizenCharterPage,
        home_bn,
        "citizen-charter",
        {field: bn.CITIZEN_CHARTER[field] for field in ("title", "intro", "grievance_text")},
        {field: en.CITIZEN_CHARTER[field] for field in ("title", "intro", "grievance_text")},
    )

    # Notices: more than one page of them (10 a page).
    notices_bn, _ = tree.ensure(
        "notices",
        NoticeIndexPage,
        home_bn,
        "notices",
        {"title": bn.NOTICE_INDEX["title"], "intro": bn.NOTICE_INDEX["intro"]},
        {"title": en.NOTICE_INDEX["title"], "intro": en.NOTICE_INDEX["intro"]},
    )
    for key, date, category, title, summary, body, attachments in bn.NOTICES:
        title_en, summary_en, body_en, attachments_en = en.NOTICES[key]
        tree.ensure(
            f"notice:{key}",
            NoticePage,
            notices_bn,
            key,
            {"title": title, "date": date, "category": category, "summary": summary, "body": body},
            {"title": title_en, "summary": summary_en, "body": body_en},
            {"attachments": [{"document": documents[doc], "title": doc_title} for doc, doc_title in attachments]},
            {"attachments": [{"title": doc_title} for doc_title in attachments_en]},
        )

    ensure_notice_awaiting_translation(tree, notices_bn)

    # Innovation corner: action plan, the three ideas selected in the seed meeting, and its minutes.
    innovation_bn, _ = tree.ensure(
        "innovation-corner",
        InnovationCornerPage,
        home_bn,
        "innovation-corner",
        {
            **{field: bn.INNOVATION[field] for field in ("title", "intro", "action_plan_year", "action_plan")},
            "action_plan_document": documents[bn.INNOVATION["action_plan_document"]],
        },
        {field: en.INNOVATION[field] for field in ("title", "intro", "action_plan_year", "action_plan")},
    )
    idea_texts = ("title", "proposer_name", "proposer_designation", "problem", "solution", "expected_benefit")
    for spec in bn.IDEAS:
        tree.ensure(
            f"idea:{spec['key']}",
            InnovationIdeaPage,
            innovation_bn,
            spec["key"],
            {field: spec[field] for field in idea_texts}
            | {
                "category": spec["category"],
                "status": InnovationIdeaPage.Status.SELECTED,
                "fiscal_year": bn.IDEA_FISCAL_YEAR,
                "office": offices[spec["office"]],
            },
            {field: en.IDEAS[spec["key"]][field] for field in idea_texts} | {"fiscal_year": en.IDEA_FISCAL_YEAR},
        )
    minutes_fields = (
        "letterhead",
        "title",
        "chair",
        "meeting_time",
        "venue",
        "attendance",
        "proceedings",
        "decisions_intro",
        "closing",
        "signatory_name",
        "signatory_designation",
        "memo_number",
        "distribution_heading",
        "issuer_name",
        "issuer_designation",
    )
    tree.ensure(
        "minutes:2021-11-23",
        MeetingMinutesPage,
        innovation_bn,
        bn.MINUTES_SLUG,
        {field: bn.MINUTES[field] for field in minutes_fields} | bn.MINUTES_DATES,
        {field: en.MINUTES[field] for field in minutes_fields},
        {
            "decisions": [
                {"subject": subject, "decision": decision, "implementer": implementer}
                for subject, decision, implementer in bn.MINUTES["decisions"]
            ],
            "distribution": [{"recipient": recipient} for recipient in bn.MINUTES["distribution"]],
        },
        {
            "decisions": [
                {"subject": subject, "decision": decision, "implementer": implementer}
                for subject, decision, implementer in en.MINUTES["decisions"]
            ],
            "distribution": [{"recipient": recipient} for recipient in en.MINUTES["distribution"]],
        },
    )

    tree.ensure(
        "directory",
        OfficerDirectoryPage,
        home_bn,
        "directory",
        {"title": bn.DIRECTORY["title"], "intro": bn.DIRECTORY["intro"]},
        {"title": en.DIRECTORY["title"], "intro": en.DIRECTORY["intro"]},
    )

    tree.ensure(
        "downloads",
        DownloadsPage,
        home_bn,
        "downloads",
        {"title": bn.DOWNLOADS["title"], "intro": bn.DOWNLOADS["intro"]},
        {"title": en.DOWNLOADS["title"], "intro": en.DOWNLOADS["intro"]},
        {
            "items": [
                {"document": documents[doc], "category": category, "year": year, "title": title}
                for doc, category, year, title in bn.DOWNLOADS["items"]
            ]
        },
        {"items": [{"title": title} for title in en.DOWNLOADS["items"]]},
    )

    tree.ensure(
        "contact",
        ContactPage,
        home_bn,
        "contact",
        {
            **{field: bn.CONTACT[field] for field in ("title", "intro", "thank_you_text", "subject")},
            "to_address": CONTACT_TO_ADDRESS,
            "from_address": CONTACT_FROM_ADDRESS,
        },
        {field: en.CONTACT[field] for field in ("title", "intro", "thank_you_text", "subject")},
        {
            "form_fields": [
                {"clean_name": name, "field_type": kind, "required": required, "label": label, "help_text": help_text}
                for name, kind, required, label, help_text in bn.CONTACT["fields"]
            ]
        },
        {"form_fields": [{"label": label, "help_text": help_text} for label, help_text in en.CONTACT["fields"]]},
    )

    # The accessibility statement (the text-size and contrast tools, how to report a problem), in the footer.
    tree.ensure(
        "accessibility",
        StandardPage,
        home_bn,
        "accessibility",
        {
            "title": bn.ACCESSIBILITY["title"],
            "intro": bn.ACCESSIBILITY["intro"],
            "body": _body("accessibility", "bn", bn.ACCESSIBILITY["body"], images, documents),
        },
        {
            "title": en.ACCESSIBILITY["title"],
            "intro": en.ACCESSIBILITY["intro"],
            "body": _body("accessibility", "en", en.ACCESSIBILITY["body"], images, documents),
        },
    )

    tree.finish_home(images)
    return tree
