"""A visitor's agenda as a calendar (agenda.ics?slots=…), a slot's own page with its link
preview, and the programme page's phone-first parts (days, "About this event", Photos)."""

import re

import icalendar
import pytest
from django.urls import reverse
from django.utils import translation

from programme.models import Slot
from tests.factories import DayFactory, EventFactory, PhotoFactory, SlotFactory


def agenda_url(event, slots):
    url = reverse("public:event-agenda-ics", kwargs={"slug": event.slug})
    return f"{url}?slots={slots}"


def slot_page_url(event, slot):
    return reverse("public:slot-detail", kwargs={"slug": event.slug, "pk": slot.pk})


def summaries(response):
    calendar = icalendar.Calendar.from_ical(response.content)
    return [str(vevent["SUMMARY"]) for vevent in calendar.walk("VEVENT")]


def test_the_agenda_calendar_holds_the_starred_slots_in_programme_order(client, db):
    event = EventFactory(published=True, slots=5, speakers_per_slot=1)
    slots = list(Slot.objects.filter(day__event=event).order_by("order"))
    ids = f"{slots[3].pk},{slots[0].pk},{slots[2].pk}"
    response = client.get(agenda_url(event, ids))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert summaries(response) == [str(slots[i].heading) for i in (0, 2, 3)]


def test_the_agenda_calendar_ignores_unknown_ids_and_other_events_slots(client, db):
    event = EventFactory(published=True, slots=2)
    other = EventFactory(published=True, slots=1)
    mine = Slot.objects.filter(day__event=event).order_by("order").first()
    theirs = Slot.objects.get(day__event=other)
    response = client.get(agenda_url(event, f"{mine.pk},{theirs.pk},999999,abc,,-3"))
    assert summaries(response) == [str(mine.heading)]
    assert summaries(client.get(agenda_url(event, ""))) == []


def test_the_agenda_calendar_of_a_draft_is_not_found(client, db):
    event = EventFactory(slots=1)
    slot = Slot.objects.get(day__event=event)
    assert client.get(agenda_url(event, slot.pk)).status_code == 404


def test_the_agenda_calendar_follows_the_programme(client, db):
    event = EventFactory(published=True, slots=2)
    slot = Slot.objects.filter(day__event=event).order_by("order").first()
    url = agenda_url(event, slot.pk)
    assert summaries(client.get(url)) == [str(slot.heading)]
    slot.title = "Panel on labour mobility"
    slot.save()
    assert summaries(client.get(url)) == [str(slot.heading)]
    assert "labour mobility" in summaries(client.get(url))[0]


@pytest.mark.parametrize("slots", [2, 12])
def test_the_agenda_calendar_queries_do_not_grow(client, db, django_assert_num_queries, slots):
    event = EventFactory(published=True, slots=slots, speakers_per_slot=3)
    ids = ",".join(
        str(pk) for pk in Slot.objects.filter(day__event=event).values_list("pk", flat=True)
    )
    with django_assert_num_queries(6):
        response = client.get(agenda_url(event, ids))
    assert len(summaries(response)) == slots


def test_a_slot_has_its_own_page_with_a_link_preview(client, db):
    event = EventFactory(published=True, slots=2, speakers_per_slot=2)
    slot = Slot.objects.filter(day__event=event).order_by("order").last()
    response = client.get(slot_page_url(event, slot))
    page = response.content.decode()
    assert re.search(r"<h1[^>]*>\s*" + re.escape(str(slot.heading)), page)
    assert f'<meta property="og:title" content="{slot.heading}">' in page
    assert '<meta property="og:type" content="article">' in page
    assert (
        f'<meta property="og:url" content="http://testserver{slot_page_url(event, slot)}">' in page
    )
    description = re.search(r'<meta property="og:description" content="([^"]*)">', page)[1]
    assert event.title in description
    first = slot.appearances.first().person.full_name
    assert first in description
    assert f'href="{event.get_absolute_url()}#{slot.anchor}"' in page
    assert "js/share.js" in page


