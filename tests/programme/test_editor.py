"""The programme editor (/admin/conference/event/<id>/programme/), posted to as htmx posts it:
every change is stored, kept in history with who and why, refused on a stale version, and
shown in the re-rendered programme."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from conference.models import Day
from documents.models import Document
from programme.editor.forms import parse_time_range
from programme.models import Appearance, Slot
from tests.factories import (
    AppearanceFactory,
    DocumentFactory,
    EventFactory,
    PersonFactory,
    SlotFactory,
    UserFactory,
    role,
)
from tests.programme.editor_helpers import (
    HTMX,
    edit_data,
    latest_revision,
    post,
    text,
    url,
)
from tests.security.test_settings import assert_no_inline_code

# The page ---------------------------------------------------------------------------------------


def test_the_page_shows_the_programme_as_it_will_print(editor_client, slot):
    person = PersonFactory(honorific="Dr.", given_names="Ana", family_names="Gómez")
    appearance = AppearanceFactory(
        slot=slot,
        person=person,
        role=role("Moderator"),
        honorific="Dr.",
        designation="Director, IOM",
    )
    DocumentFactory(appearance=appearance, title="Remarks")
    DocumentFactory(slot=slot, title="Concept note", file="", url="")

    page = text(editor_client.get(url("", slot.day.event)))

    assert "DAY ONE – Tuesday 26 February 2019" in page
    assert "10:00–11:00</span> Opening session" in page
    assert 'Moderator:</span> Dr. <strong class="editor-name">Ana Gómez</strong>' in page
    assert "Director, IOM" in page
    assert ">Remarks</a>" in page
    assert "Concept note – awaiting its file (staff only)" in page
    assert "Add a person" in page


def test_the_page_is_linked_from_the_event_page_and_its_list_row(staff_client, event):
    editor_url = url("", event)
    change = text(staff_client.get(reverse("admin:conference_event_change", args=[event.pk])))
    listing = text(staff_client.get(reverse("admin:conference_event_changelist")))
    assert f'href="{editor_url}"' in change
    assert f'href="{editor_url}">Edit the programme</a>' in listing


def test_the_page_has_no_inline_script_style_or_handler(staff_client, slot):
    AppearanceFactory(slot=slot, role=role("Speaker"))
    response = staff_client.get(url("", slot.day.event))
    assert "htmx" in text(response)
    assert_no_inline_code(response)


@pytest.mark.parametrize("slots", [1, 8])
def test_editor_queries_do_not_grow(editor_client, django_assert_num_queries, slots):
    event = EventFactory(slots=slots, speakers_per_slot=3)
    # session, user, groups' permissions, event, days, slots, appearances, their
    # documents, slots' documents, roles.
    with django_assert_num_queries(11):
        response = editor_client.get(url("", event))
    assert text(response).count('<li class="editor-slot"') == slots


# Permissions ------------------------------------------------------------------------------------


def test_viewers_see_the_programme_read_only(viewer, slot):
    client = Client()
    client.force_login(viewer)
    page = text(client.get(url("", slot.day.event)))
    assert "Opening session" in page
    assert "Add a person" not in page
    assert "Add a day" not in page
    response = client.post(url("day_add", slot.day.event), {"date": "2019-02-26"}, **HTMX)
    assert response.status_code == 403
    assert slot.day.event.days.count() == 1


def test_staff_without_permissions_are_refused(db, event):
    client = Client()
    client.force_login(UserFactory(username="intern", is_staff=True))
    assert client.get(url("", event)).status_code == 403
    assert client.post(url("day_add", event), {"date": "2019-02-26"}).status_code == 403
    assert not event.days.exists()


def test_visitors_are_sent_to_the_log_in(client, event):
    response = client.get(url("", event))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


# Days -------------------------------------------------------------------------------------------


def test_add_a_day(editor_client, editor, event):
    response = post(editor_client, "day_add", event, data={"date": "2019-02-26", "label": "DAY"})
    day = event.days.get()
    assert day.date == datetime.date(2019, 2, 26)
    assert "DAY – Tuesday 26 February 2019" in text(response)
    # The keyboard goes on to the new day's first slot.
    assert f'id="day{day.pk}-newslot-times" autofocus' in text(response).replace(
        'autocomplete="off" ', ""
    ) or "autofocus" in text(response)
    revision = latest_revision(day)
    assert revision.user == editor
    assert "added the day" in revision.get_comment()


def test_a_day_outside_the_event_is_refused_with_the_reason(editor_client, event):
    response = post(editor_client, "day_add", event, data={"date": "2019-03-26"})
    assert "The day must fall within the event&#x27;s dates" in text(response)
    assert not event.days.exists()


def test_edit_and_delete_a_day(editor_client, slot):
    event, day = slot.day.event, slot.day
    AppearanceFactory(slot=slot, role=role("Speaker"))
    post(editor_client, "day_edit", event, day.pk, data={"date": "2019-02-26", "label": "DAY 1"})
    assert Day.objects.get(pk=day.pk).label == "DAY 1"

    response = post(editor_client, "day_delete", event, day.pk)
    assert not event.days.exists()
    assert not Appearance.objects.exists()
    assert "No days yet." in text(response)
    # The deletion's revision holds the day, its slot and its people: Recover brings them back.
    deleted = Version.objects.get_deleted(Slot)
    assert [version.object_repr for version in deleted] == [str(slot)]


# Slots ------------------------------------------------------------------------------------------


def test_add_a_slot_with_its_time_as_printed(editor_client, editor, day):
    data = {"times": "10:00 – 11:30", "title": "Opening session", "kind": "opening"}
    response = post(editor_client, "slot_add", day.event, day.pk, data=data)
    slot = day.slots.get()
    assert (slot.start_time, slot.end_time) == (datetime.time(10), datetime.time(11, 30))
    assert "10:00–11:30</span> Opening session" in text(response)
    assert f'id="slot{slot.pk}-new-name"' in text(response)
    assert latest_revision(slot).user == editor


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("10:00–11:30", (datetime.time(10), datetime.time(11, 30))),
        ("9.30 - 10.15", (datetime.time(9, 30), datetime.time(10, 15))),
        ("9h30", (datetime.time(9, 30), None)),
        ("14:00 to 15:00", (datetime.time(14), datetime.time(15))),
        ("25:00", None),
        ("noon", None),
    ],
)
def test_times_are_read_as_secretariats_print_them(typed, expected):
    assert parse_time_range(typed) == expected


def test_a_slot_ending_before_it_starts_is_refused(editor_client, day):
    data = {"times": "11:00-10:00", "title": "Backwards", "kind": "panel"}
    response = post(editor_client, "slot_add", day.event, day.pk, data=data)
    assert "The session must end after it starts." in text(response)
    assert not day.slots.exists()


def test_edit_a_slot(editor_client, editor, slot):
    data = edit_data(slot, title="Opening of the dialogue", room="Conference Room 4")
    response = post(editor_client, "slot_edit", slot.day.event, slot.pk, data=data)
    slot.refresh_from_db()
    assert (slot.title, slot.room, slot.version) == (
        "Opening of the dialogue",
        "Conference Room 4",
        2,
    )
    assert "Opening of the dialogue" in text(response)
    revision = latest_revision(slot)
    assert (revision.user, "changed the slot" in revision.get_comment()) == (editor, True)


def test_a_stale_slot_edit_is_refused_and_says_who_saved(editor_client, superuser, slot):
    other = Client()
    other.force_login(superuser)
    post(other, "slot_edit", slot.day.event, slot.pk, data=edit_data(slot, title="Theirs"))

    stale = edit_data(slot, title="Mine")  # still version 1
    response = post(editor_client, "slot_edit", slot.day.event, slot.pk, data=stale)

    slot.refresh_from_db()
    assert slot.title == "Theirs"
    page = text(response)
    assert "Someone else changed this slot after you opened it" in page
    assert "saved by admin" in page
    assert "Title is now “Theirs”." in page


def test_set_the_video_link(editor_client, slot):
    data = {"video_url": "https://video.example.org/idm-2019-1", "lock_version": 1}
    response = post(editor_client, "slot_video", slot.day.event, slot.pk, data=data)
    slot.refresh_from_db()
    assert slot.video_url == "https://video.example.org/idm-2019-1"
    assert 'href="https://video.example.org/idm-2019-1">Video of the session' in text(response)

    stale = {"video_url": "https://video.example.org/other", "lock_version": 1}
    response = post(editor_client, "slot_video", slot.day.event, slot.pk, data=stale)
    assert "Someone else changed this slot" in text(response)
    assert Slot.objects.get(pk=slot.pk).video_url.endswith("idm-2019-1")


def test_move_slots_up_down_and_to_a_place(editor_client, day):
    first, second, third = (
        SlotFactory(
            day=day,
            title=title,
            number="",
            order=order,
            start_time=datetime.time(9 + order),
            end_time=datetime.time(9 + order, 30),
        )
        for order, title in enumerate(["First", "Second", "Third"])
    )

    def titles():
        return list(day.slots.order_by("order").values_list("title", flat=True))

    response = post(editor_client, "slot_move", day.event, third.pk, data={"direction": "up"})
    assert titles() == ["First", "Third", "Second"]
    page = text(response)
    assert page.index("> Third</h3>") < page.index("> Second</h3>")
    post(editor_client, "slot_move", day.event, first.pk, data={"direction": "down"})
    assert titles() == ["Third", "First", "Second"]
    post(editor_client, "slot_move", day.event, second.pk, data={"position": "0"})
    assert titles() == ["Second", "Third", "First"]


def test_delete_a_slot_with_its_people_and_documents(editor_client, slot):
    appearance = AppearanceFactory(slot=slot, role=role("Speaker"))
    DocumentFactory(appearance=appearance)
    response = post(editor_client, "slot_delete", slot.day.event, slot.pk)
    assert not Slot.objects.exists()
    assert not Document.objects.exists()
    assert f'id="slot-{slot.pk}"' not in text(response)
    assert Version.objects.get_deleted(Appearance).count() == 1
