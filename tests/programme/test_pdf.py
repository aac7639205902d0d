"""The printable programme: an A4 PDF with every speaker, in the programme's order."""

import io
import re

import pypdf
import pytest
from django.core.management import call_command
from django.urls import reverse

from programme.feeds import pdf
from programme.models import Appearance, Slot
from public import feed_views as views
from tests.factories import EventFactory

DEMO = "idm-2018-second-session"
A4_POINTS = (595, 842)


def pdf_text(content):
    reader = pypdf.PdfReader(io.BytesIO(content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, re.sub(r"\s+", " ", text)


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def test_programme_pdf_is_a4_and_names_every_speaker_in_order(demo, client):
    response = client.get(reverse("public:event-pdf", kwargs={"slug": DEMO}))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="{DEMO}.pdf"'
    reader, text = pdf_text(response.content)
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(width), round(height)) == A4_POINTS

    assert text.startswith("International Dialogue on Migration 2018 Second session")
    assert "DAY ONE – 8 October 2018" in text
    assert text.index("DAY ONE") < text.index("DAY TWO – 9 October 2018")

    slots = Slot.objects.filter(day__event__slug=DEMO).order_by("day__date", "order")
    position = 0
    for slot in slots:  # each heading is found after the previous one
        position = text.index(str(slot.heading), position) + 1

    appearances = Appearance.objects.filter(slot__day__event__slug=DEMO)
    names = {appearance.person.full_name for appearance in appearances}
    assert len(names) == 36
    missing = [name for name in names if name not in text]
    assert missing == []
    assert "Remarks (PDF, " in text


def test_pdf_lists_moderators_with_their_role(client, db):
    event = EventFactory(published=True, slots=1, speakers_per_slot=2)
    moderator = Appearance.objects.get(slot__day__event=event, role__name="Moderator")
    _reader, text = pdf_text(
        client.get(reverse("public:event-pdf", kwargs={"slug": event.slug})).content
    )
    assert f"Moderator: Ms. {moderator.person.full_name}" in text


def test_pdf_of_a_draft_is_not_found(client, db):
    event = EventFactory(slots=1, speakers_per_slot=1)
    assert client.get(reverse("public:event-pdf", kwargs={"slug": event.slug})).status_code == 404


def test_without_weasyprint_the_pdf_address_explains_what_is_missing(client, db, monkeypatch):
    monkeypatch.setattr(
        views, "pdf_unavailable_reason", lambda: "cannot load library 'libpango-1.0-0'"
    )
    event = EventFactory(published=True, slots=1)
    response = client.get(reverse("public:event-pdf", kwargs={"slug": event.slug}))
    assert response.status_code == 503
    page = response.content.decode()
    assert "The printable programme is not available" in page
    assert "cannot load library &#x27;libpango-1.0-0&#x27;" in page
    assert reverse("public:event-ics", kwargs={"slug": event.slug}) in page


def test_unavailable_reason_is_none_when_weasyprint_loads():
    assert pdf.pdf_unavailable_reason() is None


@pytest.mark.parametrize("slots", [1, 8])
def test_pdf_queries_do_not_grow(client, db, django_assert_num_queries, slots):
    event = EventFactory(published=True, slots=slots, speakers_per_slot=2)
    with django_assert_num_queries(7):
        response = client.get(reverse("public:event-pdf", kwargs={"slug": event.slug}))
    _reader, text = pdf_text(response.content)
    assert text.count("Moderator: ") == slots
