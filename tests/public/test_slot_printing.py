"""A slot as the programme page prints it (``public.printing``): every part a visitor sees,
in English and in French, with texts escaped as Django's templates escape them."""

import datetime
import re

import pytest
from django.utils import translation

from documents.enums import DocumentKind
from programme.enums import SlotKind
from tests.factories import (
    AppearanceFactory,
    DayFactory,
    DocumentFactory,
    EventFactory,
    PersonFactory,
    SlotFactory,
    role,
)
from tests.pages import page_links, page_text, parse

pytestmark = pytest.mark.django_db


def programme_html(client, event, language="en"):
    with translation.override(language):
        url = event.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    return response


def article(html, slot):
    """The slot's <article>, from its opening tag to its end."""
    found = re.search(rf'<article [^>]*id="session-{slot.pk}".*?</article>\n', html, re.S)
    assert found, f"no article for slot {slot.pk}"
    return found.group(0)


def test_a_cancelled_slot_is_struck_through_with_its_note_room_and_description_in_french(
    client,
):
    event = EventFactory(published=True, time_zone="Europe/Zurich")
    slot = SlotFactory(
        day=DayFactory(event=event),
        number="3",
        title_en="Panel on remittances",
        title_fr="Table ronde sur les envois de fonds",
        start_time=datetime.time(9, 5),
        end_time=datetime.time(10, 45),
        cancelled=True,
        cancellation_note_en="Postponed to the afternoon",
        room_fr="Salle XIX",
        description_en="**Chaired** by the host.<script>alert(1)</script>",
    )
    response = programme_html(client, event, "fr")
    html = article(response.content.decode(), slot)

    assert html.startswith(
        f'<article class="slot slot--cancelled" id="session-{slot.pk}" '
        f'aria-labelledby="session-{slot.pk}-heading">\n'
    )
    assert (
        f'<h3 class="slot__heading" id="session-{slot.pk}-heading"><span class="slot-time">'
        '<time datetime="2018-10-08T09:05+02:00">09:05</time>–'
        '<time datetime="2018-10-08T10:45+02:00">10:45</time></span> '
        '<del class="slot__title" dir="auto">Session 3 : Table ronde sur les envois de fonds</del>'
        "</h3>"
    ) in html
    # The note is English shown in place of French: it says so (WCAG 3.1.2).
    assert (
        '<p class="slot__cancelled"><strong>Annulé</strong>: '
        '<span dir="auto" lang="en">Postponed to the afternoon</span></p>'
    ) in html
    assert '<span class="slot__room" dir="auto">Salle XIX</span></p>' in html
    assert (
        '<div class="slot__description" dir="auto" lang="en"><p><strong>Chaired</strong> by '
        "the host.</p></div>"
    ) in html
    assert "<script>" not in html
    assert (
        f'<a class="self-link" href="#session-{slot.pk}">Lien vers ce créneau</a> '
        f'<a class="calendar-link" href="/fr/events/{event.slug}/sessions/{slot.pk}.ics" '
        'type="text/calendar">Ajouter à l’agenda</a>'
    ) in html
    assert "Vidéo de la session" in page_text(response)


def test_a_break_without_an_end_time_video_room_or_people(client):
    event = EventFactory(published=True)
    slot = SlotFactory(
        day=DayFactory(event=event),
        kind=SlotKind.BREAK,
        number="",
        title="Coffee break",
        end_time=None,
        video_url="",
        room="",
    )
    html = article(programme_html(client, event).content.decode(), slot)

    assert html == (
        f'<article class="slot slot--break" id="session-{slot.pk}" '
        f'aria-labelledby="session-{slot.pk}-heading">\n'
        f'  <h3 class="slot__heading" id="session-{slot.pk}-heading"><span class="slot-time">'
        '<time datetime="2018-10-08T10:00+02:00">10:00</time></span> '
        '<span class="slot__title" dir="auto">Coffee break</span></h3>\n'
        '  \n  <p class="slot__links">'
        f'<a class="self-link" href="#session-{slot.pk}">Link to this slot</a> '
        f'<a class="calendar-link" href="/en/events/{event.slug}/sessions/{slot.pk}.ics" '
        'type="text/calendar">Add to calendar</a></p>\n'
        "  \n  \n  \n</article>\n"
    )


