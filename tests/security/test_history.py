"""History and undo in the admin: what changed, revert, recover a deleted slot or event."""

import datetime
import importlib
import json

import pytest
from django.apps import apps as django_apps
from django.urls import reverse
from reversion.models import Version

from conference.models import Day, Event
from documents.models import Document, Photo
from programme.models import Appearance, Slot
from speakers.models import Person
from tests.admin_forms import form_data
from tests.factories import EventFactory, PersonFactory, PhotoFactory, SlotFactory

pytestmark = pytest.mark.django_db


def change(client, model, obj, **changes):
    """Open the admin change form, change some fields, save it like a browser would."""
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.pk])
    data = form_data(client.get(url))
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


def history_versions(model, obj):
    return list(Version.objects.get_for_object(obj).order_by("pk"))


def revert(client, model, obj, version):
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_revision", args=[obj.pk, version.pk])
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(url, form_data(page))
    assert response.status_code == 302, response.content.decode()[:3000]
    return page


def test_history_page_says_who_changed_what(staff_client, superuser):
    event = EventFactory(slots=1)
    slot = event.days.get().slots.get()
    change(staff_client, Slot, slot, title_en="Panel on migration data")
    change(staff_client, Slot, slot, title_en="Panel on migration statistics", room_en="XX")

    url = reverse("admin:programme_slot_history", args=[slot.pk])
    page = staff_client.get(url).content.decode()

    assert "admin" in page  # the user who saved
    assert "“Panel on migration data” → “Panel on migration statistics”" in page
    assert "“—” → “XX”" in page


def test_revert_a_slot_brings_back_its_values(staff_client):
    event = EventFactory(slots=1, speakers_per_slot=1)
    slot = event.days.get().slots.get()
    change(staff_client, Slot, slot, title_en="Original title", room_en="Room XVII")
    change(staff_client, Slot, slot, title_en="Wrong title", room_en="Room XX")
    first = history_versions(Slot, slot)[0]

    page = revert(staff_client, Slot, slot, first)

    assert "Wrong title" in page.content.decode()  # the page says what goes back
    slot.refresh_from_db()
    assert (slot.title, slot.room) == ("Original title", "Room XVII")
    assert slot.appearances.count() == 2


def test_revert_an_event_brings_back_its_values(staff_client):
    event = EventFactory(title="Dialogue on Migration", venue="Palais des Nations")
    change(staff_client, Event, event, title_en="Dialogue on Migration")
    change(staff_client, Event, event, title_en="Dialogue on Mobility", venue_en="Room XIX")
    first = history_versions(Event, event)[0]

    revert(staff_client, Event, event, first)

    event.refresh_from_db()
    assert (event.title, event.venue) == ("Dialogue on Migration", "Palais des Nations")


def test_revert_a_person_brings_back_their_values(staff_client):
    person = PersonFactory(given_names="Amina", family_names="Mohammed", position="Director")
    change(staff_client, Person, person, position_en="Director")
    change(staff_client, Person, person, position_en="Deputy Secretary-General")
    first = history_versions(Person, person)[0]

    revert(staff_client, Person, person, first)

    person.refresh_from_db()
    assert person.position == "Director"


def test_revert_keeps_version_numbers_rising(staff_client):
    """A revert is a new version: a form opened before it can no longer overwrite it."""
    person = PersonFactory(position="Director")
    change(staff_client, Person, person, position_en="Director")
    change(staff_client, Person, person, position_en="Adviser")
    person.refresh_from_db()
    before = person.version

    revert(staff_client, Person, person, history_versions(Person, person)[0])

    person.refresh_from_db()
    assert person.version == before + 1


