"""Day pages are locked like slots; dates are typed as the staff member writes them; the
time zone is picked from a list; help texts show real addresses."""

import datetime
import html
import re

import pytest
from django.urls import reverse

from conference.models import Day
from tests.admin_forms import form_data
from tests.factories import EventFactory


def text(response):
    page = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(html.unescape(page).split())


@pytest.fixture
def event(db):
    return EventFactory(
        title="IDM 2019",
        start_date=datetime.date(2019, 2, 26),
        end_date=datetime.date(2019, 2, 28),
        slots=1,
    )


def test_a_stale_day_page_is_refused_and_says_so(staff_client, event):
    day = event.days.get()
    change = reverse("admin:conference_day_change", args=[day.pk])
    stale = form_data(staff_client.get(change))
    fresh = form_data(staff_client.get(change))
    assert staff_client.post(change, {**fresh, "label_en": "DAY THREE"}).status_code == 302
    response = staff_client.post(change, {**stale, "label_en": "LAST DAY"})
    assert response.status_code == 200
    assert "Someone else changed this day after you opened it" in text(response)
    day.refresh_from_db()
    assert (day.label, day.version) == ("DAY THREE", 2)


@pytest.mark.parametrize(
    ("language", "typed"),
    [("en", "28/02/2019"), ("fr", "28/02/2019"), ("es", "28/02/2019"), ("en", "2019-02-28")],
)
def test_day_date_is_typed_in_the_staff_members_format_or_iso(staff_client, event, language, typed):
    day = event.days.get()
    change = reverse("admin:conference_day_change", args=[day.pk])
    staff_client.cookies["django_language"] = language
    data = form_data(staff_client.get(change, HTTP_ACCEPT_LANGUAGE=language))
    response = staff_client.post(change, {**data, "date": typed}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 302, text(response)[:1500]
    day.refresh_from_db()
    assert day.date == datetime.date(2019, 2, 28)


def test_a_wrong_date_names_the_expected_format(staff_client, event):
    day = event.days.get()
    change = reverse("admin:conference_day_change", args=[day.pk])
    data = form_data(staff_client.get(change))
    response = staff_client.post(change, {**data, "date": "02/31/2019"})
    assert "Enter a date as DD/MM/YYYY or YYYY-MM-DD." in text(response)


def test_event_page_picks_the_time_zone_and_shows_example_addresses(staff_client, event):
    response = staff_client.get(reverse("admin:conference_event_change", args=[event.pk]))
    page = response.content.decode()
    select = re.search(r'<select name="time_zone".*?</select>', page, re.S).group(0)
    assert '<optgroup label="America">' in select
    assert '<option value="America/New_York">New York</option>' in select
    assert "/en/events/idm-2019-first-session/" in text(response)
    assert "/events//" not in text(response)


def test_slot_page_shows_an_example_video_address(staff_client, event):
    slot = event.days.get().slots.get()
    response = staff_client.get(reverse("admin:programme_slot_change", args=[slot.pk]))
    assert "https://www.youtube.com/watch?v=" in text(response)
    assert Day.objects.count() == 1
