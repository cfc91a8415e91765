"""Spreadsheet imports (workflows/core/imports.py and textnorm.py): the parsers, the file checks, the rules
across rows, and the upload → preview → import views over HTTP with the kit's leave register."""

import datetime
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation
from openpyxl import Workbook, load_workbook

from tests.kit.leaveprocess.imports import LeaveRegisterImport
from tests.kit.leaveprocess.models import LeaveRegisterLine
from tests.kit.test_contract import holder_of, signed_in
from workflows.core import roles as core_roles
from workflows.core.imports import Column, TableImport, header_key
from workflows.core.models import Office
from workflows.core.textnorm import (
    bd_mobile,
    bengali_text,
    bijoy_score,
    date_value,
    english_text,
    integer,
    latin_digits,
    looks_like_bijoy,
    nid,
)

# Real Bijoy (SutonnyMJ) typing, with what it reads as.
BIJOY = {
    "†gvt Kwig": "মোঃ করিম",
    "Avgvi †mvbvi evsjv": "আমার সোনার বাংলা",
    "wkí": "শিল্প",
    "ivóª": "রাষ্ট্র",
    "evsjv‡`k": "বাংলাদেশ",
    "kÖg I Kg©ms¯’vb gš¿Yvjq": "শ্রম ও কর্মসংস্থান মন্ত্রণালয়",
    "iwngv LvZzb": "রহিমা খাতুন",
    "Avãyj Kv‡`i": "আব্দুল কাদের",
    "XvKv": "ঢাকা",
    "PÆMÖvg": "চট্টগ্রাম",
    "dvwZgv Av³vi": "ফাতিমা আক্তার",
    "†gvnv¤§` Avjx": "মোহাম্মদ আলী",
    "bvivqYMÄ": "নারায়ণগঞ্জ",
    "ivRkvnx": "রাজশাহী",
    "wm‡jU": "সিলেট",
    "Kzwóqv": "কুষ্টিয়া",
    "bvRgyj nK": "নাজমুল হক",
    "Rvnvbviv †eMg": "জাহানারা বেগম",
    "Kg©Pvix": "কর্মচারী",
    "cÖwkÿY": "প্রশিক্ষণ",
}
# Single ASCII words that score only one point: refused as Bijoy in a Bengali column, passed elsewhere.
BIJOY_SHORT = ["Lyjbv", "gvgyb", "Kwig", "ingvb", "Avjx"]
ENGLISH_NAMES = [
    "Md. Karim",
    "Rahima Khatun",
    "Mohammad Ali",
    "Abdul Kader",
    "Fatima Akter",
    "Nazmul Hoque",
    "Jahanara Begum",
    "Kazi Nazrul Islam",
    "Tanvir Ahmed",
    "Mst. Shirin Akhter",
    "Md. Abu Bakar Siddique",
    "Kawsar Ahmed",
    "Chowdhury",
    "Howlader",
    "Towhid",
    "Swapan Kumar Das",
    "Parvez",
    "Javed Iqbal",
    "Rajiv Gandhi",
    "Dev Anand",
    "Avni Sharma",
    "Ava Evans",
    "Marvin",
    "Silvia",
    "McDonald",
    "José Müller",
    "Cox’s Bazar",
    "Rowshan Ara",
    "Kwame Nkrumah",
    "Road 12, House 7, Mirpur-10",
    "MBBS",
]
BENGALI_UNICODE = ["মোঃ করিম", "আমার সোনার বাংলা", "শিল্প", "রাষ্ট্র", "রহিমা খাতুন", "শ্রম ও কর্মসংস্থান মন্ত্রণালয়"]


# --- Parsers ------------------------------------------------------------------------------------


def test_bengali_digits_become_latin():
    assert latin_digits(" ০১২৩৪৫৬৭৮৯ ") == "0123456789"


