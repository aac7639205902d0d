"""How the importer reads names, honorifics, document markers, designations and countries."""

import pytest

from programme.designations import split_designation
from programme.importer import (
    document_kind,
    honorific_choice,
    title_from_slug,
)
from speakers.countries import country_code
from speakers.names import normalise_name, split_name
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "given", "family"),
    [
        ("António Vitorino", "António", "Vitorino"),
        ("Marden de Melo Barboza", "Marden", "de Melo Barboza"),
        ("El Habib Nadir", "El Habib", "Nadir"),
        ("Deogratius J. Dotto", "Deogratius J.", "Dotto"),
        ("Madonna", "", "Madonna"),
    ],
)
def test_split_name(name, given, family):
    assert split_name(name) == (given, family)


@pytest.mark.parametrize(
    ("printed", "stored"),
    [
        ("Mr.", "Mr."),
        ("Ms.", "Ms."),
        ("Mrs", "Mrs."),
        ("Dr.", "Dr."),
        ("Professor", "Prof."),
        ("Ambassador", "Amb."),
        ("H.E.", "H.E."),
        ("H.E. Mr.", "H.E. Mr."),
        ("Her Excellency", "H.E."),
        ("Sr.", "Mr."),
        ("Sra.", "Mrs."),
        ("", ""),
        ("Captain", ""),
    ],
)
def test_honorifics(printed, stored):
    assert honorific_choice(printed) == stored


@pytest.mark.parametrize(
    ("marker", "kind"),
    [
        ("Opening remarks", "opening-remarks"),
        ("Remarks", "remarks"),
        ("remarks", "remarks"),
        ("Presentation", "presentation"),
        ("Keynote address", "keynote-address"),
        ("Concept note", "concept-note"),
        ("Video", "other"),
        ("Something new", "other"),
    ],
)
def test_document_kind_from_marker(marker, kind):
    assert document_kind(marker) == kind


@pytest.mark.parametrize(
    ("printed", "position", "organisation", "country"),
    [
        (
            "Secretary General, Inter-Parliamentary Union",
            "Secretary General",
            "Inter-Parliamentary Union",
            "",
        ),
        (
            "Vice Minister for Salvadorians Abroad, El Salvador",
            "Vice Minister for Salvadorians Abroad",
            "",
            "SV",
        ),
        ("Member of the Arab Parliament", "Member of the Arab Parliament", "", ""),
        (
            "President and CEO, African Renaissance and Diaspora Network (ARDN)",
            "President and CEO",
            "African Renaissance and Diaspora Network (ARDN)",
            "",
        ),
        (
            "Secretary General of the Ministry Delegate, GFMD Co-Chair",
            "Secretary General of the Ministry Delegate, GFMD Co-Chair",
            "",
            "",
        ),
        (
            "Representative of the Working Group, Coordinator of the Cross-Regional Center (CCRM)",
            "Representative of the Working Group, Coordinator of the Cross-Regional Center (CCRM)",
            "",
            "",
        ),
        (
            "Permanent Representative of Mexico, co-facilitator for the Global Compact for Safe, "
            "Orderly and Regular Migration",
            "Permanent Representative of Mexico, co-facilitator for the Global Compact for Safe, "
            "Orderly and Regular Migration",
            "",
            "",
        ),
        ("", "", "", ""),
    ],
)
def test_split_designation(printed, position, organisation, country):
    result = split_designation(printed, lambda text: None)
    assert result.position == position
    assert result.organisation_label == organisation
    assert result.country == country
    assert result.printed == printed


def test_split_designation_recognises_a_known_organisation_with_commas_in_its_name():
    fund = OrganisationFactory(name="The Global Fund to fight Aids, Tuberculosis and Malaria")
    known = {normalise_name(fund.name): fund}
    result = split_designation(
        "Chief of Staff, The Global Fund to fight Aids, Tuberculosis and Malaria",
        lambda text: known.get(normalise_name(text)),
    )
    assert (result.position, result.organisation) == ("Chief of Staff", fund)


@pytest.mark.parametrize(
    ("text", "code"),
    [("Cote D’Ivoire", "CI"), ("United Kingdom", "GB"), ("Tanzania", "TZ"), ("Suisse", "CH")],
)
def test_country_names(text, code):
    assert country_code(text) == code


def test_title_from_slug():
    assert title_from_slug("idm-2018-second-session") == "Idm 2018 Second Session"
