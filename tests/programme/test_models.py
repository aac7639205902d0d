import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from programme.models import Participation, Role
from tests.factories import ParticipationFactory, PersonFactory, SessionFactory, role

pytestmark = pytest.mark.django_db


def test_seeded_roles_know_whether_they_come_before_the_speakers():
    before = set(Role.objects.filter(listed_before_speakers=True).values_list("name", flat=True))
    assert {"Moderator", "Presenter", "Introduction to the panel discussion", "Chair"} <= before
    assert not role("Speaker").listed_before_speakers
    assert role("Moderator").label_fr == "Modérateur"
    assert role("Speaker").label_es == "Ponente"


def test_session_heading_carries_its_number():
    session = SessionFactory.build(number=4, title="Assessing the capacity development needs")
    assert session.heading == "Session 4: Assessing the capacity development needs"
    session.number = None
    assert session.heading == "Assessing the capacity development needs"


def test_session_ending_before_it_starts_is_refused_in_words():
    session = SessionFactory.build(start_time=datetime.time(11), end_time=datetime.time(10))
    with pytest.raises(ValidationError) as error:
        session.clean()
    assert error.value.message_dict == {"end_time": ["The session must end after it starts."]}


def test_session_ending_before_it_starts_is_refused_by_the_database():
    session = SessionFactory()
    session.end_time = datetime.time(9)
    with pytest.raises(IntegrityError), transaction.atomic():
        session.save()


def test_session_with_only_a_start_time_is_allowed():
    session = SessionFactory(end_time=None)
    session.full_clean()
    assert str(session).startswith("10:00 ")


def test_same_person_twice_in_the_same_role_is_refused():
    first = ParticipationFactory(role=role("Speaker"))
    again = Participation(session=first.session, person=first.person, role=role("Speaker"))
    with pytest.raises(ValidationError) as error:
        again.full_clean()
    assert error.value.message_dict["person"] == ["This person already has this role in this slot."]
    with pytest.raises(IntegrityError), transaction.atomic():
        again.save()


def test_same_person_may_moderate_and_speak_in_one_slot():
    first = ParticipationFactory(role=role("Moderator"))
    ParticipationFactory(session=first.session, person=first.person, role=role("Speaker"))
    assert first.session.participations.count() == 2


def test_new_appearance_starts_from_the_persons_current_position():
    person = PersonFactory(honorific="Dr.", position="Director General", country="PT")
    appearance = ParticipationFactory(person=person)
    assert appearance.honorific == "Dr."
    assert appearance.position == "Director General"
    assert appearance.organization == person.organization
    assert appearance.printed_designation == (
        f"Director General, {person.organization.name}, Portugal"
    )


def test_designation_as_printed_stays_when_the_person_is_promoted():
    appearance = ParticipationFactory(designation="Head of the Governing Bodies Division, IOM")
    person = appearance.person
    person.position = "Director of the Governing Bodies"
    person.save()
    appearance.refresh_from_db()
    assert appearance.printed_designation == "Head of the Governing Bodies Division, IOM"


def test_deleting_a_session_with_people_is_protected():
    appearance = ParticipationFactory()
    with pytest.raises(ProtectedError):
        appearance.session.delete()
