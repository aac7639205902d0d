"""Every page, feed and the PDF that shows times says in which zone they are."""

import icalendar
import pytest
from django.core.management import call_command
from django.urls import reverse

from programme.feeds import pdf
from programme.models import Appearance
from tests.factories import EventFactory
from tests.programme.test_pdf import pdf_text

DEMO = "idm-2018-second-session"
GENEVA = "Times are Geneva time, CEST (UTC+2)"


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


@pytest.mark.parametrize("name", ["event-detail", "event-speakers", "event-now"])
def test_event_pages_say_which_zone_times_are_in(demo, client, name):
    html = client.get(reverse(f"public:{name}", kwargs={"slug": DEMO})).content.decode()
    assert f'<p class="time-zone-note">{GENEVA}</p>' in html


def test_a_person_page_says_the_zone_of_each_appearance(demo, client):
    person = Appearance.objects.filter(slot__day__event__slug=DEMO).first().person
    html = client.get(person.get_absolute_url()).content.decode()
    assert GENEVA in html


def test_a_new_york_event_says_new_york_time(client, db):
    event = EventFactory(published=True, slots=1, city="", time_zone="America/New_York")
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Times are New York time, EDT (UTC\u22124)" in html


def test_the_calendar_says_the_zone(demo, client):
    response = client.get(reverse("public:event-ics", kwargs={"slug": DEMO}))
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar["X-WR-TIMEZONE"] == "Europe/Zurich"
    assert calendar["X-WR-CALDESC"] == GENEVA


def test_the_json_says_the_zone(demo, client):
    data = client.get(reverse("public:event-json", kwargs={"slug": DEMO})).json()
    assert data["event"]["time_zone"] == "Europe/Zurich"
    assert data["event"]["time_zone_statement"] == GENEVA


@pytest.mark.skipif(not pdf.pdf_available(), reason="WeasyPrint cannot load its libraries")
def test_the_pdf_says_the_zone(demo, client):
    response = client.get(reverse("public:event-pdf", kwargs={"slug": DEMO}))
    _reader, text = pdf_text(response.content)
    assert GENEVA in text
