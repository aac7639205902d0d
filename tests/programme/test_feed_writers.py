"""The direct iCalendar and JSON writers give what the `icalendar` library and json.dumps gave,
and the rows the feeds read give what the model instances give."""

import json

import icalendar
import pytest
from django.test import override_settings
from django.utils import translation
from django.utils.translation import get_language
from icalendar.parser import Contentline

from core.rows import instances, text
from programme.feeds import frab, ical, programme_json
from programme.feeds.data import GENERATOR, programme_data
from programme.feeds.queries import public_event_documents, public_programme_for_feeds
from programme.models import Appearance, Slot
from tests.factories import EventFactory

BASE = "https://programme.example.org/"
HOST = "programme.example.org"

TRICKY = [
    "Plain",
    "Commas, semicolons; and a backslash \\ here",
    "Line one\nline two\r\nline three\rend",
    "A literal \\N and a caret ^ in text",
    "Ünïcödé — " + "é" * 80,
    "Emoji 🌍 " * 12,
    "x" * 73 + "\\" + "y" * 10,  # a backslash where the line would be folded
    "x" * 74 + "é" + "y" * 80,  # a two-byte character across the fold
]


def as_read(value):
    """What a reader gets back: every line break a newline (and \\N one too)."""
    return value.replace("\\N", "\n").replace("\r\n", "\n").replace("\r", "\n")


def _library_vevent(event, item, host):
    """The VEVENT as programme/feeds/ical.py built it with the library before."""
    slot = item.slot
    vevent = icalendar.Event()
    vevent.add("uid", f"session-{slot.pk}@{host}")
    vevent.add("dtstamp", slot.updated_at)
    vevent.add("last-modified", slot.updated_at)
    vevent.add("sequence", item.sequence)
    vevent.add("dtstart", item.starts_at)
    if item.ends_at is not None:
        vevent.add("dtend", item.ends_at)
    vevent.add("summary", str(slot.heading))
    if item.description:
        vevent.add("description", item.description)
    if item.location:
        vevent.add("location", item.location)
    vevent.add("url", item.url)
    vevent.add("categories", [str(slot.get_kind_display())])
    vevent.add("status", "CANCELLED" if slot.cancelled else "CONFIRMED")
    return vevent


def library_calendar(event, slots, host):
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//{GENERATOR}//Programme//{(get_language() or 'en').upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", str(event))
    cal.add("x-wr-timezone", event.time_zone)
    cal.add("x-wr-caldesc", event.time_zone_statement)
    for item in slots:
        cal.add_component(_library_vevent(event, item, host))
    cal.add_missing_timezones()
    return cal.to_ical()


@pytest.mark.parametrize("value", TRICKY)
def test_text_is_escaped_as_the_library_escapes_it(value):
    assert ical.escape_text(value).encode() == icalendar.vText(value).to_ical()


@pytest.mark.parametrize("value", TRICKY)
def test_lines_are_folded_at_75_octets_on_character_boundaries(value):
    line = f"DESCRIPTION:{ical.escape_text(value)}"
    folded = ical.fold(line.encode())
    pieces = folded.split(b"\r\n")
    assert all(len(piece) <= 75 for piece in pieces)
    assert all(piece.startswith(b" ") for piece in pieces[1:])
    for piece in pieces:
        piece.decode()  # never cut inside a character
    assert b"".join(piece.removeprefix(b" ") for piece in pieces).decode() == line
    assert folded == Contentline(line).to_ical()


@pytest.mark.parametrize("time_zone", ["Europe/Zurich", "America/New_York", "UTC"])
def test_the_calendar_is_the_one_the_library_wrote(db, time_zone):
    event = EventFactory(
        published=True, slots=len(TRICKY), speakers_per_slot=2, documents_per_speaker=1,
        time_zone=time_zone, venue="Palais des Nations, Salle XX; Genève",
    )  # fmt: skip
    for slot, title in zip(Slot.objects.filter(day__event=event), TRICKY, strict=True):
        slot.title, slot.description, slot.room = title, f"About: {title}", title[:100]
        slot.save()
    slots = programme_data(event, public_programme_for_feeds(event), BASE).slots
    written = ical.calendar(event, slots, HOST)
    assert written == library_calendar(event, slots, HOST)
    parsed = list(icalendar.Calendar.from_ical(written).walk("VEVENT"))
    assert [str(vevent["SUMMARY"]) for vevent in parsed] == [
        as_read(item.heading) for item in slots
    ]
    assert [str(vevent["DESCRIPTION"]) for vevent in parsed] == [
        as_read(item.description) for item in slots
    ]
    assert [str(vevent["LOCATION"]) for vevent in parsed] == [
        as_read(item.location) for item in slots
    ]


