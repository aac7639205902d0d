"""The programme page: what a visitor sees and at what cost."""

import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from documents.enums import DocumentKind
from programme.enums import SlotKind
from tests.factories import (
    AppearanceFactory,
    DayFactory,
    DocumentFactory,
    EventFactory,
    PersonFactory,
    PhotoFactory,
    SlotFactory,
    role,
)
from tests.pages import page_links, page_text
from tests.public.helpers import photos_url

pytestmark = pytest.mark.django_db


def json_ld(response):
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    assert len(blocks) == 1
    return json.loads(blocks[0])


# The programme --------------------------------------------------------------------------------


def test_programme_lists_days_slots_and_people_in_printed_order(client):
    event = EventFactory(published=True, title="Dialogue on capacity")
    day = DayFactory(event=event, date=event.start_date, label="DAY ONE")
    second = DayFactory(event=event, date=event.end_date, label="DAY TWO")
    later = SlotFactory(
        day=day,
        order=2,
        number=2,
        title="Funding",
        start_time=datetime.time(15),
        end_time=datetime.time(16),
    )
    first = SlotFactory(day=day, order=1, number=1, title="Frameworks")
    SlotFactory(
        day=second,
        order=1,
        number="",
        kind=SlotKind.BREAK,
        title="Break",
        video_url="",
        start_time=datetime.time(13),
        end_time=datetime.time(15),
    )
    speaker_b = PersonFactory(given_names="Beatriz", family_names="Zapata")
    speaker_a = PersonFactory(given_names="Amir", family_names="Adel")
    moderator = PersonFactory(given_names="Mona", family_names="Moderata")
    AppearanceFactory(slot=first, person=speaker_b, role=role("Speaker"), order=1)
    AppearanceFactory(slot=first, person=speaker_a, role=role("Speaker"), order=2)
    AppearanceFactory(slot=first, person=moderator, role=role("Moderator"), order=9)
    AppearanceFactory(slot=later, role=role("Speaker"), order=1)

    text = page_text(client.get(event.get_absolute_url()))

    assert text.index("DAY ONE – 8 October 2018") < text.index("Session 1: Frameworks")
    assert text.index("Session 1: Frameworks") < text.index("Session 2: Funding")
    assert text.index("Session 2: Funding") < text.index("DAY TWO – 9 October 2018")
    assert "13:00–15:00 Break" in text
    # Roles listed before the speakers come first, with their label, whatever their order.
    assert text.index("Moderator: Ms. Mona Moderata, Director") < text.index("Ms. Beatriz Zapata")
    assert text.index("Ms. Beatriz Zapata") < text.index("Ms. Amir Adel")


def test_each_slot_has_an_anchor_a_self_link_and_times_in_the_event_time_zone(client):
    event = EventFactory(published=True, time_zone="America/New_York")
    slot = SlotFactory(
        day=DayFactory(event=event), start_time=datetime.time(10), end_time=datetime.time(11, 30)
    )
    html = client.get(event.get_absolute_url()).content.decode()

    assert f'id="session-{slot.pk}"' in html
    assert f'<a class="self-link" href="#session-{slot.pk}">Link to this slot</a>' in html
    assert '<time datetime="2018-10-08T10:00-04:00">10:00</time>' in html
    assert '<time datetime="2018-10-08T11:30-04:00">11:30</time>' in html


def test_slot_video_and_document_links_say_kind_format_and_size(client):
    event = EventFactory(published=True, slots=1, speakers_per_slot=1)
    text = page_text(client.get(event.get_absolute_url()))
    links = [text for text, attrs in page_links(client.get(event.get_absolute_url()))]
    assert "Video of the session" in links
    assert "Remarks (PDF, 1 KB)" in links
    assert "Remarks (PDF, 1 KB)" in text


def test_related_documents_are_listed_and_the_heading_stays_when_there_are_none(client):
    event = EventFactory(published=True, slots=1)
    text = page_text(client.get(event.get_absolute_url()))
    assert "Related documents No related documents have been published for this event." in text

    DocumentFactory(
        event=event, title="Concept note of the session", kind=DocumentKind.CONCEPT_NOTE
    )
    text = page_text(client.get(event.get_absolute_url()))
    assert "Related documents Concept note of the session: Concept note (PDF, 1 KB)" in text


