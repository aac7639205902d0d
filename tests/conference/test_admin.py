"""Smoke tests for every ModelAdmin as superuser, secretariat editor and secretariat viewer."""

import datetime

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils.html import escape

from conference.models import Event
from programme.models import Appearance, Slot
from speakers.models import Organisation, Person
from tests.admin_forms import NO_ADD_PAGE
from tests.factories import (
    AppearanceFactory,
    DocumentFactory,
    EventFactory,
    PhotoFactory,
    role,
)
from tests.programme.contribution_helpers import speaker_sent_something

pytestmark = pytest.mark.django_db

PROGRAMME_APPS = {"conference", "programme", "speakers", "documents"}


def registered_models():
    return sorted(
        (model for model in admin.site._registry if model._meta.app_label in PROGRAMME_APPS),
        key=lambda model: model._meta.label,
    )


@pytest.fixture
def programme():
    """One published event with a slot, a moderator, a speaker with remarks, and a photo."""
    event = EventFactory(published=True, slots=1, speakers_per_slot=1)
    PhotoFactory(event=event)
    DocumentFactory(event=event, title="Concept note", kind="concept-note")
    speaker_sent_something(event)
    return event


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_every_programme_model_is_registered():
    labels = {model._meta.label for model in registered_models()}
    assert labels == {
        "conference.User",
        "conference.EventSeries",
        "conference.Event",
        "conference.Day",
        "programme.Role",
        "programme.Slot",
        "programme.Appearance",
        "programme.ContributionLink",
        "programme.DesignationProposal",
        "programme.DocumentSubmission",
        "programme.ProfileSubmission",
        "programme.ContributionMessage",
        "programme.ContributionMessageTemplate",
        "programme.ChangeEntry",
        "speakers.Person",
        "speakers.Organisation",
        "documents.Document",
        "documents.Photo",
    }


@pytest.mark.parametrize("user_fixture", ["superuser", "editor", "viewer"])
@pytest.mark.parametrize("model", registered_models(), ids=lambda model: model._meta.label)
def test_admin_pages_render_for_each_secretariat_role(
    client, request, programme, user_fixture, model
):
    user = request.getfixturevalue(user_fixture)
    client.force_login(user)
    is_user_admin = model._meta.label == "conference.User"
    expected = 403 if is_user_admin and user_fixture != "superuser" else 200

    changelist = client.get(admin_url(model, "changelist"))
    searched = client.get(admin_url(model, "changelist"), {"q": "Dialogue"})
    instance = model.objects.first()
    change = client.get(admin_url(model, "change", instance.pk))
    add = client.get(admin_url(model, "add"))

    assert changelist.status_code == expected
    assert searched.status_code == expected
    assert change.status_code == expected
    if expected == 200:
        # The row links to its change page, and the change page names the object.
        assert admin_url(model, "change", instance.pk) in changelist.content.decode()
        assert escape(str(instance)) in change.content.decode()
        can_save = user_fixture != "viewer"
        assert ('name="_save"' in change.content.decode()) is can_save
    can_add = user_fixture == "superuser" or (user_fixture == "editor" and not is_user_admin)
    can_add = can_add and model._meta.label not in NO_ADD_PAGE
    assert add.status_code == (200 if can_add else 403)


def test_viewer_cannot_save_changes(client, viewer, programme):
    client.force_login(viewer)
    organisation = Organisation.objects.first()
    response = client.post(
        admin_url(Organisation, "change", organisation.pk),
        {"name_en": "Renamed", "category": "un"},
    )
    assert response.status_code == 403
    organisation.refresh_from_db()
    assert organisation.name != "Renamed"