def test_an_empty_programme_has_no_time_zone_and_no_events(db):
    event = EventFactory(published=True)
    slots = programme_data(event, public_programme_for_feeds(event), BASE).slots
    assert ical.calendar(event, slots, HOST) == library_calendar(event, slots, HOST)


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_json_feeds_are_the_bytes_json_dumps_wrote(db, language):
    event = EventFactory(published=True, slots=3, speakers_per_slot=2, documents_per_speaker=2)
    Slot.objects.filter(day__event=event).update(title='Émission \u2028 \x01 "quoted" </script>')
    with translation.override(language):
        data = programme_data(
            event, public_programme_for_feeds(event), BASE, public_event_documents(event)
        )
        schedule = frab.frab_schedule(data, BASE)
        document = programme_json.programme_json(data, BASE)
        assert (
            frab.frab_schedule_json(schedule)
            == json.dumps(schedule, ensure_ascii=False, indent=2).encode()
        )
        assert (
            programme_json.programme_json_bytes(data, BASE)
            == json.dumps(document, ensure_ascii=False, indent=2).encode()
        )


@override_settings(MODELTRANSLATION_FALLBACK_LANGUAGES=("en",))
@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_rows_read_as_values_give_what_instances_give(db, language):
    event = EventFactory(published=True, slots=2, speakers_per_slot=2)
    Slot.objects.filter(day__event=event).update(title_fr="Titre", room_es="")
    queryset = Appearance.objects.filter(slot__day__event=event).order_by("pk")
    with translation.override(language):
        fast = instances(queryset, related=["person", "role", "organisation"])
        usual = list(queryset.select_related("person", "role", "organisation"))
        for quick, model in zip(fast, usual, strict=True):
            assert quick.pk == model.pk
            assert quick.printed_designation == model.printed_designation
            assert text(quick.role, "label") == model.role.label
            assert text(quick, "position") == model.position
            assert quick.person.full_name == model.person.full_name
        slots = Slot.objects.filter(day__event=event).order_by("pk")
        for quick, model in zip(instances(slots), slots, strict=True):
            assert (text(quick, "title"), text(quick, "room")) == (model.title, model.room)
            assert quick.heading == model.heading


@override_settings(MODELTRANSLATION_FALLBACK_LANGUAGES=("en",))
@pytest.mark.parametrize(("language", "unread"), [("en", {"fr", "es"}), ("fr", {"es"})])
def test_rows_of_one_language_read_its_texts_and_its_fallback_only(
    db, django_assert_num_queries, language, unread
):
    event = EventFactory(published=True, slots=2, speakers_per_slot=2)
    Slot.objects.filter(day__event=event).update(title_fr="Titre", room_es="Salle")
    queryset = Appearance.objects.filter(slot__day__event=event).order_by("pk")
    with translation.override(language):
        with django_assert_num_queries(1):
            fast = instances(queryset, related=["role"], all_languages=False)
        usual = list(queryset.select_related("role"))
        for quick, model in zip(fast, usual, strict=True):
            assert text(quick, "position") == model.position
            assert text(quick.role, "label") == model.role.label
            assert not {f"position_{code}" for code in unread} & quick.__dict__.keys()
        slots = Slot.objects.filter(day__event=event).order_by("pk")
        with django_assert_num_queries(1):
            fast_slots = instances(slots, all_languages=False)
        for quick, model in zip(fast_slots, slots, strict=True):
            assert (text(quick, "title"), text(quick, "room")) == (model.title, model.room)
            assert not {f"title_{code}" for code in unread} & quick.__dict__.keys()
            assert f"title_{language}" in quick.__dict__
