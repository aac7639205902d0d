"""Shared by the public-site tests: a small published programme, page addresses, a page
fetched twice, the edits the page cache tests make, a page rendered without any cache, an
anonymous request, Redis."""

import datetime
import socket

from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from documents.enums import DocumentKind
from programme.changes import record, slot_label
from programme.enums import ChangeKind
from public import fragments
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
from tests.pages import page_text


def programme(published=True, **kwargs):
    """A published event with a day, a slot with a moderator and a speaker, documents, a photo."""
    event = EventFactory(published=published, title="Dialogue on migration", **kwargs)
    day = DayFactory(event=event, date=event.start_date, label="DAY ONE")
    slot = SlotFactory(day=day, title="Panel on remittances", number=1)
    AppearanceFactory(
        slot=slot,
        role=role("Moderator"),
        person=PersonFactory(given_names="Amina", family_names="Diallo"),
    )
    speaker = AppearanceFactory(
        slot=slot,
        role=role("Speaker"),
        person=PersonFactory(given_names="Jorge", family_names="Ruiz"),
        order=1,
    )
    DocumentFactory(event=event, title="Concept note")
    PhotoFactory(event=event, caption="Delegates in the hall")
    return event, speaker


def speakers_url(event):
    return reverse("public:event-speakers", kwargs={"slug": event.slug})


def photos_url(event):
    return reverse("public:event-photos", kwargs={"slug": event.slug})


def count_renders(monkeypatch):
    """The primary keys of the slots rendered (not taken from the cache), in order."""
    rendered = []
    render_slot = fragments.render_slot

    def counting(event, slot, *printing):
        rendered.append(slot.pk)
        return render_slot(event, slot, *printing)

    monkeypatch.setattr(fragments, "render_slot", counting)
    return rendered


def cached_text(client, url, django_assert_num_queries):
    """The page as a visitor sees it, fetched twice: the second answer comes from the cache."""
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.content == first.content
    return page_text(second)


def edit_event(event, speaker):
    event.title = "Dialogue on labour mobility"
    event.save()
    return "Dialogue on labour mobility"


def edit_series(event, speaker):
    event.series.name = "Renamed dialogue series"
    event.series.save()
    return "Renamed dialogue series"


def edit_day(event, speaker):
    day = event.days.get()
    day.label = "OPENING DAY"
    day.save()
    return "OPENING DAY"


def edit_slot(event, speaker):
    slot = speaker.slot
    slot.title = "Panel on diaspora investment"
    slot.save()
    return "Panel on diaspora investment"


def edit_designation(event, speaker):
    speaker.designation = "Minister of Labour, Republic of Somewhere"
    speaker.save()
    return "Minister of Labour, Republic of Somewhere"


def edit_person(event, speaker):
    speaker.person.family_names = "Ruiz Castillo"
    speaker.person.save()
    return "Ruiz Castillo"


def edit_organisation(event, speaker):
    organisation = speaker.organisation
    organisation.name = "Ministry of Foreign Affairs"
    organisation.save()
    return "Ministry of Foreign Affairs"


def edit_role(event, speaker):
    moderator = role("Moderator")
    moderator.label = "Chair"
    moderator.save()
    return "Chair: Ms. Amina Diallo"


def edit_document(event, speaker):
    document = event.documents.get()
    document.title = "Revised concept note"
    document.save()
    return "Revised concept note"


def add_document(event, speaker):
    DocumentFactory(appearance=speaker, kind=DocumentKind.PRESENTATION)
    return "Presentation (PDF, 1 KB)"


def edit_photo(event, speaker):
    photo = event.photos.get()
    photo.caption = "The closing plenary"
    photo.save()
    return "The closing plenary"


def add_slot(event, speaker):
    SlotFactory(
        day=event.days.get(), title="Closing session", start_time=datetime.time(17), end_time=None
    )
    return "Closing session"


def anonymous_request(path="/en/test/"):
    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    request.session = SessionStore()
    return request


REDIS_URL = "redis://127.0.0.1:6379/9"


def redis_is_up():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def add_speaker(event, speaker):
    AppearanceFactory(
        slot=speaker.slot,
        role=role("Speaker"),
        person=PersonFactory(given_names="Chen", family_names="Wei"),
        order=2,
    )
    return "Chen Wei"


def list_a_change(event, speaker):
    """A change past its grace period: counted above the programme."""
    record(
        event.pk,
        ChangeKind.VIDEO_ADDED,
        {"slot": slot_label(speaker.slot)},
        slot_id=speaker.slot_id,
        now=timezone.now() - datetime.timedelta(days=1),
    )
    return "1 change"


def add_event_document(event, speaker):
    DocumentFactory(event=event, title="Chair's summary")
    return "Chair's summary"


def rendered_from_scratch(url, settings):
    """The page as a render without any cache (no page, no fragments) makes it."""
    modes = settings.PAGE_CACHE_ENABLED, settings.FRAGMENT_CACHE_ENABLED
    settings.PAGE_CACHE_ENABLED = settings.FRAGMENT_CACHE_ENABLED = False
    try:
        return Client().get(url).content
    finally:
        settings.PAGE_CACHE_ENABLED, settings.FRAGMENT_CACHE_ENABLED = modes