def test_translations_are_listed_with_their_original(client):
    event = EventFactory(published=True)
    original = DocumentFactory(event=event, title="Concept note", kind=DocumentKind.CONCEPT_NOTE)
    DocumentFactory(event=event, title="Note conceptuelle", language="fr", translation_of=original)
    text = page_text(client.get(event.get_absolute_url()))
    # One entry, “Concept note (EN, FR)”; each language code says to screen readers which
    # file it downloads (tests/conference/test_languages.py checks the links).
    assert "Concept note: Concept note (EN – English (PDF, 1 KB), FR – French (PDF, 1 KB))" in text
    assert "Note conceptuelle" not in text


def test_photos_are_shown_with_a_link_to_the_gallery(client):
    event = EventFactory(published=True)
    PhotoFactory(event=event, caption="Opening of the dialogue", alt_text="A full plenary hall")
    response = client.get(event.get_absolute_url())
    text = page_text(response)
    assert "Event documents and photos" in text
    assert "Opening of the dialogue © IOM" in text
    assert 'alt="A full plenary hall"' in response.content.decode()
    assert ("See the photo gallery (1 photo)", photos_url(event)) in [
        (text, attrs["href"]) for text, attrs in page_links(response)
    ]


def test_event_description_is_markdown_without_scripts(client):
    event = EventFactory(
        published=True,
        description="A **bold** start.\n\n<script>alert(1)</script>[x](javascript:alert(2))",
    )
    html = client.get(event.get_absolute_url()).content.decode()
    assert "<strong>bold</strong>" in html
    assert "<script>alert" not in html
    assert "javascript:" not in html


def test_programme_carries_title_description_open_graph_and_json_ld(client):
    event = EventFactory(
        published=True,
        title="Dialogue 2030",
        slots=2,
        speakers_per_slot=1,
        description="Delegates discuss capacity.\n\nSecond paragraph.",
    )
    response = client.get(event.get_absolute_url())
    html = response.content.decode()
    assert "<title>Dialogue 2030 (Second session) – Programme – Plenary</title>" in html
    assert '<meta name="description" content="Delegates discuss capacity.">' in html
    assert '<meta property="og:title" content="Dialogue 2030">' in html
    assert f'<meta property="og:url" content="http://testserver{event.get_absolute_url()}">' in html
    assert '<html lang="en"' in html

    data = json_ld(response)
    assert data["@type"] == "Event"
    assert data["startDate"] == "2018-10-08"
    assert data["location"]["name"] == "Palais des Nations"
    assert data["subEvent"][0]["name"].startswith("Session 1: ")
    assert len(data["subEvent"]) == 2
    assert data["subEvent"][0]["startDate"] == "2018-10-08T08:00+02:00"
    assert len(data["subEvent"][0]["performer"]) == 2


def test_json_ld_cannot_be_closed_by_a_title(client):
    event = EventFactory(published=True, title="</script><script>alert(1)</script>")
    response = client.get(event.get_absolute_url())
    assert json_ld(response)["name"].startswith("</script><script>")
    assert "<script>alert(1)" not in response.content.decode()


@pytest.mark.parametrize("slots", [1, 8])
def test_programme_queries_do_not_grow(client, django_assert_num_queries, slots):
    event = EventFactory(published=True, slots=slots, speakers_per_slot=4)
    DocumentFactory(event=event)
    PhotoFactory(event=event)
    # Event, days, the slots' outlines, slots, appearances, documents, photos, the count of
    # public changes.
    with django_assert_num_queries(8):
        response = client.get(event.get_absolute_url())
    assert page_text(response).count("Remarks (PDF, 1 KB)") == slots * 4 + 1
    # After a change elsewhere in the event (a photo), the page again: every slot's
    # fragment is stored, so neither the slots' rows nor their appearances are read.
    photo = PhotoFactory(event=event)
    photo.alt_text = "Delegates in the Council Chamber"
    photo.save()
    with django_assert_num_queries(6):
        again = client.get(event.get_absolute_url())
    assert page_text(again).count("Remarks (PDF, 1 KB)") == slots * 4 + 1
    assert "See the photo gallery (2 photos)" in page_text(again)


