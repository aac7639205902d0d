"""Search finds singular and plural forms, slot numbers, and organisations with their people."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import (
    AppearanceFactory,
    DayFactory,
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    SlotFactory,
)
from tests.pages import page_links, page_text

pytestmark = pytest.mark.django_db


def search(client, query):
    return client.get(reverse("public:search"), {"q": query})


def slot_titles(response):
    text = page_text(response)
    return text.split("Slots", 1)[1] if "Slots" in text else ""


@pytest.fixture
def programme():
    event = EventFactory(published=True)
    day = DayFactory(event=event)
    titles = {
        1: "Opening of the dialogue",
        2: "Migrant's Voice Session",
        3: "Migration policies in cities",
        12: "Closing remarks",
    }
    for number, title in titles.items():
        SlotFactory(
            day=day,
            number=number,
            order=number,
            title=title,
            title_en=title,
            start_time=datetime.time(8 + number % 12, 0),
            end_time=datetime.time(8 + number % 12, 30),
        )
    return event


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("migrants", "Migrant's Voice Session"),
        ("migrant", "Migrant's Voice Session"),
        ("Migrant voices", "Migrant's Voice Session"),
        ("policy", "Migration policies in cities"),
        ("policies", "Migration policies in cities"),
        ("city", "Migration policies in cities"),
    ],
)
def test_singular_and_plural_find_each_other(client, programme, query, found):
    assert found in slot_titles(search(client, query))


@pytest.mark.parametrize("query", ["session 2", "SESSION 2", "sesión 2", "Sesion 2!"])
def test_a_slot_number_finds_that_slot_only(client, programme, query):
    titles = slot_titles(search(client, query))
    assert "Session 2: Migrant's Voice Session" in titles
    assert "Closing remarks" not in titles  # session 12
    assert "Opening of the dialogue" not in titles


def test_a_slot_number_with_words_matches_both(client, programme):
    assert "Session 3: Migration policies" in slot_titles(search(client, "session 3 cities"))
    assert "Migration policies" not in slot_titles(search(client, "session 2 cities"))


def test_an_organisation_links_to_its_people(client, programme):
    slot = programme.days.get().slots.get(number=2)
    iom = OrganisationFactory(name="International Organization for Migration", acronym="IOM")
    pope = PersonFactory(given_names="Amy", family_names="Pope", organisation=iom)
    AppearanceFactory(slot=slot, person=pope, organisation=iom)
    response = search(client, "organizations for migration")
    assert "International Organization for Migration (IOM)" in page_text(response)
    assert ("Amy Pope", pope.get_absolute_url()) in [
        (text, attrs.get("href")) for text, attrs in page_links(response)
    ]


def test_slot_results_say_in_which_zone_their_time_is(client, programme):
    assert "Times are Geneva time, CEST (UTC+2)" in page_text(search(client, "session 2"))
