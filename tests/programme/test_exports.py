"""CSV exports for staff: columns, rows, neutralised formulas, access and query counts."""

import csv
import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from programme.exports import Remembered, csv_chunks, csv_field, neutralise
from tests.factories import (
    AppearanceFactory,
    DayFactory,
    DocumentFactory,
    EventFactory,
    EventSeriesFactory,
    OrganisationFactory,
    PersonFactory,
    SlotFactory,
    UserFactory,
    role,
)
from tests.programme.helpers import csv_dicts, parse_csv, streamed_text

DEMO = "idm-2018-second-session"
DEMO_SERIES = "international-dialogue-on-migration"

PARTICIPANT_COLUMNS = [
    "event",
    "date",
    "start",
    "end",
    "slot_number",
    "slot_title",
    "role",
    "honorific",
    "given_names",
    "family_names",
    "position",
    "designation_as_printed",
    "organisation",
    "acronym",
    "organisation_category",
    "country_code",
    "country_name",
    "gender",
    "documents",
    "video_url",
    "status",
]


def export_url(event, kind):
    return reverse("public:event-export", kwargs={"slug": event.slug, "kind": kind})


def get_csv(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return parse_csv(streamed_text(response))


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+41 22 000 00 00", "'+41 22 000 00 00"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("\n=1", "'\n=1"),
        ("Gómez Camacho", "Gómez Camacho"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
        (3, 3),
        (True, "yes"),
    ],
)
def test_cells_that_could_start_a_formula_are_neutralised(value, expected):
    assert neutralise(value) == expected


TRICKY_CELLS = [
    "plain",
    "",
    None,
    "a, b",
    'say "hello"',
    '"quoted"',
    "two\nlines",
    "carriage\rreturn",
    "crlf\r\nend",
    "=1+1",
    "+41 22",
    "-3",
    "@SUM(A1)",
    "\tTab",
    "\rCR",
    "\nLF",
    '=HYPERLINK("http://x", "y, z")',
    " =space first",
    "'already",
    "Gómez, “quoted”",
    "\ufeffbom",
    3,
    -3,
    0.1234,
    True,
    False,
    datetime.date(2018, 10, 8),
    datetime.time(9, 5),
]


@pytest.mark.parametrize("value", TRICKY_CELLS)
def test_a_csv_field_is_what_csv_writer_writes_of_the_neutralised_cell(value):
    written = io.StringIO()
    csv.writer(written).writerow([neutralise(value), "next"])
    assert csv_field(value) + ",next\r\n" == written.getvalue()


def test_csv_chunks_write_the_rows_as_csv_writer_would_in_chunks_of_rows():
    rows = [[value, index] for index, value in enumerate(TRICKY_CELLS)]
    written = io.StringIO()
    csv.writer(written).writerows([["value", "index"]] + [[neutralise(c) for c in r] for r in rows])
    chunks = list(csv_chunks(["value", "index"], iter(rows), rows_per_chunk=5))
    assert len(chunks) == 6
    assert "".join(chunks) == "\ufeff" + written.getvalue()
    assert list(csv_chunks(["value", "index"], iter([]))) == ["\ufeffvalue,index\r\n"]


def test_remembered_works_each_key_out_once_and_forgets_past_its_limit():
    calls = []
    remembered = Remembered(lambda key: calls.append(key) or key * 2, limit=2)
    assert [remembered[key] for key in (1, 1, 2, 1, 3, 1)] == [2, 2, 4, 2, 6, 2]
    assert calls == [1, 2, 3, 1]
    assert len(remembered) <= 2


def test_participants_csv_of_the_demo_has_one_row_per_appearance(demo, staff_client):
    header, rows = get_csv(staff_client, f"/en/events/{DEMO}/export/participants.csv")
    assert header == PARTICIPANT_COLUMNS
    assert len(rows) == 38
    first = dict(zip(header, rows[0], strict=True))
    assert first["family_names"] == "Vitorino"
    assert first["organisation"] == "International Organization for Migration"
    assert first["acronym"] == "IOM"
    assert first["date"] == "2018-10-08"
    assert first["start"] == "10:00"
    title, url = first["documents"].split(" <")
    assert title == "Opening remarks – António Vitorino"
    assert url.startswith("http://testserver/")
    assert "/documents/" in url