def test_deleted_slot_comes_back_with_its_people_and_documents(staff_client):
    event = EventFactory(slots=2, speakers_per_slot=2, documents_per_speaker=1)
    slot = event.days.get().slots.order_by("order").first()
    slot_document = Document.objects.create(
        title="Concept note", slot=slot, url="https://example.org/note.pdf"
    )
    photo = PhotoFactory(event=event, slot=slot)
    people = set(slot.appearances.values_list("person__family_names", flat=True))
    documents = set(Document.objects.filter(appearance__slot=slot).values_list("title", flat=True))
    slot_pk = slot.pk
    delete_url = reverse("admin:programme_slot_delete", args=[slot_pk])

    confirm = staff_client.get(delete_url).content.decode()
    assert "3 appearances deleted" in confirm
    assert "3 documents deleted" in confirm
    refused = staff_client.post(delete_url, {})
    assert "Tick the box to confirm the deletion." in refused.content.decode()
    assert Slot.objects.filter(pk=slot_pk).exists()

    staff_client.post(delete_url, {"understood": "on"})
    assert not Slot.objects.filter(pk=slot_pk).exists()
    assert not Appearance.objects.filter(slot_id=slot_pk).exists()
    photo.refresh_from_db()
    assert photo.slot_id is None  # the photo stays with the event

    recover_list = staff_client.get(reverse("admin:programme_slot_recoverlist"))
    assert slot.title in recover_list.content.decode()
    version = Version.objects.get_deleted(Slot).get(object_id=str(slot_pk))
    recover_url = reverse("admin:programme_slot_recover", args=[version.pk])
    page = staff_client.get(recover_url)
    response = staff_client.post(recover_url, form_data(page))
    assert response.status_code == 302, response.content.decode()[:3000]

    slot = Slot.objects.get(pk=slot_pk)
    assert set(slot.appearances.values_list("person__family_names", flat=True)) == people
    assert (
        set(Document.objects.filter(appearance__slot=slot).values_list("title", flat=True))
        == documents
    )
    assert slot.documents.get().title == "Concept note"
    photo.refresh_from_db()
    assert photo.slot_id == slot_pk
    assert slot_document.pk in slot.documents.values_list("pk", flat=True)


def test_deleting_an_event_with_slots_asks_then_takes_everything(staff_client):
    event = EventFactory(slots=3, speakers_per_slot=2, documents_per_speaker=1)
    PhotoFactory(event=event)
    Document.objects.create(title="Programme", event=event, url="https://example.org/p.pdf")
    Day.objects.create(event=event, date=datetime.date(2018, 10, 9), label="DAY TWO")
    event_pk = event.pk
    delete_url = reverse("admin:conference_event_delete", args=[event_pk])

    confirm = staff_client.get(delete_url).content.decode()
    assert "3 slots deleted" in confirm
    assert "2 days deleted" in confirm
    assert "9 appearances deleted" in confirm
    assert "7 documents deleted" in confirm
    assert "I understand that all of this will be deleted." in confirm

    staff_client.post(delete_url, {})  # not ticked: nothing happens
    assert Event.objects.filter(pk=event_pk).exists()

    response = staff_client.post(delete_url, {"understood": "on"})
    assert response.status_code == 302
    assert not Event.objects.filter(pk=event_pk).exists()
    assert not Day.objects.filter(event_id=event_pk).exists()
    assert not Slot.objects.filter(day__event_id=event_pk).exists()
    assert not Photo.objects.filter(event_id=event_pk).exists()

    version = Version.objects.get_deleted(Event).get(object_id=str(event_pk))
    recover_url = reverse("admin:conference_event_recover", args=[version.pk])
    page = staff_client.get(recover_url)
    response = staff_client.post(recover_url, form_data(page))
    assert response.status_code == 302, response.content.decode()[:3000]

    event = Event.objects.get(pk=event_pk)
    assert event.days.count() == 2
    assert Slot.objects.filter(day__event=event).count() == 3
    assert Appearance.objects.filter(slot__day__event=event).count() == 9
    assert Document.objects.filter(appearance__slot__day__event=event).count() == 6
    assert event.documents.get().title == "Programme"
    assert event.photos.count() == 1


def test_event_without_slots_uses_the_ordinary_delete_page(staff_client):
    event = EventFactory()
    delete_url = reverse("admin:conference_event_delete", args=[event.pk])
    assert "Are you sure" in staff_client.get(delete_url).content.decode()
    staff_client.post(delete_url, {"post": "yes"})
    assert not Event.objects.filter(pk=event.pk).exists()


def test_viewer_cannot_delete_an_event(client, viewer):
    event = EventFactory(slots=1)
    client.force_login(viewer)
    response = client.post(
        reverse("admin:conference_event_delete", args=[event.pk]), {"understood": "on"}
    )
    assert response.status_code == 403
    assert Event.objects.filter(pk=event.pk).exists()


def test_a_slot_never_edited_in_the_admin_can_still_be_recovered(staff_client):
    """Made by an import or the demo loader, deleted through the ordinary delete page."""
    slot = EventFactory(slots=1).days.get().slots.get()
    slot.appearances.all().delete()
    assert not Version.objects.get_for_object(slot).exists()

    staff_client.post(reverse("admin:programme_slot_delete", args=[slot.pk]), {"post": "yes"})
    assert not Slot.objects.filter(pk=slot.pk).exists()

    version = Version.objects.get_deleted(Slot).get(object_id=str(slot.pk))
    recover_url = reverse("admin:programme_slot_recover", args=[version.pk])
    response = staff_client.post(recover_url, form_data(staff_client.get(recover_url)))
    assert response.status_code == 302
    assert Slot.objects.get(pk=slot.pk).title == slot.title


