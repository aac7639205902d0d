"""The one vocabulary of roles, honorifics and document markers, as the importer stores it."""

import pytest

from programme.vocabulary import delivered_marker, document_kind, honorific_choice, singular_role


@pytest.mark.parametrize(
    ("printed", "stored"),
    [
        ("S.E. Mme", "H.E. Ms."),
        ("S.E.M.", "H.E. Mr."),
        ("His Excellency Dr.", "H.E."),
        ("Excmo. Sr.", "H.E. Mr."),
        ("Excma. Sra.", "H.E. Ms."),
        ("H.E.Mr.", "H.E. Mr."),
        ("H.E. Ms.", "H.E. Ms."),
        ("Hon. Dr.", "Hon."),
        ("Rt Hon. Dame", "Hon."),
        ("Senator the Hon.", "Hon."),
        ("Prof. Dr.", "Prof. Dr."),
        ("Pr", "Prof."),
        ("Emb.", "Amb."),
        ("M.", "Mr."),
        ("Mme", "Mrs."),
        ("Dra.", "Dr."),
        ("Colonel", ""),
    ],
)
def test_compound_and_foreign_honorifics_are_stored_as_a_choice(printed, stored):
    assert honorific_choice(printed) == stored


@pytest.mark.parametrize(
    ("printed", "stored"),
    [
        ("Panellists", "Panellist"),
        ("Co-Chairs", "Co-Chair"),
        ("Witnesses", "Witness"),
        ("Moderadores", "Moderador"),
        ("Presidents of the session", "President of the session"),
        ("Master of Ceremonies", "Master of Ceremonies"),
        ("Moderator", "Moderator"),
    ],
)
def test_role_labels_are_made_singular(printed, stored):
    assert singular_role(printed) == stored


@pytest.mark.parametrize(
    ("label", "marker"),
    [
        ("Opening remarks", "Opening remarks"),
        ("Closing statements", "Closing statement"),
        ("Allocutions", "Allocution"),
        ("Keynote speaker", None),
        ("Panellists", None),
    ],
)
def test_labels_naming_something_delivered_are_markers(label, marker):
    assert delivered_marker(label) == marker


def test_the_demo_markers_have_their_kinds():
    assert [document_kind(m) for m in ("Opening remarks", "Remarks", "Presentation")] == [
        "opening-remarks",
        "remarks",
        "presentation",
    ]