@pytest.mark.parametrize(
    "value",
    [
        "01712345678",
        "+8801712345678",
        "8801712345678",
        "017-1234-5678",
        "017 1234 5678",
        "+880 1712 345678",
        "০১৭১২৩৪৫৬৭৮",
        "+৮৮০১৭১২৩৪৫৬৭৮",
        1712345678,  # an XLSX number cell: the leading 0 is gone
        1712345678.0,
    ],
)
def test_mobile_numbers_in_every_usual_form_are_normalised(value):
    assert bd_mobile(value) == "+8801712345678"


@pytest.mark.parametrize("value", ["0171234567", "017123456789", "01212345678", "1234", "abc", "01712x45678", 1.5])
def test_wrong_mobile_numbers_are_refused(value):
    with pytest.raises(ValidationError):
        bd_mobile(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-12-25", datetime.date(2024, 12, 25)),
        ("25/12/2024", datetime.date(2024, 12, 25)),
        ("25-12-2024", datetime.date(2024, 12, 25)),
        ("25.12.2024", datetime.date(2024, 12, 25)),
        ("5/1/2024", datetime.date(2024, 1, 5)),
        ("২৫/১২/২০২৪", datetime.date(2024, 12, 25)),
        ("২০২৪-১২-২৫", datetime.date(2024, 12, 25)),
        ("2024-12-25 00:00:00", datetime.date(2024, 12, 25)),
        (datetime.datetime(2024, 12, 25, 0, 0), datetime.date(2024, 12, 25)),  # an XLSX date cell
        (datetime.date(2024, 12, 25), datetime.date(2024, 12, 25)),
    ],
)
def test_dates_are_read(value, expected):
    assert date_value(value) == expected


@pytest.mark.parametrize("value", ["31/02/2024", "12/25/2024", "25/12/24", "tomorrow", 45651, "2024-13-01"])
def test_wrong_dates_are_refused(value):
    with pytest.raises(ValidationError):
        date_value(value)


@pytest.mark.parametrize(("value", "expected"), [("12", 12), ("১২", 12), ("1,200", 1200), (7, 7), (7.0, 7), ("-3", -3)])
def test_integers_are_read(value, expected):
    assert integer(value) == expected


@pytest.mark.parametrize("value", ["1.5", 1.5, "twelve", True, ""])
def test_wrong_integers_are_refused(value):
    with pytest.raises(ValidationError):
        integer(value)


@pytest.mark.parametrize("value", ["1234567890", "1234567890123", "12345678901234567", "১২৩৪ ৫৬৭ ৮৯০", 1234567890123])
def test_national_id_numbers_of_10_13_or_17_digits_are_accepted(value):
    assert nid(value) == latin_digits(str(value)).replace(" ", "")


@pytest.mark.parametrize("value", ["123456789", "12345678901", "12345678901234567890", "12345abcde"])
def test_wrong_national_id_numbers_are_refused(value):
    with pytest.raises(ValidationError):
        nid(value)


def test_a_17_digit_nid_stored_as_a_number_is_refused_because_its_digits_are_lost():
    with pytest.raises(ValidationError) as caught:
        nid(12345678901234567.0)
    assert caught.value.code == "nid_as_number"


def test_bengali_text_is_normalised_and_trimmed():
    decomposed = "আমার  সোনার\n বাংলা ".replace("ড়", "ড\u09bc")
    assert bengali_text(decomposed) == "আমার সোনার বাংলা"
    assert bengali_text("কড়ই".replace("ড়", "ড\u09bc")) == "কড়ই"


def test_a_bengali_column_refuses_latin_letters():
    with pytest.raises(ValidationError) as caught:
        bengali_text("Md. Karim")
    assert caught.value.code == "not_bengali"


def test_an_english_column_refuses_bengali_script_and_accepts_names():
    assert english_text("  Md.   Karim ") == "Md. Karim"
    with pytest.raises(ValidationError):
        english_text("মোঃ করিম")