def test_participants_csv_has_designation_country_and_gender(staff_client):
    event = EventFactory(slug="dialogue", title="Dialogue")
    slot = SlotFactory(day__event=event, number=4, title="Panel on labour mobility")
    organisation = OrganisationFactory(name="Government of Chile", acronym="", country="CL")
    person = PersonFactory(
        given_names="María", family_names="Gómez Camacho", gender="female", organisation=None
    )
    AppearanceFactory(
        slot=slot,
        person=person,
        role=role("Moderator"),
        honorific="H.E.",
        position="Minister",
        organisation=organisation,
        country="",
    )
    header, rows = get_csv(staff_client, export_url(event, "participants"))
    row = dict(zip(header, rows[0], strict=True))
    assert row["slot_number"] == "4"
    assert row["slot_title"] == "Panel on labour mobility"
    assert row["role"] == "Moderator"
    assert row["honorific"] == "H.E."
    assert row["given_names"] == "María"
    assert row["designation_as_printed"] == "Minister, Government of Chile"
    assert row["organisation_category"] == "Member State government"
    assert (row["country_code"], row["country_name"]) == ("CL", "Chile")
    assert row["gender"] == "Female"


def test_a_name_written_as_a_formula_comes_out_neutralised(staff_client):
    event = EventFactory(slots=1)
    person = PersonFactory(given_names='=HYPERLINK("http://x")', family_names="@Evil")
    AppearanceFactory(slot=event.days.get().slots.get(), person=person)
    for kind in ("participants", "people"):
        header, rows = get_csv(staff_client, export_url(event, kind))
        given = [dict(zip(header, row, strict=True))["given_names"] for row in rows]
        assert '\'=HYPERLINK("http://x")' in given
        assert '=HYPERLINK("http://x")' not in given
        family = [dict(zip(header, row, strict=True))["family_names"] for row in rows]
        assert "'@Evil" in family


def test_participant_cells_shared_by_many_rows_come_out_neutralised_in_each(staff_client):
    """The participants export neutralises a slot's, an organisation's and a computed
    designation's cells once and repeats them: every row still carries the guarded text."""
    event = EventFactory(slots=1)
    slot = event.days.get().slots.get()
    slot.title = "=SUM(A1:A9)"
    slot.save()
    organisation = OrganisationFactory(name="+Org", acronym="-ORG")
    for person in (PersonFactory(), PersonFactory()):
        appearance = AppearanceFactory(
            slot=slot, person=person, organisation=organisation, position="@Director"
        )
        DocumentFactory(appearance=appearance, title="=Remarks")
    header, rows = get_csv(staff_client, export_url(event, "participants"))
    cells = [dict(zip(header, row, strict=True)) for row in rows]
    assert {row["slot_title"] for row in cells} == {"'=SUM(A1:A9)"}
    cells = [row for row in cells if row["organisation"] == "'+Org"]
    assert len(cells) == 2
    for row in cells:
        assert row["acronym"] == "'-ORG"
        assert row["position"] == "'@Director"
        assert row["designation_as_printed"].startswith("'@Director, +Org")
        assert row["documents"].startswith("'=Remarks <http")


def test_private_contact_details_stay_out_of_the_exports(staff_client):
    event = EventFactory(slots=2, speakers_per_slot=2)
    for kind in ("participants", "programme", "documents", "people"):
        text = streamed_text(staff_client.get(export_url(event, kind)))
        assert "@private.example.org" not in text
        assert "+41 22 000 00 00" not in text


def test_programme_csv_has_one_row_per_slot(demo, staff_client):
    rows = csv_dicts(streamed_text(staff_client.get(f"/en/events/{DEMO}/export/programme.csv")))
    assert len(rows) == 12
    assert rows[0]["slot_title"] == "Opening Session"
    assert rows[0]["people"].splitlines()[0] == "Speaker: António Vitorino"
    assert [row["date"] for row in rows] == sorted(row["date"] for row in rows)
    assert sum(int(row["appearances"]) for row in rows) == 38