def test_people_deleted_with_the_bulk_action_can_be_recovered(staff_client):
    person = PersonFactory(family_names="Vitorino")
    staff_client.post(
        reverse("admin:speakers_person_changelist"),
        {"action": "delete_selected", "_selected_action": [person.pk], "post": "yes"},
    )
    assert not Person.objects.filter(pk=person.pk).exists()
    recover_list = staff_client.get(reverse("admin:speakers_person_recoverlist"))
    assert "Vitorino" in recover_list.content.decode()


def test_viewer_sees_history_but_cannot_revert_or_recover(client, viewer, staff_client):
    person = PersonFactory(position="Director")
    change(staff_client, Person, person, position_en="Director")
    change(staff_client, Person, person, position_en="Adviser")
    first = history_versions(Person, person)[0]
    client.force_login(viewer)

    history = client.get(reverse("admin:speakers_person_history", args=[person.pk]))
    assert "“Director” → “Adviser”" in history.content.decode()
    revert_url = reverse("admin:speakers_person_revision", args=[person.pk, first.pk])
    data = form_data(staff_client.get(revert_url))
    assert client.post(revert_url, data).status_code == 403
    person.refresh_from_db()
    assert person.position == "Adviser"
    assert client.get(reverse("admin:speakers_person_recoverlist")).status_code == 403


@pytest.mark.parametrize(
    ("url_name", "link"),
    [
        ("admin:conference_event_changelist", "Recover deleted events"),
        ("admin:conference_day_changelist", "Recover deleted days"),
        ("admin:programme_slot_changelist", "Recover deleted slots"),
        ("admin:programme_appearance_changelist", "Recover deleted appearances"),
        ("admin:programme_role_changelist", "Recover deleted roles"),
        ("admin:speakers_person_changelist", "Recover deleted people"),
        ("admin:speakers_organisation_changelist", "Recover deleted organisations"),
        ("admin:documents_document_changelist", "Recover deleted documents"),
        ("admin:documents_photo_changelist", "Recover deleted photos"),
    ],
)
def test_every_programme_list_offers_recovery(staff_client, url_name, link):
    """Also where the list template belongs to adminsortable2 or django-import-export."""
    assert link in staff_client.get(reverse(url_name)).content.decode()


def test_reverting_an_event_to_before_a_day_with_slots_is_refused_in_words(staff_client):
    """Reverting would delete the newer day, which its slots protect: nothing changes."""
    event = EventFactory(venue="Palais des Nations", end_date=datetime.date(2018, 10, 9))
    change(staff_client, Event, event, venue_en="Palais des Nations")
    first = history_versions(Event, event)[0]
    day = Day.objects.create(event=event, date=datetime.date(2018, 10, 9), label="DAY TWO")
    SlotFactory(day=day)
    change(staff_client, Event, event, venue_en="Room XX")
    opts = Event._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_revision", args=[event.pk, first.pk])

    response = staff_client.get(url, follow=True)

    assert response.redirect_chain[-1][0] == reverse(
        "admin:conference_event_history", args=[event.pk]
    )
    assert (
        "This version cannot be restored: it would delete records that other records still "
        "belong to (slots, for example"
    ) in response.content.decode()
    event.refresh_from_db()
    assert event.venue == "Room XX"
    assert event.days.filter(label="DAY TWO").exists()


def test_a_slot_saved_in_history_before_it_had_timestamps_can_still_be_reverted(staff_client):
    """Versions stored before migration 0006 lack created_at / updated_at: the migration
    gives them their revision's date, and reverting to one then works like any other."""
    fill_history = importlib.import_module(
        "programme.migrations.0006_slot_appearance_timestamps"
    ).fill_history
    event = EventFactory(slots=1, speakers_per_slot=1)
    slot = event.days.get().slots.get()
    change(staff_client, Slot, slot, title_en="Original title")
    change(staff_client, Slot, slot, title_en="Wrong title")
    for version in Version.objects.filter(content_type__model__in=["slot", "appearance"]):
        rows = json.loads(version.serialized_data)
        for row in rows:
            row["fields"].pop("created_at", None)
            if row["model"] == "programme.appearance":
                row["fields"].pop("updated_at", None)
        version.serialized_data = json.dumps(rows)
        version.save()
    first = history_versions(Slot, slot)[0]

    fill_history(django_apps, None)

    stored = json.loads(Version.objects.get(pk=first.pk).serialized_data)[0]["fields"]
    assert stored["created_at"].startswith(first.revision.date_created.strftime("%Y-%m-%dT%H:%M"))
    revert(staff_client, Slot, slot, first)
    slot.refresh_from_db()
    assert slot.title == "Original title"
    assert slot.created_at is not None
    assert all(appearance.updated_at for appearance in slot.appearances.all())
