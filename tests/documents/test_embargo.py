"""Statements held until delivered: absent everywhere for the public, then there by themselves."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from documents.embargo import NEXT_LIFT
from documents.enums import DocumentKind
from programme.models import ChangeEntry
from tests.factories import DocumentFactory, SlotFactory
from tests.pages import page_text
from tests.programme.contribution_helpers import future_programme
from tests.public.helpers import count_renders

pytestmark = pytest.mark.django_db

TITLE = "Statement of the Minister"


@pytest.fixture
def held():
    event, slot, first, _second = future_programme()
    document = DocumentFactory(
        appearance=first, title=TITLE, kind=DocumentKind.STATEMENT, embargoed_until_delivered=True
    )
    return event, slot, document


def public_addresses(event, document, person):
    slug = event.slug
    return [
        event.get_absolute_url(),
        reverse("public:event-speakers", args=[slug]),
        person.get_absolute_url(),
        reverse("public:event-ics", args=[slug]),
        reverse("public:event-frab-json", args=[slug]),
        reverse("public:event-frab-xml", args=[slug]),
        reverse("public:event-json", args=[slug]),
        f"{reverse('public:search')}?q=Statement",
    ]


def shows(client, address, document):
    content = client.get(address).content.decode()
    return document.get_absolute_url() in content or TITLE in content


def test_a_held_statement_is_absent_from_every_page_and_feed(client, held):
    event, _slot, document = held
    assert document.embargo_lifts_at == datetime.datetime.combine(
        event.start_date, datetime.time(10), tzinfo=event.tzinfo
    )
    assert client.get(document.get_absolute_url()).status_code == 404
    for address in public_addresses(event, document, document.appearance.person):
        assert not shows(client, address, document), address
    export = client.get(reverse("public:event-export", args=[event.slug, "documents"]))
    assert TITLE not in export.content.decode()


def test_staff_see_it_marked_check_against_delivery(admin_client, held):
    event, _slot, document = held
    text = page_text(admin_client.get(event.get_absolute_url()))
    moment = document.embargo_lifts_at.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M")
    assert f"Check against delivery: Embargoed until {moment} UTC" in text
    exported = admin_client.get(reverse("public:event-export", args=[event.slug, "documents"]))
    assert TITLE in b"".join(exported.streaming_content).decode("utf-8-sig")


def test_marking_it_delivered_publishes_it_everywhere(client, admin_client, held):
    event, _slot, document = held
    assert not shows(client, event.get_absolute_url(), document)  # cached without it
    admin_client.post(
        "/admin/documents/document/",
        {"action": "mark_delivered", "_selected_action": [document.pk]},
    )
    document.refresh_from_db()
    assert document.delivered_at is not None
    listing_documents = public_addresses(event, document, document.appearance.person)
    listing_documents.remove(reverse("public:event-speakers", args=[event.slug]))
    for address in listing_documents:
        assert shows(client, address, document), address
    assert client.get(document.get_absolute_url()).status_code == 200


def test_moving_the_slot_before_now_lifts_the_embargo(client, held):
    event, slot, document = held
    assert not shows(client, event.get_absolute_url(), document)
    slot.day.date = timezone.localdate() - datetime.timedelta(days=1)
    slot.day.save()
    document.refresh_from_db()
    assert document.embargo_lifts_at < timezone.now()
    assert shows(client, event.get_absolute_url(), document)


def test_moving_the_slot_later_moves_the_lift(held):
    _event, slot, document = held
    slot.start_time = datetime.time(15, 30)
    slot.end_time = datetime.time(16, 30)
    slot.save()
    document.refresh_from_db()
    assert document.embargo_lifts_at.astimezone(slot.day.event.tzinfo).time() == datetime.time(
        15, 30
    )


def test_a_page_cached_before_the_slot_starts_shows_it_after(
    client, held, monkeypatch, django_assert_num_queries
):
    event, slot, document = held
    url = event.get_absolute_url()
    assert not shows(client, url, document)
    with django_assert_num_queries(0):
        assert not shows(client, url, document)  # served from the page cache
    # The clock reaches the slot's start; nothing is written to the database.
    later = slot.starts_at + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert shows(client, url, document)
    assert shows(client, reverse("public:event-ics", args=[event.slug]), document)
    assert client.get(document.get_absolute_url()).status_code == 200


def test_the_next_lift_is_remembered_and_checked_without_queries(
    client, held, django_assert_num_queries
):

    event, _slot, document = held
    client.get(event.get_absolute_url())
    # The earliest moment ahead: the lift, or a change to the programme leaving its grace
    # period (programme.changes) when that comes first.
    waiting = ChangeEntry.objects.pending().values_list("publish_at", flat=True)
    assert cache.get(NEXT_LIFT) == min([document.embargo_lifts_at, *waiting])
    with django_assert_num_queries(0):
        client.get(event.get_absolute_url())


def test_a_lift_renders_the_slot_of_the_statement_only(client, held, monkeypatch):
    event, slot, document = held
    SlotFactory(day=slot.day, title="Closing session", start_time=datetime.time(18), end_time=None)
    url = event.get_absolute_url()
    assert not shows(client, url, document)  # every slot's fragment stored
    rendered = count_renders(monkeypatch)
    later = slot.starts_at + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert shows(client, url, document)
    assert "Closing session" in page_text(client.get(url))
    assert rendered == [slot.pk]  # the closing session's fragment came from the cache
