"""Now and next: the slot under way and the one after, before, during and after an event.

The clock is never moved: the event is. Its time zone is chosen so that it is now some time
between 12:00 and 12:59 there, and its only day is put yesterday, today or tomorrow.
"""

import datetime
import re
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from conference.models import Day
from programme.enums import SlotKind
from programme.models import Slot
from tests.factories import AppearanceFactory, EventFactory, PersonFactory, SlotFactory, role


def noon_zone():
    """An Etc/GMT zone where the hour is now 12 (Etc/GMT-2 is UTC+2)."""
    offset = 12 - timezone.now().astimezone(datetime.UTC).hour
    return "Etc/GMT" + (f"{-offset:+d}" if offset else "")


def live_event(days_from_today=0, extra_slots=0, speakers=2, published=True):
    """Slots at 09:00 (Opening), 11:00–13:00 (the panel under way), 13:00 (a break), then more."""
    time_zone = noon_zone()
    today = timezone.now().astimezone(zoneinfo.ZoneInfo(time_zone)).date()
    date = today + datetime.timedelta(days=days_from_today)
    event = EventFactory(published=published, start_date=date, end_date=date, time_zone=time_zone)
    day = Day.objects.create(event=event, date=date, label="DAY ONE")
    times = [((9, 0), (10, 0)), ((11, 0), (13, 0)), ((13, 0), (14, 0))]
    quarters = [(14 + n // 4, n % 4 * 15) for n in range(extra_slots)]
    times += [((hour, minute), (hour, minute + 10)) for hour, minute in quarters]
    titles = ["Opening of the dialogue", "Panel on migrants and cities", "Coffee break"]
    for index, (start, end) in enumerate(times):
        title = titles[index] if index < len(titles) else f"Afternoon panel {index}"
        slot = SlotFactory(
            day=day,
            order=index,
            title=title,
            number="",
            kind=SlotKind.BREAK if index == 2 else SlotKind.PANEL,
            start_time=datetime.time(*start),
            end_time=datetime.time(*end),
        )
        if index == 2:
            continue
        AppearanceFactory(slot=slot, role=role("Moderator"), order=0, honorific="Ms.")
        for position in range(speakers):
            AppearanceFactory(slot=slot, role=role("Speaker"), order=position + 1)
    return event


def now_url(event, name="event-now"):
    return reverse(f"public:{name}", kwargs={"slug": event.slug})


def text(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", response.content.decode()))


def test_during_the_event_it_shows_the_slot_under_way_and_the_next(client, db):
    event = live_event(0)
    panel = Slot.objects.get(day__event=event, order=1)
    moderator = panel.appearances.get(role__name="Moderator").person
    page = text(client.get(now_url(event)))
    assert "Now 11:00–13:00 Panel on migrants and cities" in page
    assert f"Moderator: Ms. {moderator.full_name}" in page
    assert "Next 13:00–14:00 Coffee break" in page
    assert "Opening of the dialogue" not in page
    assert "Local time: 12:" in page


def test_before_the_event_it_shows_the_first_slot(client, db):
    event = live_event(1)
    page = text(client.get(now_url(event)))
    assert "The event has not started yet." in page
    assert "First" in page
    assert "Opening of the dialogue" in page
    assert "Panel on migrants" not in page


def test_after_the_event_it_links_to_the_programme(client, db):
    event = live_event(-1)
    response = client.get(now_url(event))
    assert "This event is over." in text(response)
    assert f'href="{event.get_absolute_url()}"' in response.content.decode()
    assert "Panel on migrants" not in text(response)


def test_between_slots_nothing_is_under_way_and_the_next_is_shown(client, db):
    event = live_event(0)
    Slot.objects.filter(day__event=event, order=1).update(
        start_time=datetime.time(10, 0), end_time=datetime.time(10, 30)
    )
    page = text(client.get(now_url(event)))
    assert "Nothing is under way at the moment." in page
    assert "Next 13:00–14:00 Coffee break" in page


def test_the_fragment_is_the_live_part_only(client, db):
    event = live_event(0)
    response = client.get(now_url(event, "event-now-fragment"))
    assert "Panel on migrants and cities" in text(response)
    assert "<html" not in response.content.decode()


def test_the_page_refreshes_itself_under_the_strict_csp(client, db):
    event = live_event(0)
    response = client.get(now_url(event))
    html = response.content.decode()
    assert '<noscript><meta http-equiv="refresh" content="60"></noscript>' in html
    assert re.search(r'<script src="[^"]*js/now\.js" defer></script>', html)
    assert f'data-fragment-url="{now_url(event, "event-now-fragment")}"' in html
    assert "<script>" not in html
    assert " style=" not in html
    assert " onclick=" not in html
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_drafts_have_no_now_page(client, db):
    event = live_event(0, published=False)
    assert client.get(now_url(event)).status_code == 404
    assert client.get(now_url(event, "event-now-fragment")).status_code == 404


def test_the_page_is_cached_and_an_edit_shows_at_once(
    client, db, django_assert_num_queries, monkeypatch
):
    event = live_event(0)
    held = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: held)  # the same minute for every request
    client.get(now_url(event))
    with django_assert_num_queries(0):
        again = client.get(now_url(event))
        # A screen's address with a parameter the page does not read: the same entry.
        tagged = client.get(now_url(event) + "?screen=hall-b&utm_source=qr")
    assert "Panel on migrants and cities" in text(again)
    assert tagged.content == again.content
    panel = Slot.objects.get(day__event=event, order=1)
    panel.title = "Panel on migrants, cities and regions"
    panel.save()
    assert "Panel on migrants, cities and regions" in text(client.get(now_url(event)))


@pytest.mark.parametrize("name", ["event-now", "event-now-fragment"])
@pytest.mark.parametrize(("extra_slots", "speakers"), [(0, 1), (8, 5)])
def test_now_queries_do_not_grow(
    client, db, django_assert_num_queries, name, extra_slots, speakers
):
    event = live_event(0, extra_slots=extra_slots, speakers=speakers)
    with django_assert_num_queries(3):
        response = client.get(now_url(event, name))
    assert "Panel on migrants and cities" in text(response)


def test_people_of_a_break_are_not_listed(client, db):
    event = live_event(0)
    coffee = Slot.objects.get(day__event=event, order=2)
    AppearanceFactory(slot=coffee, person=PersonFactory(family_names="Barista"))
    assert "Barista" not in text(client.get(now_url(event)))


def test_the_event_pages_link_to_now_and_next(client, db):
    event = live_event(0)
    html = client.get(event.get_absolute_url()).content.decode()
    assert f'href="{now_url(event)}">Now and next</a>' in html
