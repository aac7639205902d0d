"""The list of speakers by delegation: sections in a fixed order, each person once."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from docx import Document as WordDocument
from openpyxl import load_workbook
from pypdf import PdfReader

from programme.feeds.pdf import pdf_available
from tests.factories import (
    AppearanceFactory,
    DayFactory,
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    SlotFactory,
    UserFactory,
)

DEMO = "idm-2018-second-session"

# The demo's 36 people in the order of the document (English), section by section.
DEMO_SECTIONS = [
    (
        "Member States",
        [
            "DE MELO BARBOZA",  # Brazil
            "EGUIGUREN",  # Chile
            "HERNÁNDEZ VÁSQUEZ",  # Costa Rica
            "MAGARIN",  # El Salvador
            "GARCÍA SÁENZ",  # Guatemala
            "OKANIWA",  # Japan
            "GÓMEZ CAMACHO",  # Mexico
            "RANGEL",  # Mexico
            "SLOBODENIUC",  # Moldova
            "NADIR",  # Morocco
            "HENRIKSON",  # Sweden
            "LAUBER",  # Switzerland
            "DOTTO",  # Tanzania
        ],
    ),
    ("United Nations system", ["KHAN", "ARBOUR", "SWAMINATHAN"]),
    (
        "Other intergovernmental organisations",
        ["DAO SOW", "BOČEK", "RIALLANT", "SAMRI", "THOMPSON", "VITORINO", "WIJNROKS"],
    ),
    ("Parliaments", ["OUKEMENI", "CHUNGONG"]),
    (
        "Civil society",
        ["DIALLO", "YUSON", "HAMATI", "PITOTTI", "BRÜLLHARDT", "BRALO", "GATEA", "MORALIS"],
    ),
    ("Private sector", ["RISTAGNO"]),
    ("Academia", ["TEYE", "MARTIN"]),
]
DEMO_NAMES = [name for _title, names in DEMO_SECTIONS for name in names]

needs_weasyprint = pytest.mark.skipif(not pdf_available(), reason="WeasyPrint is not available")


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def url(slug, extension, language="en"):
    return f"/{language}/events/{slug}/export/list-of-speakers.{extension}"


def assert_in_order(text, items):
    """Every item occurs in text exactly once, in the given order."""
    positions = []
    for item in items:
        assert text.count(item) == 1, f"{item!r} occurs {text.count(item)} times"
        positions.append(text.index(item))
    assert positions == sorted(positions)


def test_demo_has_thirty_six_people():
    assert len(DEMO_NAMES) == len(set(DEMO_NAMES)) == 36


@needs_weasyprint
def test_pdf_lists_every_person_once_in_the_right_sections_and_order(demo, staff_client):
    response = staff_client.get(url(DEMO, "pdf"))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    title_page = reader.pages[0].extract_text()
    assert "International Dialogue on Migration" in title_page
    assert "8 October 2018 – 9 October 2018" in title_page
    assert "Palais des Nations, Geneva" in title_page
    assert "LIST OF SPEAKERS" in title_page
    body = "\n".join(page.extract_text() for page in reader.pages[1:])
    sequence = []
    for title, names in DEMO_SECTIONS:
        sequence += [title.upper(), *names]
    assert_in_order(body, sequence)
    assert "Mr. Juan Eduardo EGUIGUREN, Permanent Representative of Chile" in body
    assert "Ms. Susan F. MARTIN" in body
    assert "Session 4: Assessing the capacity development needs" in body


@needs_weasyprint
def test_pdf_in_french_sorts_member_states_by_their_french_names(demo, staff_client):
    response = staff_client.get(url(DEMO, "pdf", "fr"))
    body = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    # Brésil, Chili, Costa Rica, Guatémala, Japon, Maroc, Mexique, Moldavie, Salvador …
    delegations = ["Brésil", "Chili", "Guatémala", "Maroc", "Mexique", "Salvador", "Suisse"]
    assert_in_order(body, [f"\n{name}\n" for name in delegations])
    assert "M. Juan Eduardo EGUIGUREN" in body
    assert "Mme Susan F. MARTIN" in body


def test_word_document_has_the_same_entries(demo, staff_client):
    response = staff_client.get(url(DEMO, "docx"))
    assert response["Content-Disposition"] == (
        f'attachment; filename="{DEMO}-list-of-speakers.docx"'
    )
    document = WordDocument(io.BytesIO(response.content))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [title for title, _names in DEMO_SECTIONS]
    entries = [
        bold.text
        for paragraph in document.paragraphs
        for bold in paragraph.runs[:1]
        if bold.bold and paragraph.style.name == "Normal"
    ]
    family_names = [
        next(name for name in DEMO_NAMES if entry.endswith(name)) for entry in entries[1:]
    ]
    assert entries[0] == "List of speakers"
    assert family_names == DEMO_NAMES
    assert "Palais des Nations, Geneva" in paragraphs


def test_workbook_has_one_row_per_person(demo, staff_client):
    response = staff_client.get(url(DEMO, "xlsx", "es"))
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert sheet.freeze_panes == "A2"
    assert len(rows) == 37
    header = rows[0]
    family = [row[header.index("APELLIDO")] for row in rows[1:]]
    assert sorted(family) == sorted(DEMO_NAMES)


def test_a_person_is_listed_once_with_every_slot_they_spoke_in(staff_client):
    event = EventFactory()
    day = DayFactory(event=event)
    person = PersonFactory(given_names="Amy", family_names="Pope")
    chile = OrganisationFactory(name="Government of Chile", category="government", country="CL")
    for number in (1, 2):
        slot = SlotFactory(day=day, number=number, title=f"Panel {number}", order=number)
        AppearanceFactory(slot=slot, person=person, organisation=chile, country="", honorific="")
    document = WordDocument(io.BytesIO(staff_client.get(url(event.slug, "docx")).content))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    assert "Chile" in paragraphs
    assert sum("Amy POPE" in text for text in paragraphs) == 1
    assert "Session 1: Panel 1; Session 2: Panel 2" in paragraphs


@pytest.mark.parametrize(
    ("category", "country", "section"),
    [
        ("government", "VA", "Observer States"),
        ("un", "", "United Nations system"),
        ("trade-union", "", "Civil society"),
        ("other", "", "Others"),
    ],
)
def test_the_section_follows_country_and_category(staff_client, category, country, section):
    event = EventFactory()
    organisation = OrganisationFactory(name="Delegation", category=category, country=country)
    AppearanceFactory(slot=SlotFactory(day__event=event), organisation=organisation, country="")
    document = WordDocument(io.BytesIO(staff_client.get(url(event.slug, "docx")).content))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [section]


@pytest.mark.parametrize("extension", ["pdf", "docx", "xlsx"])
def test_the_list_is_for_staff_only(client, db, extension):
    event = EventFactory(published=True, slots=1)
    response = client.get(url(event.slug, extension))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    client.force_login(UserFactory(username="delegate", is_staff=False))
    assert client.get(url(event.slug, extension)).status_code == 403


@pytest.mark.parametrize("extension", [pytest.param("pdf", marks=needs_weasyprint), "docx", "xlsx"])
@pytest.mark.parametrize("slots", [1, 8])
def test_list_queries_do_not_grow(staff_client, django_assert_num_queries, extension, slots):
    event = EventFactory(slots=slots, speakers_per_slot=3)
    with django_assert_num_queries(4):
        response = staff_client.get(url(event.slug, extension))
    assert response.status_code == 200
    assert len(response.content) > 1000


def test_staff_find_the_list_beside_the_exports(rf, db, superuser):
    from django.template.loader import render_to_string

    event = EventFactory(published=True)
    request = rf.get("/")
    request.user = superuser
    html = render_to_string("includes/export_links.html", {"event": event}, request=request)
    for extension in ("pdf", "docx", "xlsx"):
        assert f'href="{url(event.slug, extension)}"' in html