def test_a_slot_page_of_another_event_or_a_draft_is_not_found(client, db):
    event = EventFactory(published=True, slots=1)
    draft = EventFactory(slots=1)
    other_slot = Slot.objects.get(day__event=draft)
    assert client.get(slot_page_url(event, other_slot)).status_code == 404
    assert client.get(slot_page_url(draft, other_slot)).status_code == 404


@pytest.mark.parametrize("speakers", [1, 6])
def test_a_slot_page_queries_do_not_grow(client, db, django_assert_num_queries, speakers):
    event = EventFactory(published=True, slots=1, speakers_per_slot=speakers)
    slot = Slot.objects.get(day__event=event)
    with django_assert_num_queries(4):
        response = client.get(slot_page_url(event, slot))
    assert response.content.decode().count('class="person-link"') == speakers + 1


def test_the_programme_offers_the_days_as_jump_links_and_folds_the_description(client, db):
    event = EventFactory(published=True, slots=1)
    second = DayFactory(event=event, date=event.end_date, label="DAY TWO")
    SlotFactory(day=second)
    page = client.get(event.get_absolute_url()).content.decode()
    nav = re.search(r'<nav class="day-nav"[^>]*>(.*?)</nav>', page, re.S)[1]
    assert "DAY ONE" in nav
    assert f'href="#day-{second.pk}"' in nav
    about = re.search(r'<details class="event-about">(.*?)</details>', page, re.S)[1]
    assert "About this event" in about
    assert "First paragraph." in about
    # The programme comes before the description's text would have pushed it down.
    assert page.index('class="day-nav"') < page.index('class="event-about"')
    assert 'id="my-agenda"' in page
    assert 'id="programme-script-data"' in page


def test_one_day_needs_no_jump_links(client, db):
    event = EventFactory(published=True, slots=1)
    assert 'class="day-nav"' not in client.get(event.get_absolute_url()).content.decode()


def test_the_photos_tab_shows_only_when_there_are_photos(client, db):
    event = EventFactory(published=True, slots=1)
    photos_url = reverse("public:event-photos", kwargs={"slug": event.slug})
    speakers_url = reverse("public:event-speakers", kwargs={"slug": event.slug})
    for url in (event.get_absolute_url(), speakers_url):
        assert f'href="{photos_url}"' not in client.get(url).content.decode()
    PhotoFactory(event=event)
    for url in (event.get_absolute_url(), speakers_url):
        assert f'href="{photos_url}"' in client.get(url).content.decode()


@pytest.mark.parametrize("language", ["fr", "es"])
def test_english_only_content_says_so_in_french_and_spanish(client, db, language):
    event = EventFactory(published=True, slots=1)
    with translation.override(language):
        url = event.get_absolute_url()
    page = client.get(url).content.decode()
    assert 'class="language-note"' in page
    assert re.search(r'<h1 class="event-header__title" dir="auto" lang="en">', page)


def test_no_language_note_in_english_or_when_translated(client, db):
    event = EventFactory(published=True, slots=1)
    assert 'class="language-note"' not in client.get(event.get_absolute_url()).content.decode()
    event.title_fr, event.description_fr = "Dialogue", "Premier paragraphe."
    event.save()
    with translation.override("fr"):
        url = event.get_absolute_url()
    assert 'class="language-note"' not in client.get(url).content.decode()


def test_agenda_and_slot_pages_come_from_the_page_cache_until_an_edit(
    client, db, django_assert_num_queries
):
    event = EventFactory(published=True, slots=2, speakers_per_slot=1)
    slot = Slot.objects.filter(day__event=event).order_by("order").first()
    urls = [agenda_url(event, slot.pk), slot_page_url(event, slot)]
    for url in urls:
        client.get(url)
    with django_assert_num_queries(0):
        for url in urls:
            assert client.get(url).status_code == 200
    slot.title = "Panel on diaspora engagement"
    slot.save()
    for url in urls:
        assert "diaspora engagement" in client.get(url).content.decode()
