import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from speakers.models import Organisation, Person
from tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_people_sort_by_family_name():
    PersonFactory(given_names="Juan José", family_names="Gómez Camacho")
    PersonFactory(given_names="Ann", family_names="Dao Sow")
    PersonFactory(given_names="Louise", family_names="Arbour")
    assert [p.full_name for p in Person.objects.all()] == [
        "Louise Arbour",
        "Ann Dao Sow",
        "Juan José Gómez Camacho",
    ]


def test_slug_is_made_from_the_name_and_kept_unique():
    first = PersonFactory(given_names="Ann", family_names="Dao Sow", slug="")
    second = PersonFactory(given_names="Ann", family_names="Dao Sow", slug="")
    assert first.slug == "ann-dao-sow"
    assert second.slug == "ann-dao-sow-2"


def test_person_without_family_name_is_refused_in_words():
    person = Person(given_names="Louise", family_names="")
    with pytest.raises(ValidationError) as error:
        person.full_clean()
    assert "family_names" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.create(given_names="Louise", family_names="", slug="louise")


def test_person_str_and_sort_name():
    person = PersonFactory.build(given_names="Juan José", family_names="Gómez Camacho")
    assert str(person) == "Juan José Gómez Camacho"
    assert person.sort_name == "Gómez Camacho, Juan José"


def test_organisation_needs_a_name():
    organisation = Organisation(name="   ", category="un")
    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    assert error.value.message_dict["name"] == ["Give the organisation's name."]
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(name="", category="un")


def test_organisation_str_shows_acronym():
    organisation = OrganisationFactory.build(name="World Health Organization", acronym="WHO")
    assert str(organisation) == "World Health Organization (WHO)"


def test_organisation_category_must_be_known_to_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(name="X", category="martians")