@pytest.mark.parametrize("text", list(BIJOY))
def test_bijoy_text_is_detected(text):
    assert looks_like_bijoy(text)
    with pytest.raises(ValidationError) as caught:
        bengali_text(text)
    assert caught.value.code == "bijoy"
    with pytest.raises(ValidationError):
        english_text(text)


@pytest.mark.parametrize("text", BIJOY_SHORT)
def test_short_bijoy_words_get_the_bijoy_message_in_a_bengali_column(text):
    assert bijoy_score(text) >= 1
    with pytest.raises(ValidationError) as caught:
        bengali_text(text)
    assert caught.value.code == "bijoy"


@pytest.mark.parametrize("text", ENGLISH_NAMES)
def test_english_names_are_not_taken_for_bijoy(text):
    assert not looks_like_bijoy(text)
    assert english_text(text) == text


@pytest.mark.parametrize("text", BENGALI_UNICODE)
def test_unicode_bengali_is_not_taken_for_bijoy(text):
    assert bijoy_score(text) == 0
    assert bengali_text(text) == text


def test_the_bijoy_message_names_the_row_and_the_column_in_bengali():
    with translation.override("bn"):
        result = LeaveRegisterImport().read_table(
            [HEADER, *rows_with_mobiles(5), ["†gvt Kwig", "01912345678", "", "1/1/2024", "2"]]
        )
        assert [str(error) for error in result.errors] == [
            "সারি ৭, নাম (বাংলা): লেখাটি পুরোনো বিজয় (ASCII) এনকোডিংয়ে টাইপ করা মনে হচ্ছে; ইউনিকোডে (যেমন অভ্র) আবার টাইপ করুন।"
        ]


# --- Files and tables ---------------------------------------------------------------------------

HEADER = ["Name (Bengali)", "Mobile", "National ID", "First day", "Days"]
VALID_ROW = ["রহিমা খাতুন", "01712345678", "", "25/12/2024", "3"]


def rows_with_mobiles(count, start=0):
    return [["রহিমা খাতুন", f"0171{start + n:07d}", "", "25/12/2024", "3"] for n in range(count)]


def csv_file(rows, name="register.csv", bom=True, encoding="utf-8", delimiter=","):
    text = "\r\n".join(delimiter.join(str(cell) for cell in row) for row in rows) + "\r\n"
    data = text.encode(encoding)
    return SimpleUploadedFile(name, (b"\xef\xbb\xbf" if bom else b"") + data, content_type="text/csv")


def xlsx_file(rows, name="register.xlsx"):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def read(upload, existing=None):
    return LeaveRegisterImport(existing=existing).read(upload)


def file_error(upload):
    with pytest.raises(ValidationError) as caught:
        read(upload)
    return caught.value


@pytest.mark.parametrize("bom", [True, False])
def test_a_utf8_csv_is_read_with_or_without_bom(bom):
    result = read(
        csv_file([HEADER, VALID_ROW, ["করিম", "+880 1812-345678", "১২৩৪৫৬৭৮৯০", "২০২৪-০১-০৫", "১০"]], bom=bom)
    )
    assert result.is_valid
    assert result.values()[1] == {
        "name_bn": "করিম",
        "mobile": "+8801812345678",
        "nid": "1234567890",
        "starts_on": datetime.date(2024, 1, 5),
        "days": 10,
    }
    assert result.values()[0]["nid"] == ""  # the column's empty value


def test_a_semicolon_csv_from_excel_is_read():
    assert read(csv_file([HEADER, VALID_ROW], delimiter=";")).is_valid


def test_an_xlsx_is_read_with_date_and_number_cells():
    result = read(xlsx_file([HEADER, ["রহিমা খাতুন", 1712345678, 1234567890123, datetime.datetime(2024, 12, 25), 3]]))
    assert result.is_valid
    assert result.values()[0]["starts_on"] == datetime.date(2024, 12, 25)
    assert result.values()[0]["mobile"] == "+8801712345678"
    assert result.values()[0]["nid"] == "1234567890123"