def test_programme_reads_no_private_field_of_the_people_it_lists(client):
    """The programme prints a speaker's name and profile link: their email, phone, gender and
    biography are not even read from the database for it."""
    event = EventFactory(published=True, slots=2, speakers_per_slot=3)
    person = event.days.get().slots.first().appearances.first().person
    person.biography = "Born in Geneva."
    person.save()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(event.get_absolute_url())
    assert person.full_name in page_text(response)
    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert '"speakers_person"."given_names"' in read
    for column in ("email", "phone", "gender", "biography_en"):
        assert f'"speakers_person"."{column}"' not in read
    for private in (person.email, person.phone, "Born in Geneva."):
        assert private not in response.content.decode()


@pytest.mark.parametrize("slots", [1, 8])
def test_programme_queries_for_staff_do_not_grow(staff_client, django_assert_num_queries, slots):
    event = EventFactory(slots=slots, speakers_per_slot=4)
    # The staff member's session and user, then the same seven queries.
    with django_assert_num_queries(9):
        response = staff_client.get(event.get_absolute_url())
    assert "Draft: not public" in page_text(response)


def test_each_person_is_printed_with_role_honorific_name_designation_moment_and_documents(client):
    """The line of each appearance, in French, as a browser receives it: the role before a
    moderator's name (English shown in place of a missing French label says so), the
    honorific, the name linked to the person's page, the designation as printed, the link to
    the moment the person starts speaking, and the documents; every text escaped."""
    event = EventFactory(published=True)
    day = DayFactory(event=event, date=event.start_date)
    slot = SlotFactory(day=day, video_url="https://media.example.org/idm/session-1.mp4")
    moderator_role = role("Moderator")
    moderator_role.label_fr = ""
    moderator_role.save()
    moderator = PersonFactory(
        honorific="Mr.", given_names="Jean <b>", family_names="O'Neil", slug="jean-oneil"
    )
    speaker = PersonFactory(honorific="", given_names="Ana", family_names="Ruiz", slug="ana-ruiz")
    AppearanceFactory(
        slot=slot,
        person=moderator,
        role=moderator_role,
        honorific="Mr.",
        designation_en='Head of "Unit" <script>',
        video_start=3755,
    )
    spoken = AppearanceFactory(slot=slot, person=speaker, role=role("Speaker"), position="")
    spoken.designation_en, spoken.designation_fr = "Minister", "Ministre"
    spoken.save()
    remarks = DocumentFactory(appearance=spoken, kind=DocumentKind.REMARKS)

    with translation.override("fr"):
        html = client.get(event.get_absolute_url()).content.decode()
        remarks_url = remarks.get_absolute_url()

    leaders = re.search(r'<ul class="people people--leaders">(.*?)</ul>', html, re.S).group(1)
    assert leaders == (
        '\n    <li><span class="role-label" lang="en">Moderator:</span> M. '
        '<a class="person-link" dir="auto" href="/fr/speakers/jean-oneil/">'
        "Jean &lt;b&gt; O&#x27;Neil</a>, "
        '<span class="designation" dir="auto" lang="en">Head of &quot;Unit&quot; &lt;script&gt;'
        '</span> <a class="video-moment" '
        'href="https://media.example.org/idm/session-1.mp4#t=3755">'
        "Regarder à partir d’ici (1:02:35)"
        '<span class="visually-hidden">: Jean &lt;b&gt; O&#x27;Neil</span></a></li>\n  '
    )
    speakers = re.search(r'<ul class="people people--speakers">(.*?)</ul>\n', html, re.S).group(1)
    assert speakers.startswith(
        '\n    <li><a class="person-link" dir="auto" href="/fr/speakers/ana-ruiz/">Ana Ruiz</a>, '
        '<span class="designation" dir="auto">Ministre</span> '
        f'<ul class="document-links"><li><a class="document-link" href="{remarks_url}" '
        'hreflang="en">Allocution (PDF, 1 Ko)</a></li>'
    )
