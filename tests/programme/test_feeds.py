"""Public feeds: iCalendar, frab schedule (JSON and XML against the schemas), programme.json."""

import datetime
import json
import zoneinfo
from pathlib import Path

import icalendar
import jsonschema
import pytest
import xmlschema
from django.core.management import call_command
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from programme.feeds import pdf
from programme.models import Slot
from tests.factories import AppearanceFactory, DocumentFactory, EventFactory, PersonFactory, role

DEMO = "idm-2018-second-session"
FRAB_SCHEMAS = Path(__file__).resolve().parent.parent / "fixtures" / "frab"
FEEDS = ["event-ics", "event-frab-json", "event-frab-xml", "event-json"]


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def feed_url(name, event_or_slug, **kwargs):
    slug = getattr(event_or_slug, "slug", event_or_slug)
    return reverse(f"public:{name}", kwargs={"slug": slug, **kwargs})


def vevents(calendar):
    return list(calendar.walk("VEVENT"))


# iCalendar -----------------------------------------------------------------------------------


def test_programme_ics_has_one_event_per_slot_in_the_event_time_zone(demo, client):
    response = client.get(feed_url("event-ics", DEMO))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    events = vevents(calendar)
    assert len(events) == 12
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Zurich"]

    opening = events[0]
    assert opening["SUMMARY"] == "Opening Session"
    start = opening.decoded("DTSTART")
    assert start.tzinfo.key == "Europe/Zurich"
    assert (start.date(), start.time()) == (datetime.date(2018, 10, 8), datetime.time(10, 0))
    assert opening.decoded("DTEND").time() == datetime.time(11, 0)
    assert start.astimezone(datetime.UTC).hour == 8  # Geneva is UTC+2 in October
    assert "Palais des Nations" in opening["LOCATION"]
    assert "Geneva" in opening["LOCATION"]
    assert "Speaker: António Vitorino, Director General" in opening["DESCRIPTION"]
    assert opening["URL"].startswith("http://testserver/")
    assert f"/events/{DEMO}/#session-" in opening["URL"]


def test_ics_uids_are_unique_and_stable(demo, client):
    first = vevents(icalendar.Calendar.from_ical(client.get(feed_url("event-ics", DEMO)).content))
    again = vevents(icalendar.Calendar.from_ical(client.get(feed_url("event-ics", DEMO)).content))
    uids = [str(event["UID"]) for event in first]
    assert len(set(uids)) == len(uids) == 12
    assert uids == [str(event["UID"]) for event in again]


def test_ics_description_lists_the_roles_before_the_speakers(client, db):
    event = EventFactory(published=True, slots=1, speakers_per_slot=1)
    slot = Slot.objects.get(day__event=event)
    moderator = slot.appearances.get(role__name="Moderator").person
    speaker = slot.appearances.get(role__name="Speaker").person
    calendar = icalendar.Calendar.from_ical(client.get(feed_url("event-ics", event)).content)
    lines = str(vevents(calendar)[0]["DESCRIPTION"]).splitlines()
    assert lines[0].startswith(f"Moderator: Ms. {moderator.full_name}")
    assert lines[1].startswith(f"Speaker: Ms. {speaker.full_name}")


def test_slot_ics_has_just_that_slot(client, db):
    event = EventFactory(published=True, slots=3)
    slot = Slot.objects.filter(day__event=event).order_by("order")[1]
    response = client.get(feed_url("session-ics", event, pk=slot.pk))
    calendar = icalendar.Calendar.from_ical(response.content)
    [only] = vevents(calendar)
    assert only["SUMMARY"] == str(slot.heading)
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == event.time_zone


def test_slot_ics_of_a_slot_of_another_event_is_not_found(client, db):
    event = EventFactory(published=True, slots=1)
    other = EventFactory(published=True, slots=1)
    slot = Slot.objects.get(day__event=other)
    assert client.get(feed_url("session-ics", event, pk=slot.pk)).status_code == 404


def test_ics_uses_the_event_time_zone(client, db):
    event = EventFactory(published=True, slots=1, time_zone="America/New_York")
    calendar = icalendar.Calendar.from_ical(client.get(feed_url("event-ics", event)).content)
    start = vevents(calendar)[0].decoded("DTSTART")
    assert start.tzinfo == zoneinfo.ZoneInfo("America/New_York")
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["America/New_York"]


