"""The demo's frab schedule as a conference app reads it (pretalx-downstream, frab, giggity).

The reader below follows the c3voc schedule schema (tests/fixtures/frab): days hold rooms,
rooms hold events, events hold persons. It collects people by id, as an importer does, so a
person printed under two spellings would count twice.
"""

from xml.etree import ElementTree as ET

import pytest
from django.core.management import call_command

from tests.factories import EventFactory

DEMO_XML = "/en/events/idm-2018-second-session/schedule.xml"
DEMO_JSON = "/en/events/idm-2018-second-session/schedule.json"


def read_frab_xml(content):
    """{"time_zone": …, "people": {id: name}, "talks": [...], "breaks": [...]} from schedule.xml."""
    root = ET.fromstring(content)  # noqa: S314 - our own feed, read from the test client
    conference = root.find("conference")
    schedule = {
        "time_zone": conference.findtext("time_zone_name"),
        "people": {},
        "talks": [],
        "breaks": [],
    }
    for day in root.iter("day"):
        for room in day.iter("room"):
            for event in room.iter("event"):
                persons = [(person.get("id"), person.text) for person in event.iter("person")]
                _add(schedule, event.findtext("type"), event.findtext("title"), persons)
    return schedule


def read_frab_json(data):
    """The same from schedule.json."""
    conference = data["schedule"]["conference"]
    schedule = {
        "time_zone": conference.get("time_zone_name"),
        "people": {},
        "talks": [],
        "breaks": [],
    }
    for day in conference["days"]:
        for events in day["rooms"].values():
            for event in events:
                persons = [
                    (person["id"], person.get("name") or person["public_name"])
                    for person in event["persons"]
                ]
                _add(schedule, event["type"], event["title"], persons)
    return schedule


def _add(schedule, kind, title, persons):
    if kind == "break":
        schedule["breaks"].append((title, persons))
        return
    schedule["talks"].append(title)
    for person_id, name in persons:
        schedule["people"].setdefault(person_id, set()).add(name)


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


@pytest.mark.parametrize(
    ("url", "read"),
    [
        (DEMO_XML, lambda response: read_frab_xml(response.content)),
        (DEMO_JSON, lambda response: read_frab_json(response.json())),
    ],
    ids=["xml", "json"],
)
def test_a_frab_reader_finds_36_people_10_talks_and_2_breaks(demo, client, url, read):
    schedule = read(client.get(url))
    assert len(schedule["people"]) == 36
    assert len(schedule["talks"]) == 10
    assert len(schedule["breaks"]) == 2
    assert all(persons == [] for _title, persons in schedule["breaks"])
    assert schedule["time_zone"] == "Europe/Zurich"


@pytest.mark.parametrize("url", [DEMO_XML, DEMO_JSON], ids=["xml", "json"])
def test_frab_people_have_one_name_without_honorific(demo, client, url):
    response = client.get(url)
    schedule = (
        read_frab_xml(response.content) if url.endswith("xml") else read_frab_json(response.json())
    )
    names = [name for spellings in schedule["people"].values() for name in spellings]
    assert len(names) == 36  # one spelling per person id
    assert "Juan Eduardo Eguiguren" in names
    assert not [name for name in names if name.split()[0] in {"Mr.", "Ms.", "H.E.", "Dr."}]


def test_frab_json_persons_carry_the_honorific_and_designation_as_printed(demo, client):
    data = client.get(DEMO_JSON).json()
    persons = [
        person
        for day in data["schedule"]["conference"]["days"]
        for events in day["rooms"].values()
        for event in events
        for person in event["persons"]
    ]
    eguiguren = [p for p in persons if p["public_name"] == "Juan Eduardo Eguiguren"]
    assert "Mr." in {p["honorific"] for p in eguiguren}
    assert eguiguren[0]["designation"].startswith("Permanent Representative of Chile")


def test_the_conference_block_names_the_event_time_zone(client, db):
    event = EventFactory(published=True, slots=1, time_zone="America/New_York")
    xml = client.get(f"/en/events/{event.slug}/schedule.xml").content
    assert read_frab_xml(xml)["time_zone"] == "America/New_York"
    data = client.get(f"/en/events/{event.slug}/schedule.json").json()
    assert read_frab_json(data)["time_zone"] == "America/New_York"