def test_documents_csv_has_one_row_per_document_with_what_it_is_attached_to(staff_client):
    event = EventFactory(slots=1, speakers_per_slot=1, documents_per_speaker=1)
    slot = event.days.get().slots.get()
    DocumentFactory(event=event, title="Concept note", kind="concept-note")
    DocumentFactory(slot=slot, title="Agenda of the panel", kind="agenda", is_public=False)
    rows = csv_dicts(streamed_text(staff_client.get(export_url(event, "documents"))))
    assert len(rows) == 3
    by_title = {row["title"]: row for row in rows}
    assert by_title["Concept note"]["attached_to"] == "event"
    assert by_title["Agenda of the panel"]["attached_to"] == "slot"
    assert by_title["Agenda of the panel"]["public"] == "no"
    [appearance] = [row for row in rows if row["attached_to"] == "appearance"]
    assert appearance["role"] == "Speaker"
    assert appearance["format"] == "PDF"
    assert appearance["url"].startswith("http://testserver/")
    assert "/documents/" in appearance["url"]


def test_people_csv_counts_appearances_per_role_in_the_exported_events_only(staff_client):
    event = EventFactory()
    other = EventFactory()
    person = PersonFactory(family_names="Pope", given_names="Amy")
    day = DayFactory(event=event)
    for index in range(2):
        AppearanceFactory(slot=SlotFactory(day=day, order=index), person=person)
    AppearanceFactory(slot=SlotFactory(day=day, order=3), person=person, role=role("Moderator"))
    AppearanceFactory(slot=SlotFactory(day__event=other), person=person)
    rows = csv_dicts(streamed_text(staff_client.get(export_url(event, "people"))))
    assert len(rows) == 1
    assert rows[0]["family_names"] == "Pope"
    assert rows[0]["appearances"] == "3"
    assert rows[0]["appearances_as_speaker"] == "2"
    assert rows[0]["appearances_as_moderator"] == "1"
    assert rows[0]["appearances_as_chair"] == "0"


def test_series_export_covers_every_event_of_the_series_and_no_other(staff_client):
    series = EventSeriesFactory(slug="dialogue-series")
    EventFactory(series=series, slots=1, published=True)
    EventFactory(series=series, slots=2)  # a draft: only on request
    EventFactory(slots=3)  # another series
    url = reverse("public:series-export", kwargs={"slug": series.slug, "kind": "programme"})
    header, rows = get_csv(staff_client, url)
    assert [dict(zip(header, row, strict=True))["status"] for row in rows] == ["published"]
    header, rows = get_csv(staff_client, url + "?include=drafts")
    statuses = [dict(zip(header, row, strict=True))["status"] for row in rows]
    assert statuses == ["published", "draft", "draft"]


def test_draft_events_are_exported_for_staff(staff_client):
    event = EventFactory(slots=2, speakers_per_slot=1)
    assert not event.is_published
    header, rows = get_csv(staff_client, export_url(event, "participants"))
    assert len(rows) == 4
    assert {dict(zip(header, row, strict=True))["status"] for row in rows} == {"draft"}


@pytest.mark.parametrize("kind", ["participants", "programme", "documents", "people"])
def test_every_export_ends_with_the_status_of_the_event(staff_client, kind):
    event = EventFactory(slots=1, speakers_per_slot=1, documents_per_speaker=1, published=True)
    rows = csv_dicts(streamed_text(staff_client.get(export_url(event, kind))))
    assert rows
    assert {row["status"] for row in rows} == {"published"}
    assert list(rows[0])[-1] == "status"


def test_an_unknown_export_is_not_found(staff_client):
    event = EventFactory()
    response = staff_client.get(export_url(event, "passwords"))
    assert response.status_code == 404


STAFF_URLS = [
    ("public:event-export", {"kind": "participants"}),
    ("public:event-export", {"kind": "people"}),
    ("public:event-statistics", {}),
    ("public:event-statistics-csv", {}),
]


