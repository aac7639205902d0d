"""Search across published programmes: accent- and case-insensitive, drafts never found."""

import pytest
from django.urls import reverse

from documents.enums import DocumentKind
from tests.factories import (
    AppearanceFactory,
    DocumentFactory,
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    SlotFactory,
)
from tests.pages import page_links, page_text

pytestmark = pytest.mark.django_db


def search(client, query):
    return client.get(reverse("public:search"), {"q": query})


@pytest.fixture
def programme():
    event = EventFactory(published=True, slots=1)
    slot = event.days.get().slots.get()
    slot.title = "Advancing migration governance"
    slot.title_en = slot.title
    slot.save()
    iom = OrganisationFactory(name="International Organization for Migration", acronym="IOM")
    vitorino = PersonFactory(given_names="António", family_names="Vitorino", organisation=iom)
    gomez = PersonFactory(given_names="Juan José", family_names="Gómez Camacho")
    AppearanceFactory(slot=slot, person=vitorino, organisation=iom)
    appearance = AppearanceFactory(slot=slot, person=gomez)
    DocumentFactory(appearance=appearance, title="Déclaration sur la gouvernance")
    return event


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Gomez", "Juan José Gómez Camacho"),
        ("GÓMEZ camacho", "Juan José Gómez Camacho"),
        ("vitorino", "António Vitorino"),
        ("antonio vitor", "António Vitorino"),
        ("Vitorino, António!", "António Vitorino"),
    ],
)
def test_people_are_found_whatever_the_accents_and_capitals(client, programme, query, expected):
    response = search(client, query)
    assert expected in [text for text, attrs in page_links(response)]
    assert "People" in page_text(response)


def test_organisations_slots_and_documents_are_found(client, programme):
    text = page_text(search(client, "iom"))
    assert "Organisations International Organization for Migration (IOM)" in text
    assert "Speakers: António Vitorino" in text

    response = search(client, "governance")
    links = [text for text, attrs in page_links(response)]
    assert "Session 1: Advancing migration governance" in links
    assert "Déclaration sur la gouvernance" not in links  # “gouvernance” is another word

    response = search(client, "declaration gouvernance")
    links = {text: attrs["href"] for text, attrs in page_links(response)}
    assert links["Déclaration sur la gouvernance"].startswith("/en/documents/")


def test_drafts_private_documents_and_placeholders_are_never_found(client, programme):
    draft = EventFactory(slots=1)
    hidden = PersonFactory(given_names="Hidden", family_names="Gomezsecret")
    slot = draft.days.get().slots.get()
    AppearanceFactory(slot=slot, person=hidden)
    SlotFactory(day=draft.days.get(), title="Gomez draft slot", order=3)
    public_slot = programme.days.get().slots.get()
    DocumentFactory(slot=public_slot, title="Gomez private note", is_public=False)
    DocumentFactory(slot=public_slot, title="Gomez awaited note", file=None)
    DocumentFactory(slot=slot, title="Gomez draft paper", kind=DocumentKind.REPORT)

    text = page_text(search(client, "gomez"))

    assert "Juan José Gómez Camacho" in text
    for absent in ("Gomezsecret", "draft slot", "private note", "awaited note", "draft paper"):
        assert absent not in text


def test_an_empty_or_punctuation_only_query_says_what_to_do(client, programme):
    assert "Type at least one letter" not in page_text(search(client, ""))
    assert "Type at least one letter or digit to search." in page_text(search(client, "«—»?"))
    text = page_text(search(client, "zzzz"))
    assert "Nothing in the published programmes matches “zzzz”." in text


def test_a_very_long_query_is_answered(client, programme):
    text = page_text(search(client, "gomez " * 500))
    assert "Juan José Gómez Camacho" in text


@pytest.mark.parametrize("slots", [1, 8])
def test_search_queries_do_not_grow(client, django_assert_num_queries, slots):
    iom = OrganisationFactory(name="Capacity Organisation")
    event = EventFactory(published=True, slots=slots, speakers_per_slot=3)
    for slot in event.days.get().slots.all():
        person = PersonFactory(family_names=f"Capacity {slot.pk}", organisation=iom)
        AppearanceFactory(slot=slot, person=person, organisation=iom)
    # People, organisations, the people who spoke for them, slots, documents.
    with django_assert_num_queries(5):
        response = search(client, "capacity")
    text = page_text(response)
    assert text.count("Panel on capacity development") == slots
    assert f"{slots * 2 + 1} results for “capacity”." in text  # people, slots, organisation


@pytest.mark.parametrize("query", ["O'Brien", "x:*", "(a|b) & !c", "\\", "½ ǅ ß", "<script>", "%_"])
def test_odd_input_gets_a_page_never_an_error(client, programme, query):
    response = search(client, query)
    text = page_text(response)
    messages = ("results for", "result for", "Nothing in the published programmes", "Type at least")
    assert any(message in text for message in messages)
    assert "<script>" not in response.content.decode().split("<main", 1)[1]