def test_headers_match_in_bengali_english_any_case_and_aliases_and_unknown_columns_are_reported():
    header = ["  নাম (বাংলা) ", "MOBILE", "nid", "first_day", "days*", "Remarks"]
    result = read(csv_file([header, [*VALID_ROW, "anything"]]))
    assert result.is_valid
    assert result.ignored_headers == ["Remarks"]
    assert header_key("Name (Bengali)") == header_key("name_bengali") == "namebengali"


def test_missing_required_columns_are_named():
    error = file_error(csv_file([["Name (Bengali)", "National ID"], ["রহিমা", ""]]))
    assert error.code == "missing_columns"
    with translation.override("en"):
        assert error.messages == ["The file lacks these required columns: “Mobile”, “First day”, “Days”."]


def test_a_column_twice_is_refused():
    assert file_error(csv_file([[*HEADER, "mobile"], [*VALID_ROW, "01712345678"]])).code == "duplicate_column"


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (SimpleUploadedFile("empty.csv", b""), "file_empty"),
        (SimpleUploadedFile("blank.csv", b"\r\n \r\n"), "file_empty"),
        (SimpleUploadedFile("doc.csv", b"%PDF-1.4\n1 0 obj\n%%EOF\n"), "file_type"),
        (SimpleUploadedFile("old.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100), "file_xls"),
        (SimpleUploadedFile("broken.xlsx", b"PK\x03\x04 this is not a zip at all"), "file_malformed"),
        (SimpleUploadedFile("latin1.csv", "Name (Bengali),Mobile\nJosé,017\n".encode("cp1252")), "file_encoding"),
        (SimpleUploadedFile("utf16.csv", "Name (Bengali),Mobile\n".encode("utf-16")), "file_encoding"),
        (SimpleUploadedFile("image.csv", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), "file_type"),
        (SimpleUploadedFile("quote.csv", 'Name (Bengali),Mobile\n"রহিমা,017\n'.encode()), "file_malformed"),
    ],
    ids=["empty", "blank", "pdf-renamed", "xls", "broken-zip", "cp1252", "utf16", "png", "open-quote"],
)
def test_a_wrong_or_broken_file_is_refused_with_a_clear_message(upload, code):
    error = file_error(upload)
    assert error.code == code
    assert upload.name in error.messages[0]


def test_a_zip_that_is_not_a_workbook_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
        archive.writestr("[Content_Types].xml", "<Types/>")
    assert file_error(SimpleUploadedFile("letter.xlsx", buffer.getvalue())).code == "file_type"


def test_a_zip_with_workbook_names_but_garbage_inside_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "not xml")
        archive.writestr("xl/workbook.xml", "not xml")
    assert file_error(SimpleUploadedFile("fake.xlsx", buffer.getvalue())).code == "file_malformed"


def test_an_oversized_file_is_refused(settings):
    settings.IMPORT_MAX_BYTES = 1000
    assert file_error(csv_file([HEADER, *rows_with_mobiles(40)])).code == "file_size"


def test_too_many_rows_are_refused(settings):
    settings.IMPORT_MAX_ROWS = 10
    assert read(csv_file([HEADER, *rows_with_mobiles(10)])).is_valid
    assert file_error(csv_file([HEADER, *rows_with_mobiles(11)])).code == "too_many_rows"
    assert file_error(xlsx_file([HEADER, *rows_with_mobiles(11)])).code == "too_many_rows"


def test_no_header_or_no_rows_is_refused():
    assert file_error(csv_file([["", ""], VALID_ROW])).code == "no_header"
    assert file_error(csv_file([HEADER])).code == "no_rows"


