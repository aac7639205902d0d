"""Every writer of programmes records its changes the same way: the importer, the programme
editor, the admin's change page, an accepted contribution."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from conference.enums import EventStatus
from conference.models import Event
from programme.change_wording import describe
from programme.contribution_models import ContributionLink, DesignationProposal
from programme.contributions import accept_designation
from programme.importer import import_programme
from programme.models import ChangeEntry, Slot
from tests.admin_forms import form_data
from tests.programme.contribution_helpers import future_programme
from tests.programme.editor_helpers import edit_data, post
from tests.programme.test_importer import person, programme

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_grace(settings):
    settings.CHANGES_GRACE_MINUTES = 0


def sentences(event):
    with translation.override("en"):
        return [describe(entry) for entry in ChangeEntry.objects.filter(event=event).order_by("pk")]


def publish(event):
    event.status = EventStatus.PUBLISHED
    event.save()


def test_an_import_into_a_published_event_records_what_it_changed():
    import_programme(programme(), "idm")
    event = Event.objects.get(slug="idm")
    assert not ChangeEntry.objects.exists()  # imported as a draft
    publish(event)
    text = programme()
    text["days"][0]["sessions"][2]["people"].append(
        person("Ana Gómez", "Minister of Labour, Chile", honorific="Ms.")
    )
    import_programme(text, "idm")
    assert sentences(event) == ["Ms. Ana Gómez added to Session 1 (Speaker)"]


def test_the_programme_editor_records_a_retimed_slot(editor):
    import_programme(programme(), "idm")
    event = Event.objects.get(slug="idm")
    publish(event)
    slot = Slot.objects.get(title_en="Opening Session")
    client = Client()
    client.force_login(editor)
    data = edit_data(slot, times="10:15–11:00", kind="opening")
    response = post(client, "slot_edit", event, slot.pk, data=data)
    assert response.status_code == 200
    assert sentences(event) == ["“Opening Session” moved from 10:00 to 10:15"]


def test_the_admin_change_page_cancels_a_slot(admin_client):
    import_programme(programme(), "idm")
    event = Event.objects.get(slug="idm")
    publish(event)
    slot = Slot.objects.get(title_en="Advancing migration governance")
    address = reverse("admin:programme_slot_change", args=[slot.pk])
    data = form_data(admin_client.get(address))
    data.update(cancelled="on", cancellation_note_en="Postponed to the next session")
    response = admin_client.post(address, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert sentences(event) == ["Session 1 cancelled: Postponed to the next session"]
    slot.refresh_from_db()
    assert slot.cancelled
    assert slot.start_time == datetime.time(11, 30)


def test_an_accepted_designation_is_recorded_as_corrected(superuser):
    event, _slot, first, _second = future_programme()
    ChangeEntry.objects.all().delete()
    link, _token = ContributionLink.issue(first)
    proposal = DesignationProposal.objects.create(
        appearance=first,
        link=link,
        given_names=first.person.given_names,
        family_names=first.person.family_names,
        position="Minister of Labour and Social Security",
    )
    accept_designation(proposal, superuser)
    assert sentences(event) == [
        f"{first.person.full_name} (Session {first.slot.number}): designation corrected to "
        "“Minister of Labour and Social Security”"
    ]


def test_the_programme_editor_cancels_a_slot(editor):
    import_programme(programme(), "idm")
    event = Event.objects.get(slug="idm")
    publish(event)
    slot = Slot.objects.get(title_en="Opening Session")
    client = Client()
    client.force_login(editor)
    data = edit_data(
        slot, kind="opening", cancelled="on", cancellation_note="Held on the second day"
    )
    response = post(client, "slot_edit", event, slot.pk, data=data)
    assert "<del>Opening Session</del> <strong>Cancelled</strong>" in response.content.decode()
    assert sentences(event) == ["“Opening Session” cancelled: Held on the second day"]
