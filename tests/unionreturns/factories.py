"""Annual returns for the tests, made through the same services the portal uses."""

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.unions.factories import make_representative, make_union
from workflows.core.demo import text_pdf
from workflows.core.models import Office, Post
from workflows.core.uploads import check_upload
from workflows.unionreturns import services
from workflows.unions.roles import UNION_EXAMINER

YEAR = 2025

# A balanced statement, as a representative types it: Bengali digits and lakh grouping.
# Opening 1,50,000 + income 12,50,000.50 − expenditure 10,20,500.50 = closing 3,79,500.
FIGURES = {
    "income_subscriptions": "১০,০০,০০০.৫০",
    "income_donations": "২,০০,০০০",
    "income_other": "50,000",
    "expenditure_salaries": "৬,০০,০০০",
    "expenditure_office": "১,২০,৫০০.৫০",
    "expenditure_legal": "৮০,০০০",
    "expenditure_welfare": "১,৫০,০০০",
    "expenditure_federation": "২০,০০০",
    "expenditure_other": "৫০,০০০",
    "opening_cash": "৫০,০০০",
    "opening_bank": "১,০০,০০০",
    "closing_cash": "২৯,৫০০",
    "closing_bank": "৩,৫০,০০০",
    "other_assets": "২,০০,০০০",
    "liabilities": "০",
    "members_at_year_end": "৪৫০",
    "officer_changes": "সাধারণ সম্পাদক পরিবর্তন: ১ জুলাই ২০২৫ থেকে মোঃ রহিম উদ্দিন",
    "auditor_name": "মোঃ করিম, চার্টার্ড অ্যাকাউন্ট্যান্ট",
    "auditor_qualification": "এফসিএ (আইসিএবি সদস্য নং ১২৩৪)",
    "declaration": "on",
}


def pdf(name="document.pdf", body="statement"):
    return SimpleUploadedFile(name, text_pdf(body), content_type="application/pdf")


def ensure_examiner_posts():
    """A union audit examiner's post in every office, so that a test may file a return anywhere."""
    for office in Office.objects.all():
        Post.objects.get_or_create(
            office=office, role=UNION_EXAMINER, defaults={"title_bn": "ইউনিয়ন নিরীক্ষা পরীক্ষক", "title_en": "Examiner"}
        )


def cleaned_figures():
    """FIGURES as the form cleans them (the services take clean values)."""
    from workflows.unionreturns.forms import ReturnForm

    form = ReturnForm(data=FIGURES)
    assert form.is_valid(), form.errors
    return form.draft_data()


def submitted_return(office, *, year=YEAR, union=None, representative=None):
    """A union of `office` (unless given) with a return for `year` submitted: waiting for its examiner."""
    ensure_examiner_posts()
    union = union or make_union(office)
    representative = representative or make_representative(union)
    annual_return = services.start_return(union, year, representative=representative)
    documents = {
        "constitution": check_upload(pdf("constitution.pdf")),
        "audit_report": check_upload(pdf("audit.pdf")),
    }
    return services.submit(annual_return, cleaned_figures(), documents, representative=representative)
