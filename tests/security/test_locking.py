"""Two people saving the same slot, event or person: the second save is refused."""

import pytest
from django.test import Client
from django.urls import reverse

from conference.models import Event
from documents.models import Document
from programme.models import Appearance, Slot
from speakers.models import Person
from tests.admin_forms import form_data
from tests.factories import EventFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_clients(superuser, editor):
    first, second = Client(), Client()
    first.force_login(superuser)
    second.force_login(editor)
    return first, second


def url_of(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def test_second_save_of_a_slot_is_refused_and_the_first_kept(two_clients):
    anna, ben = two_clients
    slot = EventFactory(slots=1, speakers_per_slot=1).days.get().slots.get()
    url = url_of(slot)
    anna_form = form_data(anna.get(url))
    ben_form = form_data(ben.get(url))
    assert anna_form["lock_version"] == ben_form["lock_version"] == "1"

    saved = anna.post(url, {**anna_form, "title_en": "Panel on labour migration"})
    assert saved.status_code == 302
    refused = ben.post(url, {**ben_form, "title_en": "Panel on climate mobility"})

    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Someone else changed this slot after you opened it" in page
    assert "saved by admin" in page
    assert "Your changes have not been saved." in page
    assert "Title [en] is now “Panel on labour migration”." in page
    slot.refresh_from_db()
    assert slot.title == "Panel on labour migration"
    assert slot.version == 2


def test_reloading_after_a_refusal_lets_the_change_through(two_clients):
    anna, ben = two_clients
    slot = EventFactory(slots=1).days.get().slots.get()
    url = url_of(slot)
    anna_form, ben_form = form_data(anna.get(url)), form_data(ben.get(url))
    anna.post(url, {**anna_form, "room_en": "Room XVII"})
    ben.post(url, {**ben_form, "room_en": "Room XX"})

    fresh = form_data(ben.get(url))
    assert fresh["room_en"] == "Room XVII"
    assert ben.post(url, {**fresh, "room_en": "Room XX"}).status_code == 302
    slot.refresh_from_db()
    assert (slot.room, slot.version) == ("Room XX", 3)


def test_second_save_of_an_event_is_refused(two_clients):
    anna, ben = two_clients
    event = EventFactory(venue="Palais des Nations")
    url = url_of(event)
    anna_form, ben_form = form_data(anna.get(url)), form_data(ben.get(url))

    assert anna.post(url, {**anna_form, "venue_en": "Room XVIII"}).status_code == 302
    refused = ben.post(url, {**ben_form, "venue_en": "Room XIX"})

    assert "Someone else changed this event after you opened it" in refused.content.decode()
    event.refresh_from_db()
    assert event.venue == "Room XVIII"


def test_second_save_of_a_person_is_refused(two_clients):
    anna, ben = two_clients
    person = PersonFactory(position="Director")
    url = url_of(person)
    anna_form, ben_form = form_data(anna.get(url)), form_data(ben.get(url))

    assert anna.post(url, {**anna_form, "position_en": "Director General"}).status_code == 302
    refused = ben.post(url, {**ben_form, "position_en": "Adviser"})

    assert "Someone else changed this person after you opened it" in refused.content.decode()
    person.refresh_from_db()
    assert person.position == "Director General"


def test_publishing_from_the_list_counts_as_a_change(two_clients):
    anna, ben = two_clients
    event = EventFactory()
    url = url_of(event)
    ben_form = form_data(ben.get(url))
    anna.post(
        reverse("admin:conference_event_changelist"),
        {"action": "publish", "_selected_action": [event.pk]},
    )

    refused = ben.post(url, {**ben_form, "title_en": "Renamed"})

    assert "Someone else changed this event" in refused.content.decode()
    event.refresh_from_db()
    assert event.is_published
    assert event.title != "Renamed"


def test_a_form_without_the_version_is_refused(staff_client):
    person = PersonFactory(position="Director")
    url = url_of(person)
    data = form_data(staff_client.get(url))
    data.pop("lock_version")
    response = staff_client.post(url, {**data, "position_en": "Adviser"})
    assert "Someone else changed this person" in response.content.decode()
    person.refresh_from_db()
    assert person.position == "Director"


@pytest.mark.parametrize("model", [Event, Slot, Person])
def test_the_version_rises_by_one_per_save(staff_client, model):
    obj = {
        Event: lambda: EventFactory(),
        Slot: lambda: EventFactory(slots=1).days.get().slots.get(),
        Person: lambda: PersonFactory(),
    }[model]()
    url = url_of(obj)
    for expected in (2, 3):
        assert staff_client.post(url, form_data(staff_client.get(url))).status_code == 302
        obj.refresh_from_db()
        assert obj.version == expected


def test_a_save_landing_between_check_and_write_rolls_everything_back(staff_client, monkeypatch):
    """The UPDATE … WHERE version = n guard: nothing of the form is kept, the user is told."""
    from django.contrib import admin

    slot = EventFactory(slots=1, speakers_per_slot=1).days.get().slots.get()
    original_title = slot.title
    url = url_of(slot)
    data = form_data(staff_client.get(url))
    slot_admin = admin.site._registry[Slot]
    original_save_form = slot_admin.save_form

    def someone_else_saves_meanwhile(request, form, change):
        Slot.objects.filter(pk=slot.pk).update(version=7, title="Saved by someone else")
        return original_save_form(request, form, change)

    monkeypatch.setattr(slot_admin, "save_form", someone_else_saves_meanwhile)
    data["appearances-0-position_en"] = "Changed in the inline"
    response = staff_client.post(url, {**data, "title_en": "Mine"}, follow=True)

    assert "Someone else saved this record at the same moment." in response.content.decode()
    slot.refresh_from_db()
    assert (slot.title, slot.version) == (original_title, 1)
    assert not slot.appearances.filter(position="Changed in the inline").exists()


def test_editing_a_slot_in_its_day_counts_as_a_change(two_clients):
    """The day's page edits its slots inline: an open slot form is then out of date."""
    anna, ben = two_clients
    slot = EventFactory(slots=1).days.get().slots.get()
    slot_url = url_of(slot)
    ben_form = form_data(ben.get(slot_url))
    day_url = url_of(slot.day)
    day_form = form_data(anna.get(day_url))
    day_form["slots-0-title_en"] = "Renamed on the day page"
    assert anna.post(day_url, day_form).status_code == 302

    refused = ben.post(slot_url, {**ben_form, "room_en": "Room XX"})

    assert "Someone else changed this slot" in refused.content.decode()
    slot.refresh_from_db()
    assert (slot.title, slot.room) == ("Renamed on the day page", "")


def test_a_stale_appearance_in_the_slot_page_is_refused(two_clients):
    """Ben opens the slot; Anna corrects a designation on the appearance's own page; Ben's
    save of the slot page would put the old designation back: it is refused instead."""
    anna, ben = two_clients
    slot = EventFactory(slots=1, speakers_per_slot=1).days.get().slots.get()
    appearance = slot.appearances.order_by("order", "pk").first()
    ben_form = form_data(ben.get(url_of(slot)))
    assert ben_form["appearances-0-lock_version"] == "1"
    anna_form = form_data(anna.get(url_of(appearance)))
    saved = anna.post(url_of(appearance), {**anna_form, "designation_en": "Director, IOM Geneva"})
    assert saved.status_code == 302

    refused = ben.post(url_of(slot), {**ben_form, "title_en": "Panel on climate mobility"})

    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Someone else changed this appearance after you opened it" in page
    assert "saved by admin" in page
    assert "Your changes have not been saved." in page
    assert "Designation as printed [en] is now “Director, IOM Geneva”." in page
    appearance.refresh_from_db()
    slot.refresh_from_db()
    assert appearance.designation == "Director, IOM Geneva"
    assert slot.title != "Panel on climate mobility"


def test_a_fresh_appearance_row_saves_and_raises_its_version(staff_client):
    slot = EventFactory(slots=1, speakers_per_slot=1).days.get().slots.get()
    appearance = slot.appearances.order_by("order", "pk").first()
    data = form_data(staff_client.get(url_of(slot)))
    data["appearances-0-position_en"] = "Special Rapporteur"

    assert staff_client.post(url_of(slot), data).status_code == 302

    appearance.refresh_from_db()
    assert (appearance.position, appearance.version) == ("Special Rapporteur", 2)
    untouched = slot.appearances.exclude(pk=appearance.pk).first()
    assert untouched.version == 1  # rows nobody edited keep their version


def test_a_stale_slot_row_on_the_day_page_is_refused(two_clients):
    anna, ben = two_clients
    slot = EventFactory(slots=1).days.get().slots.get()
    ben_form = form_data(ben.get(url_of(slot.day)))
    anna_form = form_data(anna.get(url_of(slot)))
    assert anna.post(url_of(slot), {**anna_form, "title_en": "Anna's title"}).status_code == 302

    refused = ben.post(url_of(slot.day), {**ben_form, "slots-0-title_en": "Ben's title"})

    assert "Someone else changed this slot after you opened it" in refused.content.decode()
    slot.refresh_from_db()
    assert slot.title == "Anna's title"


def test_second_save_of_a_document_is_refused(two_clients):
    anna, ben = two_clients
    slot = EventFactory(slots=1).days.get().slots.get()
    document = Document.objects.create(
        title="Concept note", slot=slot, url="https://example.org/note.pdf"
    )
    anna_form, ben_form = (
        form_data(anna.get(url_of(document))),
        form_data(ben.get(url_of(document))),
    )

    assert anna.post(url_of(document), {**anna_form, "title_en": "Concept"}).status_code == 302
    refused = ben.post(url_of(document), {**ben_form, "title_en": "Note"})

    assert "Someone else changed this document after you opened it" in refused.content.decode()
    document.refresh_from_db()
    assert (document.title, document.version) == ("Concept", 2)


def test_a_stale_document_in_the_slot_page_is_refused(two_clients):
    anna, ben = two_clients
    slot = EventFactory(slots=1).days.get().slots.get()
    document = Document.objects.create(
        title="Concept note", slot=slot, url="https://example.org/note.pdf"
    )
    ben_form = form_data(ben.get(url_of(slot)))
    anna_form = form_data(anna.get(url_of(document)))
    assert anna.post(url_of(document), {**anna_form, "title_en": "Concept"}).status_code == 302

    refused = ben.post(url_of(slot), {**ben_form, "documents-0-title_en": "Note"})

    page = refused.content.decode()
    assert "Someone else changed this document after you opened it" in page
    assert "Title [en] is now “Concept”." in page
    document.refresh_from_db()
    assert document.title == "Concept"


def test_an_inline_row_saved_between_check_and_write_rolls_everything_back(
    staff_client, monkeypatch
):
    from django.contrib import admin

    slot = EventFactory(slots=1, speakers_per_slot=1).days.get().slots.get()
    appearance = slot.appearances.order_by("order", "pk").first()
    url = url_of(slot)
    data = form_data(staff_client.get(url))
    slot_admin = admin.site._registry[Slot]
    original_save_model = slot_admin.save_model

    def someone_else_saves_meanwhile(request, obj, form, change):
        Appearance.objects.filter(pk=appearance.pk).update(version=5, position="Theirs")
        return original_save_model(request, obj, form, change)

    monkeypatch.setattr(slot_admin, "save_model", someone_else_saves_meanwhile)
    data["appearances-0-position_en"] = "Mine"
    response = staff_client.post(url, {**data, "title_en": "My title"}, follow=True)

    assert "Someone else saved this record at the same moment." in response.content.decode()
    appearance.refresh_from_db()
    slot.refresh_from_db()
    assert appearance.position != "Mine"
    assert slot.title != "My title"


def test_every_inline_of_a_versioned_model_is_locked():
    """A new inline of slots, appearances or documents cannot forget the lock."""
    from django.contrib import admin

    from core.locking import OptimisticLockingInlineMixin, RefusesConcurrentEditsMixin

    for model_admin in admin.site._registry.values():
        for inline in model_admin.inlines:
            versioned = any(field.name == "version" for field in inline.model._meta.fields)
            read_only = set(inline.fields or []) <= set(inline.readonly_fields)
            if not versioned or read_only:  # a person's appearances are only listed
                continue
            assert issubclass(inline, OptimisticLockingInlineMixin), inline
            assert isinstance(model_admin, RefusesConcurrentEditsMixin), model_admin