# Drafts -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [*FEEDS, "event-pdf"])
def test_feeds_of_draft_events_are_not_found(client, db, name):
    event = EventFactory(slots=2, speakers_per_slot=1)
    assert client.get(feed_url(name, event)).status_code == 404


def test_slot_ics_of_a_draft_event_is_not_found(client, db):
    event = EventFactory(slots=1)
    slot = Slot.objects.get(day__event=event)
    assert client.get(feed_url("session-ics", event, pk=slot.pk)).status_code == 404


@pytest.mark.parametrize("name", FEEDS)
def test_feeds_do_not_exist_for_unknown_events(client, db, name):
    assert client.get(feed_url(name, "no-such-event")).status_code == 404


# frab schedule -------------------------------------------------------------------------------


def frab_json_validator():
    schema = json.loads((FRAB_SCHEMAS / "schedule.schema.json").read_text())
    return jsonschema.Draft6Validator(
        schema, format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER
    )


def test_frab_json_of_the_demo_validates_against_the_schema(demo, client):
    data = client.get(feed_url("event-frab-json", DEMO)).json()
    errors = sorted(frab_json_validator().iter_errors(data), key=str)
    assert errors == []
    conference = data["schedule"]["conference"]
    assert conference["title"] == "International Dialogue on Migration 2018 (Second session)"
    assert conference["daysCount"] == len(conference["days"]) == 2
    assert conference["time_zone_name"] == "Europe/Zurich"
    slots = [slot for day in conference["days"] for room in day["rooms"].values() for slot in room]
    assert len(slots) == 12
    assert slots[0]["title"] == "Opening Session"
    assert slots[0]["date"] == "2018-10-08T10:00:00+02:00"
    assert slots[0]["duration"] == "01:00"
    names = [person["public_name"] for slot in slots for person in slot["persons"]]
    assert len(names) == 38
    assert "António Vitorino" in names


def test_frab_xml_of_the_demo_validates_against_the_xsd(demo, client):
    response = client.get(feed_url("event-frab-xml", DEMO))
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    schema = xmlschema.XMLSchema(FRAB_SCHEMAS / "schedule.xml.xsd")
    errors = list(schema.iter_errors(response.content.decode()))
    assert errors == []
    data = schema.to_dict(response.content.decode())
    titles = [
        event["title"] for day in data["day"] for room in day["room"] for event in room["event"]
    ]
    assert titles[0] == "Opening Session"
    assert len(titles) == 12


def test_frab_feeds_validate_for_an_event_without_slots_or_rooms(client, db):
    event = EventFactory(published=True, slug="a-b", time_zone="Etc/GMT-3")
    data = client.get(feed_url("event-frab-json", event)).json()
    assert list(frab_json_validator().iter_errors(data)) == []
    schema = xmlschema.XMLSchema(FRAB_SCHEMAS / "schedule.xml.xsd")
    assert (
        list(schema.iter_errors(client.get(feed_url("event-frab-xml", event)).content.decode()))
        == []
    )


def test_schema_copies_match_the_shared_schemas():
    """The repository keeps copies; when ../shared is beside the clone they must agree."""
    shared = Path(__file__).resolve().parents[3] / "shared" / "schemas" / "frab"
    if not shared.is_dir():
        pytest.skip("no shared/ folder beside the repository")
    for name in ("schedule.schema.json", "schedule.xml.xsd"):
        assert (FRAB_SCHEMAS / name).read_bytes() == (shared / name).read_bytes()


# programme.json --------------------------------------------------------------------------------


def test_programme_json_has_days_slots_people_and_documents_in_order(demo, client):
    response = client.get(feed_url("event-json", DEMO))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = response.json()
    assert data["format"] == "plenary-programme"
    assert data["event"]["slug"] == DEMO
    assert [day["label"] for day in data["days"]] == ["DAY ONE", "DAY TWO"]
    slots = [slot for day in data["days"] for slot in day["slots"]]
    assert len(slots) == 12
    assert sum(len(slot["participants"]) for slot in slots) == 38
    first = slots[0]["participants"][0]
    assert first["person"]["name"] == "António Vitorino"
    assert first["role"]["label"] == "Speaker"
    assert first["designation"] == "Director General, International Organization for Migration"
    assert first["documents"][0]["url"].startswith("http://testserver/")
    assert "/documents/" in first["documents"][0]["url"]
    assert slots[0]["video_url"].startswith("https://video.example.org/")


