"""Labels and addresses computed once per language are the ones Django would compute."""

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django_countries.fields import Country

from core.choices import choice_label, country_name, row_url
from documents.enums import DocumentKind
from speakers.enums import Honorific


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_choice_labels_follow_the_active_language(language):
    with translation.override(language):
        for choices in (DocumentKind, Honorific):
            for member in choices:
                assert choice_label(choices, member.value) == str(member.label)


def test_an_unknown_choice_prints_as_stored():
    assert choice_label(DocumentKind, "no-such-kind") == "no-such-kind"


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_country_names_follow_the_active_language(language):
    with translation.override(language):
        assert country_name(Country("CH")) == str(Country("CH").name)
    assert country_name(Country("")) == ""


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize(
    ("viewname", "kwarg", "value"),
    [
        ("public:person-detail", "slug", "amina-diallo-2"),
        ("public:document-download", "pk", 42),
        ("public:event-detail", "slug", "idm_2018"),
    ],
)
def test_row_addresses_are_those_reverse_gives(language, viewname, kwarg, value):
    with translation.override(language):
        assert row_url(viewname, kwarg, value) == reverse(viewname, kwargs={kwarg: value})
        assert row_url(viewname, kwarg, value).startswith(f"/{language}/")


def test_a_value_no_address_takes_fails_as_reverse_does():
    with pytest.raises(NoReverseMatch):
        row_url("public:person-detail", "slug", "café")
    with pytest.raises(NoReverseMatch):
        row_url("public:person-detail", "slug", "a/b")
    with pytest.raises(NoReverseMatch):
        row_url("public:document-download", "pk", None)
    with pytest.raises(NoReverseMatch):
        row_url("public:document-download", "pk", "abc")
