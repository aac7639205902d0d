"""Honorifics: compounds kept whole, printed in each language's form on the pages and in the
PDF alike; auto-filled designations that do not repeat what the position says."""

import datetime
import io
import re

import pypdf
import pytest
from django.urls import reverse
from django.utils import translation

from programme.designations import designation_line
from programme.editor.forms import split_honorific
from programme.feeds import pdf
from speakers.enums import Honorific, honorific_label
from tests.factories import (
    AppearanceFactory,
    DayFactory,
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    SlotFactory,
    role,
)
from tests.pages import page_text


@pytest.mark.parametrize(
    ("typed", "honorific", "name"),
    [
        ("H.E. Mr. Carlos Pérez", "H.E. Mr.", "Carlos Pérez"),
        ("H.E. Ms. Amy Pope", "H.E. Ms.", "Amy Pope"),
        ("Prof. Dr. Ana Gómez", "Prof. Dr.", "Ana Gómez"),
        ("Dr. Ana Gómez", "Dr.", "Ana Gómez"),
        ("Ana Gómez", "", "Ana Gómez"),
    ],
)
def test_the_editor_keeps_compound_honorifics_whole(typed, honorific, name):
    assert split_honorific(typed) == (honorific, name)


@pytest.mark.parametrize(
    ("language", "printed"),
    [
        ("en", ["Mr.", "Ms.", "H.E. Mr.", "H.E. Ms.", "Prof. Dr."]),
        ("fr", ["M.", "Mme", "S. E. M.", "S. E. Mme", "Pr Dr"]),
        ("es", ["Sr.", "Sra.", "S. E. Sr.", "S. E. Sra.", "Prof. Dr."]),
    ],
)
def test_honorifics_are_printed_in_the_readers_language(language, printed):
    values = [Honorific.MR, Honorific.MS, Honorific.HE_MR, Honorific.HE_MS, Honorific.PROF_DR]
    with translation.override(language):
        assert [honorific_label(value) for value in values] == printed


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "printed"),
    [
        ("en", "H.E. Mr. Carlos Pérez"),
        ("fr", "S. E. M. Carlos Pérez"),
        ("es", "S. E. Sr. Carlos Pérez"),
    ],
)
def test_page_and_pdf_print_the_same_honorific(client, language, printed):
    event = EventFactory(published=True, slug="idm-2019-first-session")
    day = DayFactory(event=event, date=event.start_date)
    slot = SlotFactory(day=day, start_time=datetime.time(10), title="Opening")
    person = PersonFactory(honorific="H.E. Mr.", given_names="Carlos", family_names="Pérez")
    AppearanceFactory(slot=slot, person=person, role=role("Speaker"), honorific="H.E. Mr.")
    with translation.override(language):
        page = client.get(reverse("public:event-detail", kwargs={"slug": event.slug}))
        document = client.get(reverse("public:event-pdf", kwargs={"slug": event.slug}))
    assert printed in page_text(page)
    if pdf.pdf_available():
        reader = pypdf.PdfReader(io.BytesIO(document.content))
        text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
        assert printed in text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("position", "organisation", "country", "printed"),
    [
        (
            "Permanent Representative of Ecuador to the United Nations",
            None,
            "EC",
            "Permanent Representative of Ecuador to the United Nations",
        ),
        ("Director General of IOM", "IOM", "CH", "Director General of IOM, Switzerland"),
        ("Director", "IOM", "CH", "Director, IOM, Switzerland"),
        ("Minister of Foreign Affairs", None, "EC", "Minister of Foreign Affairs, Ecuador"),
    ],
)
def test_auto_filled_designation_does_not_repeat_the_position(
    position, organisation, country, printed
):
    if organisation:
        organisation = OrganisationFactory(name=organisation, acronym="")
    appearance = AppearanceFactory.build(
        position=position, organisation=organisation, country=country, designation=""
    )
    assert appearance.printed_designation == printed
    assert designation_line(position, organisation, country) == printed