def test_row_errors_name_the_spreadsheet_row_and_column_and_skip_blank_rows():
    rows = [HEADER, VALID_ROW, ["", "", "", "", ""], ["", "0171", "", "31/02/2024", "0"]]
    result = read(csv_file(rows))
    assert not result.is_valid
    assert [(e.row, e.column.name) for e in result.errors] == [
        (4, "name_bn"),
        (4, "mobile"),
        (4, "starts_on"),
        (4, "days"),
    ]
    with translation.override("en"):
        assert str(result.errors[0]) == "Row 4, Name (Bengali): This column is required."


def test_duplicates_in_the_file_and_already_recorded_values_are_errors():
    rows = [
        HEADER,
        VALID_ROW,
        ["করিম", "017-1234-5678", "", "1/1/2024", "1"],
        ["জামাল", "01812345678", "", "1/1/2024", "1"],
    ]
    result = read(csv_file(rows), existing={"mobile": {"+8801812345678"}})
    with translation.override("en"):
        assert [str(e) for e in result.errors] == [
            "Row 3, Mobile: The same value is in row 2.",
            "Row 4, Mobile: Already in this office's leave register.",
        ]


def test_check_rows_can_add_rules_across_rows():
    class OneNamePerFile(TableImport):
        columns = [Column("name", "Name")]

        def check_rows(self, rows):
            super().check_rows(rows)
            if len({row.values["name"] for row in rows}) > 1:
                rows[-1].add_error(None, "One name per file.")

    result = OneNamePerFile().read_table([["name"], ["a"], ["b"]])
    with translation.override("en"):
        assert [str(e) for e in result.errors] == ["Row 3: One name per file."]


def test_the_templates_carry_the_expected_headers():
    importer = LeaveRegisterImport()
    with translation.override("en"):
        assert importer.template_csv() == "\ufeffName (Bengali),Mobile,National ID,First day,Days\r\n"
        workbook = load_workbook(io.BytesIO(importer.template_xlsx()))
        assert [cell.value for cell in workbook.active[1]] == HEADER
    # The template read back is a valid header (with no rows yet).
    assert file_error(SimpleUploadedFile("t.xlsx", importer.template_xlsx())).code == "no_rows"


# --- The views ----------------------------------------------------------------------------------


@pytest.fixture
def chattogram(demo):
    return Office.objects.get(code="dlo-chattogram")


@pytest.fixture
def officer(chattogram):
    return signed_in(holder_of("dlo-chattogram", core_roles.OFFICE_HEAD, "register-officer"))


def import_url(office):
    return f"/admin/workflows/leave/register/{office.pk}/import/"


def upload(client, office, file):
    return client.post(import_url(office), {"file": file})


def test_the_upload_page_lists_the_columns_and_offers_templates(officer, chattogram):
    page = officer.get(import_url(chattogram))
    assert page.status_code == 200
    assert "নাম (বাংলা)" in page.text and "template/?format=xlsx" in page.text
    template = officer.get(f"{import_url(chattogram)}template/?format=xlsx")
    assert template["Content-Disposition"] == 'attachment; filename="leave-register.xlsx"'
    assert officer.get(f"{import_url(chattogram)}template/?format=csv").content.startswith(b"\xef\xbb\xbf")


def test_a_valid_file_is_previewed_then_imported_whole(officer, chattogram):
    response = upload(officer, chattogram, xlsx_file([HEADER, *rows_with_mobiles(3)]))
    assert response.status_code == 302
    preview_url = response["Location"]
    preview = officer.get(preview_url)
    assert "৩টি সারি আমদানি করুন" in preview.text
    assert LeaveRegisterLine.objects.count() == 0  # the preview saves nothing
    done = officer.post(preview_url)
    assert done.status_code == 302 and done["Location"] == "/admin/workflows/leave/"
    assert LeaveRegisterLine.objects.filter(office=chattogram).count() == 3