@pytest.mark.parametrize(("name", "kwargs"), STAFF_URLS)
def test_anonymous_visitors_are_sent_to_log_in(client, db, name, kwargs):
    event = EventFactory(slots=1, published=True)
    url = reverse(name, kwargs={"slug": event.slug, **kwargs})
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert "next=" in response["Location"]


@pytest.mark.parametrize(("name", "kwargs"), STAFF_URLS)
def test_logged_in_people_who_are_not_staff_are_refused(client, db, name, kwargs):
    event = EventFactory(slots=1, published=True)
    client.force_login(UserFactory(username="delegate", is_staff=False))
    response = client.get(reverse(name, kwargs={"slug": event.slug, **kwargs}))
    assert response.status_code == 403


@pytest.mark.parametrize("kind", ["participants", "people"])
def test_series_exports_refuse_anonymous_visitors(client, db, kind):
    series = EventSeriesFactory()
    url = reverse("public:series-export", kwargs={"slug": series.slug, "kind": kind})
    assert client.get(url).status_code == 302


@pytest.mark.parametrize(
    ("kind", "queries", "rows_per_slot"),
    [
        # a moderator and four speakers; the slots, events, roles and organisations looked
        # up once, then the appearances and their documents
        ("participants", 9, 5),
        ("programme", 5, 1),
        ("documents", 4, 8),  # two documents per speaker
        ("people", 5, 5),
    ],
)
@pytest.mark.parametrize("slots", [1, 12])
def test_export_queries_do_not_grow_with_the_rows(
    staff_client, django_assert_num_queries, kind, queries, rows_per_slot, slots
):
    event = EventFactory(slots=slots, speakers_per_slot=4, documents_per_speaker=2)
    with django_assert_num_queries(queries):
        response = staff_client.get(export_url(event, kind))
        _header, rows = parse_csv(streamed_text(response))
    assert len(rows) == slots * rows_per_slot


def test_admin_action_exports_the_selected_events(staff_client):
    chosen = EventFactory(slots=2, speakers_per_slot=1, title="Chosen dialogue")
    EventFactory(slots=3, speakers_per_slot=1, title="Other dialogue")
    response = staff_client.post(
        reverse("admin:conference_event_changelist"),
        {"action": "export_participants_csv", "_selected_action": [chosen.pk]},
    )
    rows = csv_dicts(streamed_text(response))
    assert len(rows) == 4
    assert {row["event"] for row in rows} == {"Chosen dialogue (Second session)"}
    assert response["Content-Disposition"] == (
        f'attachment; filename="{chosen.slug}-participants.csv"'
    )


@pytest.mark.parametrize(
    ("action", "label"),
    [
        ("export_participants_csv", "Export participants (CSV)"),
        ("export_programme_csv", "Export programme (CSV)"),
        ("export_documents_csv", "Export documents (CSV)"),
        ("export_people_csv", "Export people (CSV)"),
    ],
)
def test_admin_offers_the_export_actions(staff_client, action, label):
    EventFactory()
    page = staff_client.get(reverse("admin:conference_event_changelist")).content.decode()
    assert f'<option value="{action}">{label}</option>' in page


def test_export_links_are_shown_to_staff_only(rf, db, superuser):
    from django.contrib.auth.models import AnonymousUser
    from django.template.loader import render_to_string

    event = EventFactory(published=True)
    request = rf.get("/")
    request.user = AnonymousUser()
    assert "export" not in render_to_string(
        "includes/export_links.html", {"event": event}, request=request
    )
    request.user = superuser
    html = render_to_string("includes/export_links.html", {"event": event}, request=request)
    for kind in ("participants", "programme", "documents", "people"):
        assert f'href="{export_url(event, kind)}"' in html
    assert reverse("public:event-statistics", kwargs={"slug": event.slug}) in html


def test_secretariat_viewers_can_run_the_export_actions(client, viewer):
    event = EventFactory(slots=1, speakers_per_slot=2)
    client.force_login(viewer)
    response = client.post(
        reverse("admin:conference_event_changelist"),
        {"action": "export_people_csv", "_selected_action": [event.pk]},
    )
    rows = csv_dicts(streamed_text(response))
    assert len(rows) == 3