def test_editor_adds_an_organisation_and_a_person(client, editor):
    client.force_login(editor)
    response = client.post(
        admin_url(Organisation, "add"),
        {"name_en": "World Health Organization", "acronym": "WHO", "category": "un"},
    )
    assert response.status_code == 302
    who = Organisation.objects.get(acronym="WHO")
    response = client.post(
        admin_url(Person, "add"),
        {
            "honorific": "",
            "given_names": "Soumya",
            "family_names": "Swaminathan",
            "slug": "",
            "position_en": "Deputy Director General for Programmes",
            "organisation": who.pk,
            "gender": "",
            "language": "en",
            "appearances-TOTAL_FORMS": "0",
            "appearances-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    person = Person.objects.get(family_names="Swaminathan")
    assert person.slug == "soumya-swaminathan"
    assert person.position == "Deputy Director General for Programmes"


def slot_form_data(day, people, **overrides):
    data = {
        "day": day.pk,
        "start_time": "11:30",
        "end_time": "13:00",
        "kind": "panel",
        "number": "1",
        "title_en": "Advancing migration governance",
        "video_url": "",
        "appearances-TOTAL_FORMS": str(len(people)),
        "appearances-INITIAL_FORMS": "0",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
    }
    for index, (person, role_name) in enumerate(people):
        data.update(
            {
                f"appearances-{index}-person": person.pk,
                f"appearances-{index}-role": role(role_name).pk,
                f"appearances-{index}-order": str(index + 1),
            }
        )
    data.update(overrides)
    return data


def test_editor_adds_a_slot_with_a_moderator_and_a_speaker(client, editor):
    client.force_login(editor)
    event = EventFactory()
    day = event.days.create(date=event.start_date, label="DAY ONE")
    moderator = AppearanceFactory().person
    speaker = AppearanceFactory().person
    response = client.post(
        admin_url(Slot, "add"),
        slot_form_data(day, [(moderator, "Moderator"), (speaker, "Speaker")]),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    slot = Slot.objects.get(title="Advancing migration governance")
    people = list(slot.appearances.order_by("order").values_list("person", "role__name"))
    assert people == [(moderator.pk, "Moderator"), (speaker.pk, "Speaker")]
    speaking = slot.appearances.get(person=speaker)
    assert speaking.position == speaker.position  # filled from the current position


def test_slot_ending_before_it_starts_shows_the_message_on_the_form(client, editor):
    client.force_login(editor)
    event = EventFactory()
    day = event.days.create(date=event.start_date)
    response = client.post(
        admin_url(Slot, "add"), slot_form_data(day, [], start_time="13:00", end_time="12:00")
    )
    assert response.status_code == 200
    assert "The session must end after it starts." in response.content.decode()
    assert not Slot.objects.exists()


def test_event_change_page_shows_the_programme_overview(client, superuser):
    client.force_login(superuser)
    event = EventFactory(slots=2, speakers_per_slot=1)
    response = client.get(admin_url(Event, "change", event.pk))
    page = response.content.decode()
    for slot in Slot.objects.filter(day__event=event):
        assert admin_url(Slot, "change", slot.pk) in page
    for appearance in Appearance.objects.filter(slot__day__event=event):
        assert appearance.person.full_name in page


def test_publish_and_unpublish_actions(client, editor):
    client.force_login(editor)
    event = EventFactory()
    client.post(
        admin_url(Event, "changelist"),
        {"action": "publish", "_selected_action": [event.pk]},
    )
    event.refresh_from_db()
    assert event.is_published
    assert event.published_at is not None
    client.post(
        admin_url(Event, "changelist"),
        {"action": "unpublish", "_selected_action": [event.pk]},
    )
    event.refresh_from_db()
    assert not event.is_published


def test_person_page_lists_appearances_across_events(client, superuser):
    client.force_login(superuser)
    appearance = AppearanceFactory(designation="Head, Governing Bodies Division, IOM")
    other_event = EventFactory(
        start_date=datetime.date(2019, 3, 1), end_date=datetime.date(2019, 3, 2)
    )
    AppearanceFactory(
        person=appearance.person,
        slot__day__event=other_event,
        designation="Director, Governing Bodies, IOM",
    )
    page = client.get(admin_url(Person, "change", appearance.person.pk)).content.decode()
    assert "Head, Governing Bodies Division, IOM" in page
    assert "Director, Governing Bodies, IOM" in page