def test_texts_and_addresses_are_escaped_as_the_templates_escape_them(client):
    event = EventFactory(published=True)
    slot = SlotFactory(
        day=DayFactory(event=event),
        number="",
        title='Q&A: "Mobility" <today> & l\'avenir',
        room="Room <B> & 'C'",
        video_url="https://video.example.org/watch?v=1&t=2",
    )
    AppearanceFactory(
        slot=slot,
        role=role("Speaker"),
        person=PersonFactory(given_names="Zoë", family_names="O'Neil <Jr>"),
        position='Head of "Policy" & Research',
    )
    response = programme_html(client, event)
    html = article(response.content.decode(), slot)

    assert (
        '<span class="slot__title" dir="auto">Q&amp;A: &quot;Mobility&quot; &lt;today&gt; '
        "&amp; l&#x27;avenir</span>"
    ) in html
    assert '<span class="slot__room" dir="auto">Room &lt;B&gt; &amp; &#x27;C&#x27;</span>' in html
    assert '<a class="video-link" href="https://video.example.org/watch?v=1&amp;t=2">' in html
    assert ">Zoë O&#x27;Neil &lt;Jr&gt;</a>" in html
    text = page_text(response)
    assert 'Q&A: "Mobility" <today> & l\'avenir' in text
    assert 'Zoë O\'Neil <Jr>, Head of "Policy" & Research' in text


def test_a_slot_lists_its_own_documents_under_its_people(client):
    event = EventFactory(published=True)
    slot = SlotFactory(day=DayFactory(event=event), number="1", title="Opening")
    AppearanceFactory(
        slot=slot,
        role=role("Moderator"),
        person=PersonFactory(given_names="Amina", family_names="Diallo"),
    )
    DocumentFactory(slot=slot, kind=DocumentKind.PRESENTATION, title="Slides")
    DocumentFactory(slot=slot, kind=DocumentKind.REMARKS, file=None, url="https://example.org/r")
    response = programme_html(client, event)
    html = article(response.content.decode(), slot)

    people, documents = html.split('<div class="slot__documents">')
    assert "Amina Diallo" in people
    assert documents.startswith('<h4>Documents of this slot</h4> <ul class="document-links">')
    _text, links = parse(documents)
    assert [text for text, attrs in links] == ["Presentation (PDF, 1 KB)", "Remarks (Link)"]


def test_each_person_is_linked_to_their_own_page_from_every_slot(client):
    event = EventFactory(published=True)
    day = DayFactory(event=event)
    jorge = PersonFactory(given_names="Jorge", family_names="Ruiz")
    amina = PersonFactory(given_names="Amina", family_names="Diallo")
    first = SlotFactory(day=day, start_time=datetime.time(9), end_time=datetime.time(10))
    second = SlotFactory(day=day, start_time=datetime.time(11), end_time=datetime.time(12))
    AppearanceFactory(slot=first, role=role("Speaker"), person=jorge)
    AppearanceFactory(slot=second, role=role("Speaker"), person=amina, order=0)
    AppearanceFactory(slot=second, role=role("Speaker"), person=jorge, order=1)
    response = programme_html(client, event)

    links = [
        (text, attrs["href"])
        for text, attrs in page_links(response)
        if attrs.get("class") == "person-link"
    ]
    assert links == [
        ("Jorge Ruiz", jorge.get_absolute_url()),
        ("Amina Diallo", amina.get_absolute_url()),
        ("Jorge Ruiz", jorge.get_absolute_url()),
    ]
