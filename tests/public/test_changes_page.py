"""What changed: the changes page, its Atom feed, the programme's summary, the feeds' numbers."""

import datetime
import json
from xml.etree import ElementTree as ET

import icalendar
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from documents.embargo import nothing_held_ahead
from programme.enums import ChangeKind
from programme.models import ChangeEntry, Slot
from tests.factories import EventFactory
from tests.pages import page_text
from tests.public.helpers import programme

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
RETIMED = "Session 1 moved from 10:00 to 10:30, ends at 11:30"


@pytest.fixture(autouse=True)
def _no_grace(settings):
    settings.CHANGES_GRACE_MINUTES = 0


def changes_url(event, language="en", atom=False):
    name = "public:event-changes-atom" if atom else "public:event-changes"
    return f"/{language}{reverse(name, kwargs={'slug': event.slug})[3:]}"


def retime(slot, start=datetime.time(10, 30), end=datetime.time(11, 30)):
    slot.start_time, slot.end_time = start, end
    slot.save()


def published_programme():
    event, speaker = programme()
    ChangeEntry.objects.all().delete()  # as published
    return event, speaker.slot


def atom(response):
    """The feed, checked against what RFC 4287 requires of a feed and of each entry."""
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314
    assert root.tag == f"{ATOM}feed"
    for element in [root, *root.findall(f"{ATOM}entry")]:
        for required in ("id", "title", "updated"):
            assert element.find(f"{ATOM}{required}").text, (element.tag, required)
        datetime.datetime.fromisoformat(element.find(f"{ATOM}updated").text)
        assert element.find(f"{ATOM}link").get("href").startswith("http")
    assert root.find(f"{ATOM}author/{ATOM}name").text
    return root


def entry_titles(root):
    return [entry.find(f"{ATOM}title").text for entry in root.findall(f"{ATOM}entry")]


def frab_version(client, event):
    response = client.get(reverse("public:event-frab-json", kwargs={"slug": event.slug}))
    xml = client.get(reverse("public:event-frab-xml", kwargs={"slug": event.slug}))
    version = json.loads(response.content)["schedule"]["version"]
    assert f"<version>{version}</version>" in xml.content.decode()
    return version


def sequences(client, event):
    response = client.get(reverse("public:event-ics", kwargs={"slug": event.slug}))
    calendar = icalendar.Calendar.from_ical(response.content)
    return {
        str(vevent["uid"]): (int(vevent["sequence"]), str(vevent["status"]))
        for vevent in calendar.walk("VEVENT")
    }


def test_a_change_appears_on_the_page_in_the_feed_and_on_the_programme(client):
    event, slot = published_programme()
    assert "Nothing has changed since" in page_text(client.get(changes_url(event)))
    assert "Updated" not in page_text(client.get(event.get_absolute_url()))
    retime(slot)
    text = page_text(client.get(changes_url(event)))
    assert RETIMED in text
    assert "Times are Geneva time" in text
    root = atom(client.get(changes_url(event, atom=True)))
    assert entry_titles(root) == [RETIMED]
    link = root.find(f"{ATOM}entry/{ATOM}link").get("href")
    assert link.endswith(f"{event.get_absolute_url()}#session-{slot.pk}")
    response = client.get(event.get_absolute_url())
    today = timezone.now().astimezone(event.tzinfo).date()
    assert f"Updated {today.day} " in page_text(response)
    assert ": 1 change" in page_text(response)
    assert f'href="{changes_url(event)}"' in response.content.decode()


def test_newest_first_in_three_languages(client):
    event, slot = published_programme()
    retime(slot)
    slot.cancelled = True
    slot.save()
    for language in ("en", "fr", "es"):
        root = atom(client.get(changes_url(event, language, atom=True)))
        assert len(entry_titles(root)) == 2
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    titles = entry_titles(atom(client.get(changes_url(event, atom=True))))
    assert titles == ["Session 1 cancelled", RETIMED]


def test_frab_version_and_the_slots_sequence_advance_with_a_public_change(client):
    event, slot = published_programme()
    other = Slot.objects.create(
        day=slot.day, start_time=datetime.time(14, 0), title="Closing", number=""
    )
    ChangeEntry.objects.all().delete()
    version = frab_version(client, event)
    before = sequences(client, event)
    retime(slot)
    assert frab_version(client, event) != version
    after = sequences(client, event)
    uid = next(uid for uid in after if uid.startswith(f"session-{slot.pk}@"))
    other_uid = next(uid for uid in after if uid.startswith(f"session-{other.pk}@"))
    assert after[uid][0] == before[uid][0] + 1
    assert after[other_uid] == before[other_uid]


