"""The printable programme: an A4 PDF with every speaker, in the programme's order."""

import io
import re

import pypdf
import pytest
from django.core.management import call_command
from django.urls import reverse

from programme.feeds import pdf
from programme.feeds.data import programme_data
from programme.feeds.queries import public_programme_for_feeds
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
    with django_assert_num_queries(8):
        response = client.get(reverse("public:event-pdf", kwargs={"slug": event.slug}))
    _reader, text = pdf_text(response.content)
    assert text.count("Moderator: ") == slots


def test_a_long_introduction_is_cut_in_the_pdf_with_a_link_to_the_full_text(db):
    paragraphs = [f"Paragraph {number} of the introduction." * 20 for number in range(200)]
    event = EventFactory(published=True, slots=1, description="\n\n".join(paragraphs))
    assert len(event.description) > pdf.DESCRIPTION_MAX_CHARS

    html = pdf.programme_html(
        programme_data(event, public_programme_for_feeds(event), "https://example.org"),
        "https://example.org",
    )

    assert "Paragraph 0 of the introduction." in html
    assert "Paragraph 199 of the introduction." not in html
    assert " …" in html
    assert "The introduction is shortened here; read it in full at https://example.org/" in html


def test_a_short_introduction_is_printed_whole():
    assert pdf.capped_description("One.\n\nTwo.") == ("One.\n\nTwo.", False)
    text, cut = pdf.capped_description("word " * 100, limit=42)
    assert cut
    assert text == ("word " * 8).strip() + " …"


def test_a_failing_pdf_answers_503_and_is_not_rendered_again_for_a_minute(client, db, monkeypatch):
    renders = []

    def failing(*args):
        renders.append(args)
        raise RuntimeError("WeasyPrint gave up")

    monkeypatch.setattr(views, "render_programme_pdf", failing)
    event = EventFactory(published=True, slots=1)
    url = reverse("public:event-pdf", kwargs={"slug": event.slug})

    first, second = client.get(url), client.get(url)

    assert (first.status_code, second.status_code) == (503, 503)
    assert len(renders) == 1  # the second request was answered from the remembered failure
    assert "The printable programme could not be made" in second.content.decode()
    assert "try again in a minute" in second.content.decode()
    assert second["Retry-After"] == "60"
