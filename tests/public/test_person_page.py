"""The public page of a person."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from documents.enums import DocumentKind
from tests.factories import (
    AppearanceFactory,
    DayFactory,
    DocumentFactory,
    EventFactory,
    PersonFactory,
    SlotFactory,
    jpeg_bytes,
    role,
)
from tests.pages import page_links, page_text

pytestmark = pytest.mark.django_db


def appear(person, event, *, title, start, role_name="Speaker", **fields):
    day = event.days.first() or DayFactory(event=event)
    slot = SlotFactory(
        day=day, title=title, number="", start_time=start, end_time=datetime.time(start.hour + 1)
    )
    return AppearanceFactory(slot=slot, person=person, role=role(role_name), **fields)


def test_person_page_shows_position_biography_photo_and_every_published_appearance(client):
    person = PersonFactory(
        honorific="Ms.",
        given_names="Susan F.",
        family_names="Martin",
        position="Professor Emerita",
        biography="Writes on **migration**.",
    )
    person.photo.save("portrait.jpg", ContentFile(jpeg_bytes()), save=True)
    older = EventFactory(
        published=True,
        title="Dialogue 2017",
        start_date=datetime.date(2017, 4, 18),
        end_date=datetime.date(2017, 4, 19),
    )
    newer = EventFactory(published=True, title="Dialogue 2018")
    appear(
        person, older, title="Opening", start=datetime.time(10), designation="Professor, Georgetown"
    )
    moderated = appear(
        person,
        newer,
        title="Assessing needs",
        start=datetime.time(11),
        role_name="Moderator",
        designation="Donald G. Herzberg Professor Emerita",
        honorific="Ms.",
    )
    DocumentFactory(appearance=moderated, kind=DocumentKind.REMARKS)

    response = client.get(person.get_absolute_url())
    text = page_text(response)
    html = response.content.decode()

    assert "Ms. Susan F. Martin Current position: Professor Emerita, Organisation" in text
    assert "<strong>migration</strong>" in html
    assert f'src="{person.photo.url}"' in html
    assert text.index("Dialogue 2018") < text.index("Dialogue 2017")  # latest first
    assert "Moderator As printed: Ms. Susan F. Martin, Donald G. Herzberg Professor Emerita" in text
    assert "As printed: Susan F. Martin, Professor, Georgetown" in text
    assert "Remarks (PDF, 1 KB)" in [link for link, _attrs in page_links(response)]
    anchor = f"{newer.get_absolute_url()}#session-{moderated.slot.pk}"
    assert anchor in [attrs["href"] for _text, attrs in page_links(response)]


def test_appearances_in_drafts_and_private_fields_stay_hidden(client):
    person = PersonFactory(
        email="susan@private.example.org", phone="+1 202 555 0100", gender="female"
    )
    appear(person, EventFactory(published=True), title="Public panel", start=datetime.time(10))
    appear(
        person, EventFactory(title="Secret retreat"), title="Closed panel", start=datetime.time(14)
    )
    html = client.get(person.get_absolute_url()).content.decode()
    assert "Public panel" in html
    assert "Secret retreat" not in html
    assert "Closed panel" not in html
    for private in ("private.example.org", "555 0100", "female", "Female"):
        assert private not in html


def test_a_person_only_in_drafts_is_not_found_except_by_staff(superuser):
    client, staff_client = Client(), Client()
    staff_client.force_login(superuser)
    person = PersonFactory(given_names="Hidden", family_names="Speaker")
    appear(
        person, EventFactory(title="Secret retreat"), title="Closed panel", start=datetime.time(9)
    )
    response = client.get(person.get_absolute_url())
    assert response.status_code == 404
    assert "Hidden Speaker" not in response.content.decode()

    text = page_text(staff_client.get(person.get_absolute_url()))
    assert "Hidden Speaker" in text
    assert "Secret retreat (Second session) Draft: not public" in text


def test_a_person_without_any_appearance_is_not_found(client):
    response = client.get(PersonFactory().get_absolute_url())
    assert response.status_code == 404


@pytest.mark.parametrize("events", [1, 6])
def test_person_queries_do_not_grow(client, django_assert_num_queries, events):
    person = PersonFactory()
    for index in range(events):
        appearance = appear(
            person,
            EventFactory(published=True),
            title=f"Panel {index}",
            start=datetime.time(9 + index),
        )
        DocumentFactory(appearance=appearance)
    with django_assert_num_queries(3):
        response = client.get(person.get_absolute_url())
    assert page_text(response).count("Remarks (PDF, 1 KB)") == events