def test_a_file_with_one_bad_row_imports_nothing(officer, chattogram):
    rows = [HEADER, *rows_with_mobiles(4), ["†gvt Kwig", "01912345678", "", "1/1/2024", "2"]]
    preview_url = upload(officer, chattogram, csv_file(rows))["Location"]
    preview = officer.get(preview_url)
    assert "সারি ৬, নাম (বাংলা): লেখাটি পুরোনো বিজয়" in preview.text
    assert "disabled" in preview.text
    officer.post(preview_url)  # a forged confirm of a file with errors
    assert LeaveRegisterLine.objects.count() == 0


def test_a_replayed_confirm_imports_once(officer, chattogram):
    preview_url = upload(officer, chattogram, csv_file([HEADER, *rows_with_mobiles(2)]))["Location"]
    officer.post(preview_url)
    again = officer.post(preview_url)
    assert again.status_code == 302 and again["Location"] == "/admin/workflows/leave/"
    assert LeaveRegisterLine.objects.count() == 2


def test_rows_recorded_between_preview_and_confirm_are_checked_again(officer, chattogram):
    preview_url = upload(officer, chattogram, csv_file([HEADER, *rows_with_mobiles(2)]))["Location"]
    LeaveRegisterLine.objects.create(
        office=chattogram, name_bn="ক", mobile="+8801710000001", starts_on=datetime.date(2024, 1, 1), days=1
    )
    response = officer.post(preview_url)
    assert response.status_code == 200
    assert "ইতিমধ্যে এই দপ্তরের ছুটির রেজিস্টারে আছে" in response.text
    assert LeaveRegisterLine.objects.count() == 1


def test_another_offices_officer_gets_404(chattogram):
    outsider = signed_in(holder_of("dlo-khulna", core_roles.OFFICE_HEAD, "register-outsider"))
    assert outsider.get(import_url(chattogram)).status_code == 404
    assert upload(outsider, chattogram, csv_file([HEADER, VALID_ROW])).status_code == 404
    assert outsider.get(f"{import_url(chattogram)}template/").status_code == 404


def test_another_officers_token_is_404(officer, chattogram):
    preview_url = upload(officer, chattogram, csv_file([HEADER, VALID_ROW]))["Location"]
    # A second holder of the same post sees the office, but not the first officer's upload.
    other = signed_in(_second_holder(chattogram))
    assert other.get(preview_url).status_code == 404
    assert other.post(preview_url).status_code == 404
    assert LeaveRegisterLine.objects.count() == 0


def _second_holder(office):
    from tests.factories import make_user
    from workflows.core.models import Post, PostHolding

    user = make_user("register-second", groups=["Officers"])
    PostHolding.objects.create(user=user, post=Post.objects.get(office=office, role=core_roles.OFFICE_HEAD))
    return user


def test_an_unknown_token_sends_back_to_the_upload_page(officer, chattogram):
    response = officer.get(f"{import_url(chattogram)}not-a-token/")
    assert response.status_code == 302 and response["Location"] == import_url(chattogram)


def test_a_wrong_file_is_refused_on_the_upload_page(officer, chattogram):
    response = upload(officer, chattogram, SimpleUploadedFile("scan.csv", b"%PDF-1.4\n%%EOF\n"))
    assert response.status_code == 200
    assert "“scan.csv” কোনো CSV বা XLSX ফাইল নয়" in response.text


def test_an_oversized_upload_is_stopped_while_it_is_read(officer, chattogram, settings):
    settings.IMPORT_MAX_BYTES = 2000
    response = upload(officer, chattogram, csv_file([HEADER, *rows_with_mobiles(100)], name="big.csv"))
    assert response.status_code == 200
    assert "“big.csv”" in response.text and "বড়" in response.text


def test_the_upload_needs_the_csrf_token(chattogram):
    client = Client(enforce_csrf_checks=True)
    client.force_login(holder_of("dlo-chattogram", core_roles.OFFICE_HEAD, "register-officer"))
    assert upload(client, chattogram, csv_file([HEADER, VALID_ROW])).status_code == 403
