"""The programme as it happens, in a browser: now and next before, during and after an event
(the event moved, never the clock), the slot under way marked with "Jump to now", times in
the visitor's own zone, three starred slots downloaded as one calendar, and axe-core on the
new pages in three languages at 375 and 1280 px (screenshots written for people)."""

import icalendar
import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from django.db.models import F
from playwright.sync_api import expect

from conference.models import Event
from programme.change_models import ChangeEntry
from programme.models import Slot
from speakers.models import Person
from tests.public.test_now import live_event

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LANGUAGES = ["en", "fr", "es"]
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def visit(page, live_server, path, language="en"):
    errors = []
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and not message.text.startswith("Failed to load resource")  # the favicon
            and errors.append(message.text)
        ),
    )
    response = page.goto(f"{live_server.url}/{language}{path}")
    assert response.status == 200, path
    return errors


@pytest.mark.parametrize(
    ("days_from_today", "expected", "absent"),
    [
        (1, ["The event has not started yet.", "Opening of the dialogue"], "Panel on migrants"),
        (0, ["Panel on migrants and cities", "Coffee break"], "Opening of the dialogue"),
        (-1, ["This event is over.", "See the programme"], "Panel on migrants"),
    ],
)
def test_now_and_next_before_during_and_after(live_server, page, days_from_today, expected, absent):
    event = live_event(days_from_today)
    errors = visit(page, live_server, f"/events/{event.slug}/now/")
    region = page.locator("#now-next")
    for text in expected:
        expect(region).to_contain_text(text)
    expect(region).not_to_contain_text(absent)
    assert errors == []


def test_during_the_event_the_programme_marks_the_slot_under_way(live_server, page):
    event = live_event(0)
    panel = Slot.objects.get(day__event=event, order=1)
    errors = visit(page, live_server, f"/events/{event.slug}/")
    current = page.locator("article.slot--now")
    expect(current).to_have_count(1)
    expect(current).to_have_attribute("id", panel.anchor)
    expect(current).to_have_attribute("aria-current", "time")
    expect(current.locator(".now-badge")).to_have_text("Under way")
    jump = page.get_by_role("link", name="Jump to now")
    expect(jump).to_have_attribute("href", f"#{panel.anchor}")
    jump.click()
    expect(page).to_have_url(f"{live_server.url}/en/events/{event.slug}/#{panel.anchor}")
    assert errors == []


@pytest.mark.parametrize("days_from_today", [1, -1])
def test_before_or_after_the_event_no_slot_is_under_way(live_server, page, days_from_today):
    event = live_event(days_from_today)
    visit(page, live_server, f"/events/{event.slug}/")
    expect(page.locator("article.slot")).to_have_count(3)
    expect(page.locator("article.slot--now")).to_have_count(0)
    expect(page.get_by_role("link", name="Jump to now")).to_have_count(0)


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)
    return Event.objects.get()


@pytest.fixture
def new_york_page(chromium):
    """A visitor in New York, six hours behind Geneva in October."""
    context = chromium.new_context(
        viewport={"width": 1280, "height": 900}, locale="en-US", timezone_id="America/New_York"
    )
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def test_times_switch_to_the_visitors_zone_and_back(live_server, new_york_page, demo):
    page = new_york_page
    errors = visit(page, live_server, f"/events/{demo.slug}/")
    first = page.locator(".programme .slot-time time").first
    expect(first).to_have_text("10:00")
    expect(page.locator(".time-zone-note").first).to_contain_text("Geneva")
    page.get_by_role("button", name="Show times in my time zone (America/New_York)").click()
    expect(first).to_have_text("04:00")
    expect(page.locator(".time-zone-note").first).to_contain_text("America/New_York")
    # The choice is remembered in this browser.
    page.reload()
    expect(page.locator(".programme .slot-time time").first).to_have_text("04:00")
    page.get_by_role("button", name="Show times in the event's time zone").click()
    expect(page.locator(".programme .slot-time time").first).to_have_text("10:00")
    assert errors == []


def test_the_page_without_scripts_keeps_the_events_zone(live_server, chromium, demo):
    context = chromium.new_context(java_script_enabled=False, timezone_id="America/New_York")
    page = context.new_page()
    page.goto(f"{live_server.url}/en/events/{demo.slug}/")
    expect(page.locator(".programme .slot-time time").first).to_have_text("10:00")
    expect(page.locator(".zone-button")).to_have_count(0)
    expect(page.locator(".star-button")).to_have_count(0)
    context.close()


