"""Slot times are the event's local times: the admin says nothing about the server's time,
whatever the time zone of the staff member's computer."""

import pytest
from playwright.sync_api import expect

from tests.factories import EventFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "Geneva-plenary-2018!"


def test_no_server_time_note_under_slot_times_or_dates(live_server, chromium):
    UserFactory(username="secretariat", password=PASSWORD, is_staff=True, is_superuser=True)
    event = EventFactory(slots=1, city="New York", time_zone="America/New_York")
    slot = event.days.get().slots.get()
    # Six hours behind the server (Europe/Zurich) in winter and in summer.
    context = chromium.new_context(locale="en-GB", timezone_id="America/New_York")
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("#id_username").fill("secretariat")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#login-form [type=submit]").click()
    expect(page.locator("#user-tools")).to_be_visible()

    for address in [
        f"/admin/programme/slot/{slot.pk}/change/",
        f"/admin/conference/event/{event.pk}/change/",
        "/admin/programme/slot/add/",
    ]:
        page.goto(f"{live_server.url}{address}")
        page.wait_for_load_state("load")
        expect(page.locator(".datetimeshortcuts").first).to_be_attached()  # widgets are drawn
        expect(page.locator(".timezonewarning")).to_have_count(0)
        assert "server time" not in page.locator("#content").inner_text()
    context.close()
