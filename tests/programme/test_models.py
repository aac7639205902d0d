import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from conference.models import Event
from programme.models import Appearance, Role
from tests.factories import (
    AppearanceFactory,
    DayFactory,
    EventFactory,
    PersonFactory,
    SlotFactory,
    role,
)

pytestmark = pytest.mark.django_db


def test_seeded_roles_know_whether_they_come_before_the_speakers():
    before = set(Role.objects.filter(listed_before_speakers=True).values_list("name", flat=True))
    assert {"Moderator", "Presenter", "Introduction to the panel discussion", "Chair"} <= before
    assert not role("Speaker").listed_before_speakers
    assert role("Moderator").label_fr == "Modérateur"
    assert role("Speaker").label_es == "Ponente"


def test_slot_heading_carries_its_number():
    slot = SlotFactory.build(number=4, title="Assessing the capacity development needs")
    assert slot.heading == "Session 4: Assessing the capacity development needs"
    slot.number = ""
    assert slot.heading == "Assessing the capacity development needs"


@pytest.mark.django_db
@pytest.mark.parametrize("number", ["4", "IV", "4a"])
def test_slot_number_is_kept_as_printed(number):
    slot = SlotFactory(number=number, title="Assessing the capacity development needs")
    slot.full_clean()
    slot.refresh_from_db()
    assert slot.number == number
    assert slot.heading == f"Session {number}: Assessing the capacity development needs"


def test_slot_ending_before_it_starts_is_refused_in_words():
    slot = SlotFactory.build(start_time=datetime.time(11), end_time=datetime.time(10))
    with pytest.raises(ValidationError) as error:
        slot.clean()
    assert error.value.message_dict == {"end_time": ["The session must end after it starts."]}


def test_slot_ending_before_it_starts_is_refused_by_the_database():
    slot = SlotFactory()
    slot.end_time = datetime.time(9)
    with pytest.raises(IntegrityError), transaction.atomic():
        slot.save()


def test_slot_with_only_a_start_time_is_allowed():
    slot = SlotFactory(end_time=None)
    slot.full_clean()
    assert str(slot).startswith("10:00 ")


def test_same_person_twice_in_the_same_role_is_refused():
    first = AppearanceFactory(role=role("Speaker"))
    again = Appearance(slot=first.slot, person=first.person, role=role("Speaker"))
    with pytest.raises(ValidationError) as error:
        again.full_clean()
    assert error.value.message_dict["person"] == ["This person already has this role in this slot."]
    with pytest.raises(IntegrityError), transaction.atomic():
        again.save()


def test_same_person_may_moderate_and_speak_in_one_slot():
    first = AppearanceFactory(role=role("Moderator"))
    AppearanceFactory(slot=first.slot, person=first.person, role=role("Speaker"))
    assert first.slot.appearances.count() == 2


def test_new_appearance_starts_from_the_persons_current_position():
    person = PersonFactory(honorific="Dr.", position="Director General", country="PT")
    appearance = AppearanceFactory(person=person)
    assert appearance.honorific == "Dr."
    assert appearance.position == "Director General"
    assert appearance.organisation == person.organisation
    assert appearance.printed_designation == (
        f"Director General, {person.organisation.name}, Portugal"
    )


def test_designation_as_printed_stays_when_the_person_is_promoted():
    appearance = AppearanceFactory(designation="Head of the Governing Bodies Division, IOM")
    person = appearance.person
    person.position = "Director of the Governing Bodies"
    person.save()
    appearance.refresh_from_db()
    assert appearance.printed_designation == "Head of the Governing Bodies Division, IOM"


def test_deleting_a_slot_with_people_is_protected():
    appearance = AppearanceFactory()
    with pytest.raises(ProtectedError):
        appearance.slot.delete()


@pytest.mark.parametrize(
    ("time_zone", "utc_hour"),
    [("Europe/Zurich", 8), ("America/New_York", 14), ("Asia/Tokyo", 1)],
)
def test_slot_starts_and_ends_in_the_event_time_zone(time_zone, utc_hour):
    event = EventFactory(time_zone=time_zone, start_date=datetime.date(2018, 10, 8))
    day = DayFactory(event=event, date=datetime.date(2018, 10, 8))
    slot = SlotFactory(day=day, start_time=datetime.time(10), end_time=datetime.time(11, 30))
    assert slot.starts_at == datetime.datetime(2018, 10, 8, 10, tzinfo=zoneinfo.ZoneInfo(time_zone))
    assert slot.starts_at.astimezone(datetime.UTC).hour == utc_hour
    assert slot.ends_at - slot.starts_at == datetime.timedelta(minutes=90)
    slot.end_time = None
    assert slot.ends_at is None


def test_slot_times_need_no_query_for_slots_loaded_from_the_event(django_assert_num_queries):
    event = EventFactory(slots=3)
    days = list(Event.objects.get(pk=event.pk).days.prefetch_related("slots"))
    with django_assert_num_queries(0):
        starts = [slot.starts_at.isoformat() for day in days for slot in day.slots.all()]
    assert starts == [
        "2018-10-08T08:00:00+02:00",
        "2018-10-08T09:00:00+02:00",
        "2018-10-08T10:00:00+02:00",
    ]


def test_slots_and_appearances_record_when_they_were_created_and_last_saved():
    appearance = AppearanceFactory()
    slot = appearance.slot
    for row in (slot, appearance):
        assert row.created_at is not None
        assert row.updated_at >= row.created_at
        assert row.version == 1
    created = appearance.created_at
    appearance.position = "Director General"
    appearance.save()
    appearance.refresh_from_db()
    assert appearance.created_at == created
    assert appearance.updated_at > created
