"""The programme editor, continued: people, documents, publishing and the public page, each
change posted as htmx posts it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from conference.enums import EventStatus
from documents.models import Document
from programme.editor.forms import split_honorific
from programme.models import Appearance
from speakers.models import Person
from tests.factories import (
    PDF_BYTES,
    AppearanceFactory,
    DocumentFactory,
    PersonFactory,
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

# People -----------------------------------------------------------------------------------------


def test_add_a_new_person_by_name_with_honorific_and_designation(editor_client, editor, slot):
    data = {
        "name": "Dr. Ana María Gómez",
        "designation": "Director, Department of Migration Management, IOM",
        "role": role("Moderator").pk,
    }
    response = post(editor_client, "appearance_add", slot.day.event, slot.pk, data=data)
    appearance = slot.appearances.get()
    person = appearance.person
    assert (person.honorific, person.given_names, person.family_names) == (
        "Dr.",
        "Ana María",
        "Gómez",
    )
    assert appearance.honorific == "Dr."
    assert appearance.designation == "Director, Department of Migration Management, IOM"
    page = text(response)
    assert 'Dr. <strong class="editor-name">Ana María Gómez</strong>' in page
    assert "added Ana María Gómez" in latest_revision(appearance).get_comment()
    # The next person's field has the keyboard; the next person is a speaker by default.
    assert "autofocus" in page
    assert f'<option value="{role("Speaker").pk}" selected>' in page


def test_add_a_known_person_picked_from_the_suggestions(editor_client, slot):
    person = PersonFactory(given_names="William Lacy", family_names="Swing", position="DG")
    data = {"name": "William Lacy Swing", "person_id": person.pk, "role": role("Speaker").pk}
    post(editor_client, "appearance_add", slot.day.event, slot.pk, data=data)
    appearance = slot.appearances.get()
    assert appearance.person == person
    assert appearance.honorific == "Ms."  # the person's, as PersonFactory makes them
    assert appearance.printed_designation.startswith("DG, ")
    assert Person.objects.count() == 1


def test_the_same_person_twice_in_one_role_is_refused_on_the_name(editor_client, slot):
    appearance = AppearanceFactory(slot=slot, role=role("Speaker"))
    data = {
        "name": appearance.person.full_name,
        "person_id": appearance.person_id,
        "role": role("Speaker").pk,
    }
    response = post(editor_client, "appearance_add", slot.day.event, slot.pk, data=data)
    assert "This person already has this role in this slot." in text(response)
    assert slot.appearances.count() == 1


def test_a_known_name_typed_without_script_is_that_person(editor_client, slot):
    person = PersonFactory(given_names="António", family_names="Vitorino")
    data = {"name": "Mr. antonio VITORINO", "role": role("Speaker").pk}
    post(editor_client, "appearance_add", slot.day.event, slot.pk, data=data)
    assert slot.appearances.get().person == person
    assert Person.objects.count() == 1


def test_people_suggestions_show_current_position_and_organisation(editor_client, event):
    PersonFactory(
        given_names="Ana", family_names="Gómez", position="Director", organisation__name="IOM"
    )
    response = editor_client.get(url("people", event), {"term": "gomez"})
    [result] = response.json()["results"]
    assert result["name"] == "Ana Gómez"
    assert result["details"].startswith("Director, IOM")


def test_edit_a_designation_and_refuse_a_stale_one(editor_client, slot):
    appearance = AppearanceFactory(slot=slot, role=role("Speaker"), designation="Minister")
    data = {
        "role": role("Speaker").pk,
        "honorific": "H.E.",
        "designation": "Minister of Foreign Affairs, Ecuador",
        "lock_version": 1,
    }
    response = post(editor_client, "appearance_edit", slot.day.event, appearance.pk, data=data)
    appearance.refresh_from_db()
    assert appearance.designation == "Minister of Foreign Affairs, Ecuador"
    assert appearance.honorific == "H.E."
    assert "Minister of Foreign Affairs, Ecuador" in text(response)

    response = post(
        editor_client,
        "appearance_edit",
        slot.day.event,
        appearance.pk,
        data={**data, "designation": "Stale"},
    )
    assert "Someone else changed this appearance" in text(response)
    assert Appearance.objects.get(pk=appearance.pk).designation.startswith("Minister of")


def test_remove_a_person_from_a_slot(editor_client, slot):
    appearance = AppearanceFactory(slot=slot, role=role("Speaker"))
    DocumentFactory(appearance=appearance)
    name = appearance.person.full_name
    response = post(editor_client, "appearance_delete", slot.day.event, appearance.pk)
    assert not slot.appearances.exists()
    assert f'id="appearance-{appearance.pk}"' not in text(response)
    assert f"removed {name}" in text(response)
    assert Person.objects.filter(pk=appearance.person_id).exists()


# Documents --------------------------------------------------------------------------------------


def test_upload_a_document_onto_an_appearance(editor_client, slot):
    appearance = AppearanceFactory(slot=slot, role=role("Speaker"))
    upload = SimpleUploadedFile("remarks.pdf", PDF_BYTES, content_type="application/pdf")
    response = editor_client.post(
        url("appearance_document_add", slot.day.event, appearance.pk),
        {"kind": "remarks", "file": upload},
        **HTMX,
    )
    document = appearance.documents.get()
    assert (document.title, document.content_type) == ("Remarks", "application/pdf")
    assert f'href="{document.get_absolute_url()}">Remarks</a>' in text(response)
    assert "attached “Remarks”" in latest_revision(document).get_comment()


def test_a_bad_file_is_refused_with_the_upload_checks_message(editor_client, slot):
    page = SimpleUploadedFile("remarks.pdf", b"<html><script>alert(1)</script>", "application/pdf")
    response = editor_client.post(
        url("slot_document_add", slot.day.event, slot.pk), {"kind": "remarks", "file": page}, **HTMX
    )
    assert "This file type is not accepted." in text(response)
    assert not Document.objects.exists()


def test_mark_a_placeholder_and_delete_it(editor_client, slot):
    response = post(
        editor_client, "slot_document_add", slot.day.event, slot.pk, data={"kind": "concept-note"}
    )
    document = slot.documents.get()
    assert document.is_placeholder
    assert "Concept note – awaiting its file (staff only)" in text(response)

    response = post(editor_client, "document_delete", slot.day.event, document.pk)
    assert not Document.objects.exists()
    assert "awaiting its file" not in text(response)


# Publishing, the public page and the feeds ----------------------------------------------------


def test_publish_and_unpublish_from_the_editor(editor_client, editor, slot):
    event = slot.day.event
    response = post(editor_client, "publish", event, data={"action": "publish", "lock_version": 1})
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED
    assert event.published_at is not None
    assert "Unpublish (back to draft)" in text(response)
    assert "published the event" in latest_revision(event).get_comment()

    post(editor_client, "publish", event, data={"action": "unpublish", "lock_version": 2})
    event.refresh_from_db()
    assert event.status == EventStatus.DRAFT


def test_publishing_a_page_opened_before_someone_else_saved_is_refused(editor_client, slot):
    event = slot.day.event
    post(editor_client, "publish", event, data={"action": "publish", "lock_version": 1})
    response = post(
        editor_client, "publish", event, data={"action": "unpublish", "lock_version": 1}
    )
    assert "Someone else changed this event" in text(response)
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED


def test_a_change_reaches_the_cached_public_page(editor_client, slot):
    event = slot.day.event
    event.publish()
    event.save()
    visitor = Client()
    assert "Opening session" in text(visitor.get(event.get_absolute_url()))

    post(editor_client, "slot_edit", event, slot.pk, data=edit_data(slot, title="Welcome"))

    page = text(visitor.get(event.get_absolute_url()))
    assert "Welcome" in page
    assert "Opening session" not in page


def test_without_htmx_a_change_comes_back_to_the_page(editor_client, day):
    data = {"times": "10:00", "title": "Opening", "kind": "panel"}
    response = editor_client.post(url("slot_add", day.event, day.pk), data)
    slot = day.slots.get()
    assert response.status_code == 302
    assert response["Location"] == f"{url('', day.event)}#slot-{slot.pk}"


@pytest.mark.parametrize(
    "feed", ["event-pdf", "event-ics", "event-json", "event-frab-json", "event-frab-xml"]
)
def test_staff_open_a_drafts_feeds_and_visitors_do_not(staff_client, slot, feed):
    event = slot.day.event
    address = reverse(f"public:{feed}", args=[event.slug])
    assert Client().get(address).status_code == 404
    response = staff_client.get(address)
    assert response.status_code in (200, 503)  # 503: the PDF library is not installed
    assert "no-store" in response["Cache-Control"]
    if feed != "event-pdf":
        assert "Opening session" in text(response)


def test_honorifics_are_read_from_the_name():
    assert split_honorific("Dr. Ana Gómez") == ("Dr.", "Ana Gómez")
    assert split_honorific("Ana Gómez") == ("", "Ana Gómez")
    assert split_honorific("h.e. Mr.  Carlos Pérez") == ("H.E. Mr.", "Carlos Pérez")