def test_feeds_leave_out_private_fields_and_non_public_documents(client, db):
    event = EventFactory(published=True, slots=1)
    slot = Slot.objects.get(day__event=event)
    person = PersonFactory(
        email="secret@private.example.org", phone="+41 79 123 45 67", gender="male"
    )
    appearance = AppearanceFactory(slot=slot, person=person, role=role("Speaker"))
    DocumentFactory(appearance=appearance, title="Published remarks")
    DocumentFactory(appearance=appearance, title="Internal briefing", is_public=False)
    DocumentFactory(appearance=appearance, title="Remarks awaited", file="")
    for name in FEEDS:
        # iCalendar folds long lines: unfold them before reading.
        text = client.get(feed_url(name, event)).content.decode().replace("\r\n ", "")
        assert "Published remarks" in text, name
        assert "Internal briefing" not in text, name
        assert "Remarks awaited" not in text, name
        assert "private.example.org" not in text, name
        assert "+41 79" not in text, name
        assert '"gender"' not in text, name


@pytest.mark.parametrize("name", ["event-ics", "event-frab-json", "event-frab-xml"])
def test_feeds_print_document_titles_in_the_page_language_else_in_english(client, db, name):
    """The calendar and frab read documents as links with their title worked out in the
    query: a French feed prints the French title, and the English one when none was typed."""
    event = EventFactory(published=True, slots=1)
    appearance = AppearanceFactory(slot=Slot.objects.get(day__event=event), role=role("Speaker"))
    DocumentFactory(appearance=appearance, title_en="Opening remarks", title_fr="Allocution")
    DocumentFactory(appearance=appearance, title_en="Closing statement", title_fr="")
    with translation.override("fr"):
        text = client.get(feed_url(name, event)).content.decode().replace("\r\n ", "")
    assert "Allocution" in text
    assert "Opening remarks" not in text
    assert "Closing statement" in text


# Query counts ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "queries"),
    # … and one for the counts of public changes (frab version, iCalendar SEQUENCE).
    [("event-ics", 7), ("event-frab-json", 7), ("event-frab-xml", 7), ("event-json", 8)],
)
@pytest.mark.parametrize("slots", [1, 10])
def test_feed_queries_do_not_grow_with_the_programme(
    client, db, django_assert_num_queries, name, queries, slots
):
    event = EventFactory(published=True, slots=slots, speakers_per_slot=3)
    with django_assert_num_queries(queries):
        response = client.get(feed_url(name, event))
    assert str(Slot.objects.filter(day__event=event).first().title) in response.content.decode()


@pytest.mark.parametrize("slots", [1, 10])
def test_slot_ics_queries_do_not_grow(client, db, django_assert_num_queries, slots):
    event = EventFactory(published=True, slots=1, speakers_per_slot=slots)
    slot = Slot.objects.get(day__event=event)
    with django_assert_num_queries(6):
        response = client.get(feed_url("session-ics", event, pk=slot.pk))
    assert len(vevents(icalendar.Calendar.from_ical(response.content))) == 1


# Links to the feeds ------------------------------------------------------------------------------


def test_feed_links_point_at_every_feed(db):
    event = EventFactory(published=True)
    html = render_to_string("includes/feed_links.html", {"event": event})
    for name in [*FEEDS, "event-pdf"]:
        assert f'href="{feed_url(name, event)}"' in html


def test_feed_links_hide_the_pdf_when_weasyprint_is_missing(db, monkeypatch):
    monkeypatch.setattr(pdf, "pdf_unavailable_reason", lambda: "cannot load library 'pango'")
    event = EventFactory(published=True)
    html = render_to_string("includes/feed_links.html", {"event": event})
    assert feed_url("event-pdf", event) not in html
    assert feed_url("event-ics", event) in html
