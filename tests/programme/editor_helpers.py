"""Shared by the programme editor's tests: posting as htmx posts, and a small event."""

import datetime

from django.urls import reverse
from reversion.models import Version

from tests.factories import DayFactory, EventFactory, SlotFactory

HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_CURRENT_URL": "http://testserver/admin/"}


def url(name, event, *args):
    suffix = f"_{name}" if name else ""
    return reverse(f"admin:conference_event_programme{suffix}", args=[event.pk, *args])


def post(client, name, event, *args, data=None):
    return client.post(url(name, event, *args), data or {}, **HTMX)


def text(response):
    return response.content.decode()


def latest_revision(obj):
    return Version.objects.get_for_object(obj).select_related("revision__user").first().revision


def edit_data(slot, **changes):
    return {
        "times": "10:00–11:00",
        "title": slot.title,
        "kind": slot.kind,
        "number": "",
        "room": "",
        "description": "",
        "lock_version": slot.version,
        **changes,
    }


def idm_2019_event():
    return EventFactory(
        title="International Dialogue on Migration 2019",
        edition="First session",
        start_date=datetime.date(2019, 2, 26),
        end_date=datetime.date(2019, 2, 26),
        city="New York",
        time_zone="America/New_York",
    )


def day_one(event):
    return DayFactory(event=event, date=event.start_date, label="DAY ONE")


def opening_session(day):
    return SlotFactory(
        day=day,
        title="Opening session",
        number="",
        start_time=datetime.time(10),
        end_time=datetime.time(11),
        order=0,
    )
