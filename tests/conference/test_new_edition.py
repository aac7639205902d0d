"""Admin action “Duplicate as new edition”: days moved to new dates, slots, optionally people."""

import datetime

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from conference.models import Event
from documents.models import Document, Photo
from programme.editions import EditionError, duplicate_event
from programme.models import Appearance, Slot
from tests.factories import DayFactory, EventFactory, PhotoFactory, SlotFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    """Two days (8 and 9 October 2018), three slots, people with documents, a photo."""
    event = EventFactory(
        published=True, slug="idm-2018", slots=2, speakers_per_slot=2, title="IDM 2018"
    )
    second_day = DayFactory(event=event, date=datetime.date(2018, 10, 9), label="DAY TWO")
    SlotFactory(day=second_day, title="Closing remarks", kind="closing", number="")
    appearance = Appearance.objects.filter(slot__day__event=event).first()
    appearance.designation = "Director General, IOM"
    appearance.save()
    PhotoFactory(event=event)
    return event


def new_edition_url(event):
    return reverse("admin:conference_event_new_edition", args=[event.pk])


def form_data(**changes):
    data = {
        "slug": "idm-2019",
        "title": "IDM 2019",
        "edition": "First session",
        "start_date": "2019-03-26",
    }
    data.update(changes)
    return data


def test_days_move_by_the_offset_and_the_copy_is_a_draft(event):
    copy = duplicate_event(
        event, slug="idm-2019", title="IDM 2019", start_date=datetime.date(2019, 3, 26)
    )

    assert copy.slug == "idm-2019"
    assert copy.title == "IDM 2019"
    assert not copy.is_published
    assert copy.published_at is None
    assert (copy.start_date, copy.end_date) == (
        datetime.date(2019, 3, 26),
        datetime.date(2019, 3, 27),
    )
    assert [(day.date, day.label) for day in copy.days.order_by("date")] == [
        (datetime.date(2019, 3, 26), "DAY ONE"),
        (datetime.date(2019, 3, 27), "DAY TWO"),
    ]
    assert copy.venue == event.venue
    assert copy.series == event.series
    event.refresh_from_db()
    assert event.is_published
    assert event.days.count() == 2


def test_slots_are_copied_with_their_roles_but_not_documents_photos_or_videos(event):
    copy = duplicate_event(
        event, slug="idm-2019", title="IDM 2019", start_date=datetime.date(2019, 3, 26)
    )

    original = Slot.objects.filter(day__event=event).order_by("day__date", "order")
    copied = Slot.objects.filter(day__event=copy).order_by("day__date", "order")
    assert [(s.title, s.start_time, s.end_time, s.kind, s.number) for s in copied] == [
        (s.title, s.start_time, s.end_time, s.kind, s.number) for s in original
    ]
    assert all(slot.video_url == "" for slot in copied)
    assert not Appearance.objects.filter(slot__day__event=copy).exists()
    assert not Document.objects.filter(appearance__slot__day__event=copy).exists()
    assert not Photo.objects.filter(event=copy).exists()


def test_appearances_are_copied_with_their_designations_when_asked(event):
    copy = duplicate_event(
        event,
        slug="idm-2019",
        title="IDM 2019",
        start_date=datetime.date(2019, 3, 26),
        copy_appearances=True,
        copy_designations=True,
    )

    def appearances(of):
        return list(
            Appearance.objects.filter(slot__day__event=of)
            .order_by("slot__order", "order", "pk")
            .values_list("slot__title", "person_id", "role__name", "designation", "position")
        )

    assert appearances(copy) == appearances(event)
    assert ("Director General, IOM",) in [(row[3],) for row in appearances(copy)]
    assert not Document.objects.filter(appearance__slot__day__event=copy).exists()


def test_appearances_without_designations_start_from_the_person(event):
    copy = duplicate_event(
        event,
        slug="idm-2019",
        title="IDM 2019",
        start_date=datetime.date(2019, 3, 26),
        copy_appearances=True,
        copy_designations=False,
    )
    copied = Appearance.objects.filter(slot__day__event=copy).select_related("person")
    assert copied.count() == Appearance.objects.filter(slot__day__event=event).count()
    for appearance in copied:
        assert appearance.designation == ""
        assert appearance.position == appearance.person.position


def test_a_slug_in_use_is_refused(event):
    EventFactory(slug="idm-2019")
    with pytest.raises(EditionError, match="already uses this slug"):
        duplicate_event(
            event, slug="idm-2019", title="IDM 2019", start_date=datetime.date(2019, 3, 26)
        )
    assert Event.objects.count() == 2


def test_the_event_page_links_to_the_new_edition_form(staff_client, event):
    page = staff_client.get(reverse("admin:conference_event_change", args=[event.pk]))
    content = page.content.decode()
    assert "Duplicate as new edition" in content
    assert new_edition_url(event) in content


def test_the_action_leads_to_the_form_for_one_event(staff_client, event):
    response = staff_client.post(
        reverse("admin:conference_event_changelist"),
        {"action": "duplicate_as_new_edition", ACTION_CHECKBOX_NAME: [event.pk]},
    )
    assert response.status_code == 302
    assert response["Location"] == new_edition_url(event)


def test_the_action_asks_for_exactly_one_event(staff_client, event):
    other = EventFactory()
    response = staff_client.post(
        reverse("admin:conference_event_changelist"),
        {"action": "duplicate_as_new_edition", ACTION_CHECKBOX_NAME: [event.pk, other.pk]},
        follow=True,
    )
    assert "Select exactly one event to duplicate as a new edition." in response.content.decode()
    assert Event.objects.count() == 2


def test_the_form_lists_the_days_and_creates_the_edition(staff_client, event):
    page = staff_client.get(new_edition_url(event)).content.decode()
    assert "DAY TWO" in page
    assert 'name="start_date"' in page

    response = staff_client.post(
        new_edition_url(event), form_data(copy_appearances="on", copy_designations="on")
    )

    copy = Event.objects.get(slug="idm-2019")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:conference_event_change", args=[copy.pk])
    assert copy.edition == "First session"
    assert Appearance.objects.filter(slot__day__event=copy).count() == 6
    message = staff_client.get(response["Location"]).content.decode()
    assert "New edition “IDM 2019 (First session)” created as a draft with 2 days." in message


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"slug": "idm-2018"}, "Another event already uses this slug."),
        ({"slug": "not a slug"}, "Enter a valid “slug”"),
        ({"start_date": "26/03/2019x"}, "Enter a valid date."),
        ({"title": ""}, "This field is required."),
    ],
)
def test_bad_input_is_shown_on_the_form(staff_client, event, changes, message):
    response = staff_client.post(new_edition_url(event), form_data(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Event.objects.count() == 1


def test_viewers_may_not_duplicate(client, viewer, event):
    client.force_login(viewer)
    assert client.get(new_edition_url(event)).status_code == 403
    assert client.post(new_edition_url(event), form_data()).status_code == 403
    assert Event.objects.count() == 1
