"""The day and slot admin pages lead back to their event (and its programme editor)."""

import html
import re

from django.urls import reverse

from tests.factories import EventFactory


def breadcrumbs(response):
    page = response.content.decode()
    crumbs = re.search(r'<div class="breadcrumbs">(.*?)</div>', page, re.S).group(1)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", crumbs)).split())


def test_slot_page_breadcrumbs_read_event_day_slot(staff_client):
    event = EventFactory(title="Dialogue on youth", slots=1)
    slot = event.days.get().slots.get()
    response = staff_client.get(reverse("admin:programme_slot_change", args=[slot.pk]))
    assert breadcrumbs(response) == (
        f"Home › Dialogue on youth (Second session) (programme editor) › {slot.day} › {slot}"
    )
    assert reverse("admin:conference_event_change", args=[event.pk]) in response.content.decode()


def test_day_page_breadcrumbs_read_event_day(staff_client):
    event = EventFactory(title="Dialogue on youth", slots=1)
    day = event.days.get()
    response = staff_client.get(reverse("admin:conference_day_change", args=[day.pk]))
    assert breadcrumbs(response) == (
        f"Home › Dialogue on youth (Second session) (programme editor) › {day}"
    )


def test_add_pages_keep_the_usual_breadcrumbs(staff_client, db):
    response = staff_client.get(reverse("admin:programme_slot_add"))
    assert breadcrumbs(response) == "Home › Programme › Slots › Add slot"
