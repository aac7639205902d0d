"""Admin import: a Word, PDF or text file instead of pasted text, and the people to check first.

Every post carries the fields of the page as a browser sends them: the text area, the file
input (empty when no file is chosen), the year and the button pressed; the confirmation
posts back the preview's hidden fields.
"""

import datetime
import html
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from programme.models import Appearance, Slot
from speakers.models import Person
from tests.factories import EventFactory
from tests.programme.twins import docx_twin, pdf_twin

pytestmark = pytest.mark.django_db

TEXT = """DAY ONE – 8 October 2018

10:00-11:00 Opening Session
  • Ms. Ann Lee, Director, Youth Caucus (Remarks)

11:00-12:00 Session 1: Capacity development
Panellists:
  • Ms. Zrinka Bralo, Chief Executive, Migrants Organise
  • Tomas Berg
  • Vice-President of the Assembly (TBA)
"""


@pytest.fixture
def event():
    return EventFactory(
        slug="idm-2018",
        start_date=datetime.date(2018, 10, 8),
        end_date=datetime.date(2018, 10, 9),
        description="",
    )


def url(event):
    return reverse("admin:conference_event_import_programme", args=[event.pk])


def edit_form(text="", file="", year="2018", button="_preview"):
    """The edit page's fields as a browser posts them."""
    return {"text": text, "file": file, "year": year, button: "Preview"}


def hidden_fields(content):
    fields = dict(re.findall(r'<input type="hidden" name="(text|year)" value="([^"]*)"', content))
    return {name: html.unescape(value) for name, value in fields.items()}


def test_the_form_offers_a_file_and_sends_it_as_multipart(staff_client, event):
    content = staff_client.get(url(event)).content.decode()
    assert 'enctype="multipart/form-data"' in content
    assert '<input type="file" name="file"' in content
    assert "A Word document (.docx), a PDF with text, or a plain text file" in content


def test_a_word_file_is_previewed_then_imported_from_the_preview(staff_client, event):
    upload = SimpleUploadedFile("programme.docx", docx_twin(TEXT, layout="table"))

    response = staff_client.post(url(event), edit_form(file=upload))

    content = response.content.decode()
    assert "Session 1: Capacity development" in content
    assert "Zrinka Bralo" in content
    assert "Nothing has been written yet." in content
    assert not Slot.objects.exists()
    fields = hidden_fields(content)
    assert "11:00-12:00 Session 1: Capacity development" in fields["text"]

    confirmed = staff_client.post(url(event), {**fields, "_confirm": "Confirm and import"})

    assert confirmed.status_code == 302
    assert list(Slot.objects.order_by("order").values_list("title", flat=True)) == [
        "Opening Session",
        "Capacity development",
    ]
    assert Person.objects.filter(family_names="Bralo").exists()


def test_a_pdf_is_previewed_with_the_same_people_as_the_text(staff_client, event):
    from_text = staff_client.post(url(event), edit_form(text=TEXT)).content.decode()
    upload = SimpleUploadedFile("programme.pdf", pdf_twin(TEXT, layout="table"))

    content = staff_client.post(url(event), edit_form(file=upload)).content.decode()

    for printed in ("Capacity development", "Zrinka Bralo", "Chief Executive, Migrants Organise"):
        assert printed in content
    assert "2 lines to check" in content
    assert content.count("import-person--check") == from_text.count("import-person--check")
    assert not Slot.objects.exists()


def test_a_text_file_in_windows_1252_is_read(staff_client, event):
    upload = SimpleUploadedFile("programme.txt", TEXT.replace("–", "-").encode("cp1252"))
    response = staff_client.post(url(event), edit_form(file=upload))
    assert "Zrinka Bralo" in response.content.decode()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.4\n%broken beyond repair", "This PDF is damaged or protected"),
        (b"PK\x03\x04 not a zip at all", "This file is damaged"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "This file is not a programme that can be read"),
    ],
)
def test_a_bad_file_is_refused_on_the_form_and_nothing_is_written(
    staff_client, event, content, message
):
    upload = SimpleUploadedFile("programme.docx", content)
    response = staff_client.post(url(event), edit_form(text="", file=upload))
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert '<input type="file" name="file"' in page
    assert not Slot.objects.exists()


def test_a_file_over_the_upload_limit_is_refused(staff_client, event, settings):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 100
    upload = SimpleUploadedFile("programme.txt", TEXT.encode())
    response = staff_client.post(url(event), edit_form(file=upload))
    assert "the largest accepted is 100" in response.content.decode()
    assert not Slot.objects.exists()


def test_neither_text_nor_file_asks_for_one(staff_client, event):
    response = staff_client.post(url(event), edit_form(text="  "))
    assert "Paste the programme&#x27;s text, or choose a file." in response.content.decode()


def test_the_preview_lists_the_people_to_check_first_and_marks_them(staff_client, event):
    response = staff_client.post(url(event), edit_form(text=TEXT))

    content = response.content.decode()
    # A bare name and a speaker not yet named are guesses; the others are not.
    assert "2 lines to check" in content
    top = content.index("2 lines to check")
    assert top < content.index("Opening Session")
    assert re.search(r'<a href="#line-9">Line 9</a>: <mark>\s*• Tomas Berg</mark>', content)
    assert re.search(r'<a href="#line-10">Line 10</a>: <mark>[^<]*Vice-President', content)
    assert "Read as: Panellist – Tomas Berg" in content
    rows = re.findall(r'<tr class="import-person--check">.*?</tr>', content, re.DOTALL)
    assert len(rows) == 1
    assert "Tomas Berg" in rows[0]
    assert '<span class="import-badge import-badge--check">to check</span>' in rows[0]
    assert '<tr id="line-9" class="import-line--check">' in content
    assert '<tr id="line-10" class="import-line--check">' in content
    assert '<tr id="line-8">' in content  # "• Ms. Zrinka Bralo, …" is read with confidence
    assert "<details open>" in content
    assert not Appearance.objects.exists()


def test_a_preview_with_nothing_to_check_says_nothing_about_it(staff_client, event):
    text = TEXT.replace("  • Tomas Berg\n", "").replace(
        "  • Vice-President of the Assembly (TBA)\n", ""
    )
    content = staff_client.post(url(event), edit_form(text=text)).content.decode()
    assert "to check" not in content
    assert "import-person--check" not in content
