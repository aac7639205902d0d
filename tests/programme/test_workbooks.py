"""Excel workbooks of the exports: headers in the reader's language, real dates and times,
hyperlinks, a frozen and filtered header row, text that is never a formula."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import (
    AppearanceFactory,
    EventFactory,
    EventSeriesFactory,
    PersonFactory,
)

DEMO = "idm-2018-second-session"
DEMO_SERIES = "international-dialogue-on-migration"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def workbook(response):
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"].endswith('.xlsx"')
    return load_workbook(io.BytesIO(response.content))


def rows_as_dicts(sheet):
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@pytest.mark.parametrize(
    ("language", "headers"),
    [
        ("en", ["Event", "Date", "Start", "Given names", "Family names", "Status"]),
        ("fr", ["Événement", "Date", "Début", "Prénoms", "Noms de famille", "Statut"]),
        ("es", ["Evento", "Fecha", "Inicio", "Nombres", "Apellidos", "Estado"]),
    ],
)
def test_participants_workbook_speaks_the_readers_language(demo, staff_client, language, headers):
    book = workbook(staff_client.get(f"/{language}/events/{DEMO}/export/participants.xlsx"))
    sheet = book.worksheets[0]
    first_row = [cell.value for cell in sheet[1]]
    for header in headers:
        assert header in first_row
    columns = book["Columns"] if "Columns" in book.sheetnames else book.worksheets[-1]
    names = [row[1] for row in columns.iter_rows(min_row=2, values_only=True)]
    assert names[:3] == ["event", "date", "start"]
    assert names[-1] == "status"
    assert [row[0] for row in columns.iter_rows(min_row=2, values_only=True)] == first_row


def test_participants_workbook_has_dates_times_links_and_a_frozen_filtered_header(
    demo, staff_client
):
    book = workbook(staff_client.get(f"/en/events/{DEMO}/export/participants.xlsx"))
    sheet = book.worksheets[0]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}39"
    header = [cell.value for cell in sheet[1]]
    row = dict(zip(header, sheet[2], strict=True))
    assert row["Family names"].value == "Vitorino"
    assert row["Date"].value == datetime.datetime(2018, 10, 8)  # a date cell
    assert row["Date"].is_date
    assert row["Start"].value == datetime.time(10, 0)
    assert row["Documents"].value == "Opening remarks – António Vitorino"
    assert row["Documents"].hyperlink.target.startswith("http://testserver/")
    assert "/documents/" in row["Documents"].hyperlink.target
    assert row["Status"].value == "Published"
    widths = [sheet.column_dimensions[cell.column_letter].width for cell in sheet[1]]
    assert all(6 <= width <= 60 for width in widths)
    assert len(list(sheet.iter_rows(min_row=2))) == 38


def test_a_formula_looking_name_is_stored_as_text(staff_client):
    event = EventFactory(slots=1)
    person = PersonFactory(given_names='=HYPERLINK("http://x")', family_names="@Evil")
    AppearanceFactory(slot=event.days.get().slots.get(), person=person)
    for kind in ("participants", "people"):
        url = reverse("public:event-export-xlsx", kwargs={"slug": event.slug, "kind": kind})
        sheet = workbook(staff_client.get(url)).worksheets[0]
        cells = [cell for row in sheet.iter_rows() for cell in row]
        formula = [cell for cell in cells if cell.value == '=HYPERLINK("http://x")']
        assert formula, kind
        assert all(cell.data_type == "s" for cell in formula)
        assert [cell.data_type for cell in cells if cell.value == "@Evil"] == ["s"]


def test_documents_workbook_links_each_document(staff_client):
    event = EventFactory(slots=1, speakers_per_slot=1, documents_per_speaker=1)
    url = reverse("public:event-export-xlsx", kwargs={"slug": event.slug, "kind": "documents"})
    sheet = workbook(staff_client.get(url)).worksheets[0]
    [row] = rows_as_dicts(sheet)
    header = [cell.value for cell in sheet[1]]
    address = sheet.cell(2, header.index("Address") + 1)
    assert address.hyperlink.target == address.value
    assert "/documents/" in row["Address"]
    assert row["Public"] == "yes"


def test_people_workbook_names_the_role_columns(staff_client):
    event = EventFactory(slots=1, speakers_per_slot=2)
    url = reverse("public:event-export-xlsx", kwargs={"slug": event.slug, "kind": "people"})
    rows = rows_as_dicts(workbook(staff_client.get(url)).worksheets[0])
    assert len(rows) == 3
    assert {row["Appearances as Speaker"] for row in rows} == {0, 1}


def test_series_workbook_has_a_summary_and_one_sheet_per_published_event(staff_client):
    series = EventSeriesFactory(slug="dialogue-series")
    EventFactory(series=series, slots=1, published=True, title="Spring dialogue")
    EventFactory(series=series, slots=2, title="Draft dialogue")
    url = reverse("public:series-export-xlsx", kwargs={"slug": series.slug, "kind": "programme"})
    book = workbook(staff_client.get(url))
    assert book.sheetnames[0] == "Summary"
    assert book.sheetnames[-1] == "Columns"
    assert len(book.sheetnames) == 3
    summary = rows_as_dicts(book["Summary"])
    assert [row["Status"] for row in summary] == ["Published"]
    assert summary[0]["Event"].startswith("Spring dialogue")

    book = workbook(staff_client.get(url + "?include=drafts"))
    assert len(book.sheetnames) == 4
    summary = rows_as_dicts(book["Summary"])
    assert [row["Status"] for row in summary] == ["Published", "Draft"]
    assert [row["Rows"] for row in summary] == [1, 2]
    draft_sheet = book.worksheets[2]
    assert draft_sheet.title.startswith("Draft dialogue")
    assert len(rows_as_dicts(draft_sheet)) == 2


def test_statistics_workbook_gives_shares_as_percentages(demo, staff_client):
    book = workbook(staff_client.get(f"/en/events/{DEMO}/statistics.xlsx"))
    sheet = book.worksheets[0]
    assert [cell.value for cell in sheet[1]] == ["Section", "Group", "Label", "Count", "Share"]
    totals = {
        row["Section"]: row["Count"] for row in rows_as_dicts(sheet) if row["Label"] == "Total"
    }
    assert totals["appearances_by_role"] == 38
    assert sheet["E2"].number_format == "0.0%"


def test_workbooks_are_for_staff_only(client, db):
    event = EventFactory(slots=1, published=True)
    url = reverse("public:event-export-xlsx", kwargs={"slug": event.slug, "kind": "participants"})
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_export_command_writes_a_workbook(demo, tmp_path):
    target = tmp_path / "participants.xlsx"
    call_command(
        "export_csv",
        "participants",
        "--event",
        DEMO,
        "--format",
        "xlsx",
        "--output",
        str(target),
        stderr=io.StringIO(),
    )
    sheet = load_workbook(target).worksheets[0]
    assert sheet.freeze_panes == "A2"
    assert len(list(sheet.iter_rows(min_row=2))) == 38


def test_export_command_series_workbook_includes_drafts_on_request(db, tmp_path):
    series = EventSeriesFactory(slug="idm")
    EventFactory(series=series, slots=2, published=True)
    EventFactory(series=series, slots=3)
    target = tmp_path / "programme.xlsx"
    args = ["programme", "--series", "idm", "--format", "xlsx", "--output", str(target)]
    call_command("export_csv", *args, stderr=io.StringIO())
    assert len(load_workbook(target).sheetnames) == 3
    call_command("export_csv", *args, "--include-drafts", stderr=io.StringIO())
    assert len(load_workbook(target).sheetnames) == 4


@pytest.mark.parametrize(
    ("kind", "queries", "rows_per_slot"),
    [("participants", 9, 5), ("programme", 5, 1), ("documents", 4, 8), ("people", 6, 5)],
)
@pytest.mark.parametrize("slots", [1, 12])
def test_workbook_queries_do_not_grow_with_the_rows(
    staff_client, django_assert_num_queries, kind, queries, rows_per_slot, slots
):
    event = EventFactory(slots=slots, speakers_per_slot=4, documents_per_speaker=2)
    url = reverse("public:event-export-xlsx", kwargs={"slug": event.slug, "kind": kind})
    with django_assert_num_queries(queries):
        response = staff_client.get(url)
    assert len(rows_as_dicts(workbook(response).worksheets[0])) == slots * rows_per_slot


@pytest.mark.parametrize("slots", [1, 10])
def test_statistics_workbook_queries_do_not_grow(staff_client, django_assert_num_queries, slots):
    event = EventFactory(slots=slots, speakers_per_slot=3)
    url = reverse("public:event-statistics-xlsx", kwargs={"slug": event.slug})
    with django_assert_num_queries(5):
        response = staff_client.get(url)
    totals = {
        row["Section"]: row["Count"]
        for row in rows_as_dicts(workbook(response).worksheets[0])
        if row["Label"] == "Total"
    }
    assert totals["appearances_by_role"] == slots * 4


@pytest.mark.parametrize("events", [1, 3])
def test_series_workbook_queries_do_not_grow_with_the_events(
    staff_client, django_assert_num_queries, events
):
    series = EventSeriesFactory(slug="idm")
    for _index in range(events):
        EventFactory(series=series, slots=2, speakers_per_slot=2, published=True)
    url = reverse("public:series-export-xlsx", kwargs={"slug": "idm", "kind": "participants"})
    with django_assert_num_queries(10):
        response = staff_client.get(url)
    assert len(workbook(response).sheetnames) == events + 2
