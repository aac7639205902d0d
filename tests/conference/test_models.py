import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from conference.models import Day, Event
from tests.factories import DayFactory, EventFactory

pytestmark = pytest.mark.django_db


def test_event_str_shows_title_and_edition():
    event = EventFactory(title="International Dialogue on Migration 2018", edition="Second session")
    assert str(event) == "International Dialogue on Migration 2018 (Second session)"


def test_event_ending_before_it_starts_is_refused_in_words():
    event = EventFactory.build(
        start_date=datetime.date(2018, 10, 9), end_date=datetime.date(2018, 10, 8)
    )
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert error.value.message_dict["end_date"] == [
        "The event must end on or after the day it starts."
    ]


def test_event_ending_before_it_starts_is_refused_by_the_database():
    event = EventFactory()
    event.end_date = datetime.date(2018, 1, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        event.save()


@pytest.mark.parametrize("zone", ["Europe/Zurich", "America/New_York", "UTC"])
def test_event_accepts_iana_time_zones(zone):
    event = EventFactory.build(time_zone=zone, series=None)
    event.full_clean(exclude=["slug"])


@pytest.mark.parametrize("zone", ["Geneva", "CET+1", ""])
def test_event_refuses_unknown_time_zones(zone):
    event = EventFactory.build(time_zone=zone, series=None)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "time_zone" in error.value.message_dict


def test_event_dates_cannot_shrink_past_its_days():
    event = EventFactory()
    DayFactory(event=event, date=datetime.date(2018, 10, 9))
    event.end_date = datetime.date(2018, 10, 8)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "2018-10-09" in error.value.message_dict["start_date"][0]


def test_publish_sets_status_and_date_once():
    event = EventFactory()
    assert not event.is_published
    event.publish()
    first = event.published_at
    assert event.is_published
    assert first is not None
    event.unpublish()
    event.publish()
    assert event.published_at == first


def test_published_queryset_hides_drafts():
    published = EventFactory(published=True)
    EventFactory()
    assert list(Event.objects.published()) == [published]


def test_day_outside_the_event_is_refused_in_words():
    event = EventFactory()
    day = Day(event=event, date=datetime.date(2018, 11, 1), label="DAY THREE")
    with pytest.raises(ValidationError) as error:
        day.full_clean()
    assert error.value.message_dict["date"] == [
        "The day must fall within the event's dates (2018-10-08 to 2018-10-09)."
    ]


def test_two_days_on_the_same_date_are_refused():
    event = EventFactory()
    DayFactory(event=event, date=event.start_date)
    duplicate = Day(event=event, date=event.start_date, label="again")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert error.value.message_dict["date"] == ["This event already has a day on this date."]
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_day_str_is_label_and_date():
    day = DayFactory(label="DAY ONE", date=datetime.date(2018, 10, 8))
    assert str(day) == "DAY ONE – 2018-10-08"


def test_deleting_an_event_with_days_is_protected():
    from django.db.models import ProtectedError

    day = DayFactory()
    with pytest.raises(ProtectedError):
        day.event.delete()