def star_three(page):
    stars = page.locator("article.slot .star-button")
    for index in (0, 2, 4):
        stars.nth(index).click()
        expect(stars.nth(index)).to_have_attribute("aria-pressed", "true")


def test_three_starred_slots_download_as_one_calendar(live_server, page, demo):
    errors = visit(page, live_server, f"/events/{demo.slug}/")
    agenda = page.locator("#my-agenda")
    expect(agenda).to_be_visible()
    expect(agenda.locator(".my-agenda__slots li")).to_have_count(0)
    star_three(page)
    expect(agenda.locator(".my-agenda__slots li")).to_have_count(3)
    # Kept in this browser: still starred after a reload, and no cookie was set.
    page.reload()
    expect(page.locator('.star-button[aria-pressed="true"]')).to_have_count(3)
    assert page.context.cookies() == []
    download = agenda.get_by_role("link", name="Download (.ics)")
    href = download.get_attribute("href")
    assert "/en/events/idm-2018-second-session/agenda.ics?slots=" in href
    subscribe = agenda.get_by_role("link", name="Subscribe in your calendar")
    assert subscribe.get_attribute("href").startswith("webcal://")
    response = page.request.get(href)
    assert response.status == 200
    calendar = icalendar.Calendar.from_ical(response.body())
    titles = [str(vevent["SUMMARY"]) for vevent in calendar.walk("VEVENT")]
    assert len(titles) == 3
    listed = [
        text.split(" ", 1)[1] for text in agenda.locator(".my-agenda__slots li").all_inner_texts()
    ]
    assert [title.split(":")[0] for title in titles] == [text.split(":")[0] for text in listed]
    # Unstarring one takes it out of the address.
    page.locator('.star-button[aria-pressed="true"]').first.click()
    expect(agenda.locator(".my-agenda__slots li")).to_have_count(2)
    assert errors == []


def test_share_copies_the_slots_own_address(live_server, chromium, demo):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    visit(page, live_server, f"/events/{demo.slug}/")
    slot = Slot.objects.filter(day__event=demo).order_by("day__date", "order").first()
    page.locator(f"#{slot.anchor} .share-button").click()
    expect(page.locator(f"#{slot.anchor} .share-status")).to_have_text("Address copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{live_server.url}/en/events/{demo.slug}/sessions/{slot.pk}/"
    context.close()


def new_pages(demo):
    slot = Slot.objects.filter(day__event=demo, appearances__isnull=False).order_by("order").first()
    person = Person.objects.get(family_names="Arbour")
    # A cancelled slot, struck through on the programme and listed on the changes page.
    cancelled = Slot.objects.filter(day__event=demo).order_by("order").last()
    cancelled.cancelled, cancelled.cancellation_note = True, "Postponed to the next session"
    cancelled.save()
    ChangeEntry.objects.update(publish_at=F("created_at"))  # "publish now", as staff may
    assert ChangeEntry.objects.public().count() == 1
    return {
        "programme-starred": f"/events/{demo.slug}/",
        "slot-page": f"/events/{demo.slug}/sessions/{slot.pk}/",
        "person-share": f"/speakers/{person.slug}/",
        "now": f"/events/{demo.slug}/now/",
        "changes": f"/events/{demo.slug}/changes/",
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_new_pages_meet_wcag_21_aa_in_each_language(
    live_server, new_york_page, screenshot, demo, language
):
    page = new_york_page
    problems, errors = {}, []
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and not message.text.startswith("Failed to load resource")  # the favicon
            and errors.append(message.text)
        ),
    )
    for name, path in new_pages(demo).items():
        page.set_viewport_size({"width": 1280, "height": 900})
        response = page.goto(f"{live_server.url}/{language}{path}")
        assert response.status == 200, path
        expect(page.locator("h1")).to_have_count(1)
        if name == "programme-starred":
            star_three(page)
            page.locator(".zone-button").click()
            expect(page.locator("#my-agenda .my-agenda__slots li")).to_have_count(3)
        for width in (1280, 375):
            page.set_viewport_size({"width": width, "height": 900})
            results = Axe().run(page, options=WCAG_21_AA)
            if results.response["violations"]:
                problems[f"{name} at {width}px"] = results.generate_report()
            overflow = page.evaluate("document.documentElement.scrollWidth")
            assert overflow <= width, f"{name} scrolls sideways at {width}px ({overflow}px)"
        screenshot(page, f"live15-{name}-{language}")
    assert problems == {}, "\n\n".join(f"{where}: {report}" for where, report in problems.items())
    assert errors == []
