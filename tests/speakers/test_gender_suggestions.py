"""Genders suggested from printed honorifics: reviewed in a list, saved only when ticked."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from speakers.enums import Gender
from speakers.genders import suggested_gender
from speakers.models import Person
from tests.factories import AppearanceFactory, PersonFactory

CHANGELIST = "admin:speakers_person_changelist"
ACTION = "suggest_genders"


@pytest.mark.parametrize(
    ("honorifics", "gender"),
    [
        (["Mr."], Gender.MALE),
        (["Ms."], Gender.FEMALE),
        (["Mrs."], Gender.FEMALE),
        (["Mme"], Gender.FEMALE),
        (["Sra."], Gender.FEMALE),
        (["Ms.", "Mrs."], Gender.FEMALE),
        (["Dr."], None),
        (["H.E."], None),
        (["Mr.", "H.E."], None),
        (["Mr.", "Ms."], None),
        ([], None),
        ([""], None),
    ],
)
def test_the_honorific_suggests_a_gender_or_nothing(honorifics, gender):
    assert suggested_gender(honorifics) == gender


@pytest.fixture
def people(db):
    mister = PersonFactory(given_names="Juan", family_names="Eguiguren", honorific="Mr.")
    madam = PersonFactory(given_names="Susan", family_names="Martin", honorific="")
    AppearanceFactory(person=madam, honorific="Ms.")
    doctor = PersonFactory(given_names="Soumya", family_names="Swaminathan", honorific="Dr.")
    recorded = PersonFactory(
        given_names="Amy", family_names="Pope", honorific="Ms.", gender=Gender.FEMALE
    )
    for person in (mister, madam, doctor, recorded):
        person.refresh_from_db()
    Person.objects.filter(pk__in=[mister.pk, madam.pk, doctor.pk]).update(gender="")
    return {"mister": mister, "madam": madam, "doctor": doctor, "recorded": recorded}


def post_action(client, people, **extra):
    return client.post(
        reverse(CHANGELIST),
        {"action": ACTION, ACTION_CHECKBOX_NAME: [p.pk for p in people.values()], **extra},
    )


def test_the_suggestions_are_listed_before_anything_is_saved(staff_client, people):
    response = post_action(staff_client, people)
    page = response.content.decode()
    assert "Suggest genders from honorifics" in page
    assert "Juan Eguiguren" in page
    assert "Susan Martin" in page
    assert "No suggestion" in page  # Dr. Swaminathan
    assert "Amy Pope" not in page  # already recorded
    assert f'name="person" value="{people["mister"].pk}"' in page
    assert f'name="person" value="{people["doctor"].pk}"' not in page
    genders = dict(Person.objects.values_list("family_names", "gender"))
    assert genders == {"Eguiguren": "", "Martin": "", "Swaminathan": "", "Pope": "female"}


def test_only_the_ticked_suggestions_are_saved(staff_client, people):
    response = post_action(
        staff_client,
        people,
        apply="Save the ticked genders",
        person=[people["madam"].pk, people["doctor"].pk],
    )
    assert response.status_code == 302
    genders = dict(Person.objects.values_list("family_names", "gender"))
    assert genders == {"Eguiguren": "", "Martin": "female", "Swaminathan": "", "Pope": "female"}
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["Gender recorded for 1 person."]


def test_viewers_cannot_run_the_action(client, viewer, people):
    client.force_login(viewer)
    page = client.get(reverse(CHANGELIST)).content.decode()
    assert f'value="{ACTION}"' not in page
