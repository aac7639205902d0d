"""Changes to a published programme become change entries, worded in three languages."""

import datetime

import pytest
from django.db import transaction
from django.utils import translation

from programme.change_wording import describe
from programme.changes import not_recorded
from programme.enums import ChangeKind
from programme.merge import merge_people
from programme.models import ChangeEntry
from tests.factories import (
    AppearanceFactory,
    DayFactory,
    DocumentFactory,
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    SlotFactory,
    role,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_grace(settings):
    settings.CHANGES_GRACE_MINUTES = 0


def build(published=True):
    event = EventFactory(published=published, title="Dialogue on migration")
    day = DayFactory(event=event, date=event.start_date, label="DAY ONE")
    slots = [
        SlotFactory(
            day=day,
            number=index + 1,
            order=index,
            title=f"Panel {index + 1}",
            title_fr=f"Table ronde {index + 1}",
            start_time=datetime.time(9 + index, 0),
            end_time=datetime.time(9 + index, 45),
            video_url="",
        )
        for index in range(4)
    ]
    speaker = AppearanceFactory(
        slot=slots[1],
        role=role("Speaker"),
        person=PersonFactory(given_names="Jorge", family_names="Ruiz"),
        position="Minister",
    )
    ChangeEntry.objects.all().delete()  # the programme as published
    return event, day, slots, speaker


def sentences(event, language="en"):
    with translation.override(language):
        return [describe(entry) for entry in event.change_entries.order_by("pk")]


def test_a_retimed_slot_is_worded_with_its_old_and_new_time():
    event, _day, slots, _speaker = build()
    slot = slots[1]
    slot.start_time, slot.end_time = datetime.time(10, 30), datetime.time(11, 15)
    slot.save()
    assert sentences(event) == ["Session 2 moved from 10:00 to 10:30, ends at 11:15"]
    entry = event.change_entries.get()
    assert entry.slot == slot
    assert entry.kind == ChangeKind.SLOT_RETIMED
    assert entry.is_public


def test_only_the_end_time_changed():
    event, _day, slots, _speaker = build()
    slots[0].end_time = datetime.time(10, 0)
    slots[0].save()
    assert sentences(event) == ["Session 1 now ends at 10:00 instead of 09:45"]


def test_an_edit_visitors_would_not_notice_records_nothing():
    event, _day, slots, _speaker = build()
    slots[0].description = "A longer description."
    slots[0].save()
    assert not event.change_entries.exists()


def test_drafts_record_nothing():
    _event, day, slots, speaker = build(published=False)
    slots[0].start_time = datetime.time(8, 0)
    slots[0].save()
    SlotFactory(day=day)
    speaker.position = "Former minister"
    speaker.save()
    speaker.delete()
    slots[3].delete()
    DocumentFactory(slot=slots[0])
    assert not ChangeEntry.objects.exists()


def test_slots_added_moved_to_another_day_cancelled_reinstated_and_removed():
    event, day, slots, _speaker = build()
    SlotFactory(
        day=day,
        number="",
        title="Coffee break",
        start_time=datetime.time(13, 0),
        end_time=datetime.time(13, 30),
    )
    second_day = DayFactory(event=event, date=event.end_date, label="DAY TWO")
    slots[2].day = second_day
    slots[2].save()
    slots[3].cancelled = True
    slots[3].cancellation_note = "Postponed to the next session"
    slots[3].save()
    slots[3].cancelled = False
    slots[3].save()
    slots[0].video_url = "https://video.example.org/panel-1"
    slots[0].save()
    slots[0].delete()
    assert sentences(event) == [
        "“Coffee break” added on 8 October, 13:00–13:30",
        "Session 3 moved from 8 October at 11:00 to 9 October at 11:00",
        "Session 4 cancelled: Postponed to the next session",
        "Session 4 takes place after all",
        "Video added to Session 1",
        "Session 1 removed from the programme",
    ]
    assert ChangeEntry.objects.filter(kind=ChangeKind.SLOT_REMOVED).get().slot is None


def test_speakers_added_replaced_corrected_and_removed():
    event, _day, slots, speaker = build()
    AppearanceFactory(
        slot=slots[0],
        role=role("Moderator"),
        person=PersonFactory(given_names="Amina", family_names="Diallo"),
        honorific="Ms.",
    )
    speaker.position = "Minister of Labour"
    speaker.organisation = OrganisationFactory(name="Government of Chile")
    speaker.save()
    speaker.person = PersonFactory(given_names="Ana", family_names="Gómez")
    speaker.save()
    speaker.delete()
    assert sentences(event) == [
        "Ms. Amina Diallo added to Session 1 (Moderator)",
        "Jorge Ruiz (Session 2): designation corrected to “Minister of Labour, Government of "
        "Chile”",
        "Ana Gómez replaces Jorge Ruiz in Session 2 (Speaker)",
        "Ana Gómez no longer in Session 2",
    ]


def test_documents_are_recorded_when_visitors_can_open_them():
    event, _day, slots, speaker = build()
    placeholder = DocumentFactory(appearance=speaker, title="Remarks of the Minister", file="")
    assert not event.change_entries.exists()  # awaited: staff only
    placeholder.url = "https://example.org/remarks.pdf"
    placeholder.save()
    placeholder.title = "Remarks of the Minister of Labour"
    placeholder.save()  # already public: nothing new
    DocumentFactory(slot=slots[0], title="Concept note")
    DocumentFactory(event=event, title="Provisional agenda")
    DocumentFactory(slot=slots[0], title="Internal note", is_public=False)
    assert sentences(event) == [
        "Document added: “Remarks of the Minister” (Jorge Ruiz, Session 2)",
        "Document added: “Concept note” (Session 1)",
        "Document added: “Provisional agenda”",
    ]


def renumber(slots, commit):
    with commit(execute=True), transaction.atomic():
        for index, slot in enumerate(slots):
            slot.order = index
            slot.save()


def test_a_slot_moved_within_its_day_is_the_only_one_recorded(
    django_capture_on_commit_callbacks,
):
    event, _day, slots, _speaker = build()
    # Dragged from last to second place: the editor renumbers every slot in one transaction.
    renumber([slots[0], slots[3], slots[1], slots[2]], django_capture_on_commit_callbacks)
    assert sentences(event) == ["Session 4 moved: now after Session 1 on 8 October"]
    renumber([slots[2], slots[0], slots[3], slots[1]], django_capture_on_commit_callbacks)
    assert sentences(event)[-1] == "Session 3 moved: now first on 8 October"
    renumber([slots[2], slots[0], slots[3], slots[1]], django_capture_on_commit_callbacks)
    assert len(sentences(event)) == 2  # saved again in the same order: nothing moved


def test_entries_read_in_the_language_of_the_page():
    event, _day, slots, _speaker = build()
    slots[0].number = ""
    slots[0].save()
    slots[0].start_time = datetime.time(9, 15)
    slots[0].save()
    assert "«\xa0Table ronde 1\xa0»" in sentences(event, "fr")[0]  # French quotes, French title
    assert "«Panel 1»" in sentences(event, "es")[0]  # no Spanish title: the English one


def test_merging_people_records_nothing():
    event, _day, slots, speaker = build()
    twin = PersonFactory(given_names="Jorge", family_names="Ruiz")
    AppearanceFactory(slot=slots[0], person=twin, role=role("Speaker"))
    ChangeEntry.objects.all().delete()
    merge_people(speaker.person, [twin])
    assert not event.change_entries.exists()


def test_not_recorded_is_a_block():
    event, _day, slots, _speaker = build()
    with not_recorded():
        slots[0].start_time = datetime.time(8, 0)
        slots[0].save()
    slots[0].start_time = datetime.time(8, 30)
    slots[0].save()
    assert sentences(event) == ["Session 1 moved from 08:00 to 08:30"]


def test_a_change_waits_out_the_grace_period(settings):
    settings.CHANGES_GRACE_MINUTES = 10
    event, _day, slots, _speaker = build()
    slots[0].start_time = datetime.time(8, 0)
    slots[0].save()
    entry = event.change_entries.get()
    assert entry.publish_at - entry.created_at == datetime.timedelta(minutes=10)
    assert not entry.is_public
    assert list(ChangeEntry.objects.pending()) == [entry]
    assert not ChangeEntry.objects.public().exists()