def test_a_silent_change_advances_nothing_and_is_never_listed(
    client, admin_client, settings, monkeypatch
):
    settings.CHANGES_GRACE_MINUTES = 10
    event, slot = published_programme()
    version, before = frab_version(client, event), sequences(client, event)
    retime(slot)
    entry = ChangeEntry.objects.get()
    response = admin_client.post(
        reverse("admin:programme_changeentry_changelist"),
        {"action": "mark_silent", "_selected_action": [entry.pk]},
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.silent
    later = timezone.now() + datetime.timedelta(minutes=11)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert frab_version(client, event) == version
    assert sequences(client, event) == before
    assert RETIMED not in page_text(client.get(changes_url(event)))
    assert "Updated" not in page_text(client.get(event.get_absolute_url()))


def test_a_cached_page_lists_the_change_when_its_grace_period_ends(
    client, settings, monkeypatch, django_assert_num_queries
):
    settings.CHANGES_GRACE_MINUTES = 10
    event, slot = published_programme()
    retime(slot)
    assert RETIMED not in page_text(client.get(changes_url(event)))
    version = frab_version(client, event)
    with django_assert_num_queries(0):
        assert RETIMED not in page_text(client.get(changes_url(event)))  # from the cache
    later = timezone.now() + datetime.timedelta(minutes=11)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert RETIMED in page_text(client.get(changes_url(event)))
    assert entry_titles(atom(client.get(changes_url(event, atom=True)))) == [RETIMED]
    assert frab_version(client, event) != version


def test_staff_may_publish_a_waiting_change_at_once(client, admin_client, settings):
    settings.CHANGES_GRACE_MINUTES = 10
    event, slot = published_programme()
    retime(slot)
    assert RETIMED not in page_text(client.get(changes_url(event)))
    listing = admin_client.get(reverse("admin:programme_changeentry_changelist"))
    assert RETIMED in page_text(listing)
    assert "Waiting" in page_text(listing)
    admin_client.post(
        reverse("admin:programme_changeentry_changelist"),
        {"action": "publish_now", "_selected_action": [ChangeEntry.objects.get().pk]},
    )
    assert RETIMED in page_text(client.get(changes_url(event)))


def test_a_public_change_cannot_be_silenced(admin_client):
    _event, slot = published_programme()
    retime(slot)
    entry = ChangeEntry.objects.get()
    admin_client.post(
        reverse("admin:programme_changeentry_changelist"),
        {"action": "mark_silent", "_selected_action": [entry.pk]},
    )
    entry.refresh_from_db()
    assert not entry.silent


def test_drafts_have_no_changes(staff_client):
    event, speaker = programme(published=False)
    retime(speaker.slot)
    assert not ChangeEntry.objects.exists()
    client = Client()
    assert client.get(changes_url(event)).status_code == 404
    assert client.get(changes_url(event, atom=True)).status_code == 404
    text = page_text(staff_client.get(changes_url(event)))
    assert "Nothing has changed since" in text
    assert staff_client.get(changes_url(event, atom=True))["Cache-Control"].startswith("private")


def test_a_cancelled_slot_stays_struck_through_with_its_note(client):
    event, slot = published_programme()
    slot.cancelled = True
    slot.cancellation_note = "The panel will meet next year."
    slot.save()
    response = client.get(event.get_absolute_url())
    assert '<del class="slot__title" dir="auto">Session 1: Panel on remittances</del>' in (
        response.content.decode()
    )
    assert "Cancelled: The panel will meet next year." in page_text(response)
    statuses = {status for _sequence, status in sequences(client, event).values()}
    assert statuses == {"CANCELLED"}
    single = client.get(reverse("public:session-ics", args=[event.slug, slot.pk]))
    assert b"STATUS:CANCELLED" in single.content


def entries(event, count):
    moment = timezone.now() - datetime.timedelta(hours=1)
    slot = Slot.objects.filter(day__event=event).first()
    ChangeEntry.objects.bulk_create(
        ChangeEntry(
            event=event,
            slot=slot,
            kind=ChangeKind.SLOT_RETIMED,
            data={
                "slot": {"number": 1, "title": {"en": "Panel"}},
                "before": {"date": "2018-10-08", "start": "10:00", "end": None},
                "after": {"date": "2018-10-08", "start": f"10:{index:02d}", "end": None},
            },
            created_at=moment,
            publish_at=moment,
        )
        for index in range(1, count + 1)
    )


@pytest.mark.parametrize("count", [1, 8])
def test_changes_queries_do_not_grow(client, django_assert_num_queries, count):
    event = EventFactory(published=True, slots=2, speakers_per_slot=1)
    ChangeEntry.objects.all().delete()
    entries(event, count)
    nothing_held_ahead()  # the steady state: no lift due (see tests/conftest.py)
    # The event (with its series), then its public changes.
    with django_assert_num_queries(2):
        page = client.get(changes_url(event))
    assert page_text(page).count("Session 1 moved from 10:00 to 10:") == count
    with django_assert_num_queries(2):
        feed = client.get(changes_url(event, atom=True))
    assert len(entry_titles(atom(feed))) == count
    with django_assert_num_queries(0):
        client.get(changes_url(event))  # from the page cache
    with django_assert_num_queries(8):  # the programme page's, its fragments not yet stored
        response = client.get(event.get_absolute_url())
    assert f": {count} change" in page_text(response)
