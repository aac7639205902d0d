"""The programme editor in Chromium: a secretariat officer builds the IDM 2019 first session
from an empty event through the editor alone, counting every click and key press outside
typing the text itself; axe finds no WCAG 2.1 AA problem on the editor in three languages;
nothing scrolls sideways at 1024 px. Screenshots go to docs/screenshots/."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import expect

from conference.enums import EventStatus
from conference.models import Event
from documents.models import Document
from programme.models import Appearance, Slot
from tests.browser.conftest import REPOSITORY
from tests.factories import PDF_BYTES, EventFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "Geneva-plenary-2018!"
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
SCREENSHOTS = REPOSITORY / "docs" / "screenshots"
NARROW = {"width": 1024, "height": 900}
MAX_ACTIONS = 25


class Counted:
    """Clicks and key presses, counted; typing text into the focused field is not."""

    def __init__(self, page):
        self.page = page
        self.log = []

    @property
    def count(self):
        return len(self.log)

    def click(self, locator, what):
        locator.click()
        self.log.append(f"click {what}")

    def press(self, key):
        self.page.keyboard.press(key)
        self.log.append(f"key {key}")

    def select(self, locator, label):
        locator.select_option(label=label)
        self.log.append(f"choose {label}")

    def choose_file(self, locator, path, what):
        with self.page.expect_file_chooser() as chooser:
            locator.click()
        chooser.value.set_files(str(path))
        self.log.append(f"click {what} and pick a file")

    def type(self, text):
        self.page.keyboard.type(text)


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#login-form [type=submit]").click()
    expect(page.locator("#user-tools")).to_be_visible()


def no_horizontal_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.viewport_size["width"]
    assert width <= viewport, f"the editor scrolls sideways: {width}px at {viewport}px"


def saved(page, text):
    """Wait until htmx has swapped in the programme that says this change was saved."""
    expect(page.locator(".editor-messages")).to_contain_text(text)


def test_build_the_idm_2019_first_session_through_the_editor_alone(live_server, page, tmp_path):
    UserFactory(
        username="secretariat", password=PASSWORD, is_staff=True, groups=["Secretariat editors"]
    )
    event = EventFactory(
        series=None,
        title="International Dialogue on Migration 2019",
        slug="idm-2019-first-session",
        edition="First session",
        description="",
        venue="United Nations Headquarters",
        city="New York",
        country="US",
        time_zone="America/New_York",
        start_date=datetime.date(2019, 2, 26),
        end_date=datetime.date(2019, 2, 26),
    )
    remarks = tmp_path / "vitorino-remarks.pdf"
    remarks.write_bytes(PDF_BYTES)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(NARROW)
    log_in(page, live_server, "secretariat")

    loads, popups = [], []
    page.on("load", lambda: loads.append(page.url))
    page.on("popup", lambda popup: popups.append(popup.url))
    act = Counted(page)
    editor_url = f"{live_server.url}/admin/conference/event/{event.pk}/programme/"
    page.goto(editor_url)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Programme of International")
    no_horizontal_scroll(page)
    page.screenshot(path=str(SCREENSHOTS / "editor-empty.png"), full_page=True)

    # The day: its date is already the event's first day.
    act.click(page.get_by_role("button", name="Add day"), "Add day")
    saved(page, "added the day")
    expect(page.get_by_role("heading", name="Tuesday 26 February 2019")).to_be_visible()

    def add_slot(times, title, *, first=False):
        if first:
            # The editor moves the keyboard to the new day's slot form: wait for it, so that
            # no keystroke lands before the focus does (it did on a loaded machine).
            expect(page.get_by_label("Time").last).to_be_focused()
        else:
            act.click(page.get_by_label("Time").last, "the new slot's time")
        act.type(times)
        act.press("Tab")
        act.type(title)
        act.press("Enter")
        saved(page, f"added the slot “{times.split('–')[0]}")

    def add_person(name, designation, role=None):
        # The editor moves the keyboard to the slot's "Add a person" name field.
        expect(page.locator(".editor-person-name:focus")).to_have_count(1)
        act.type(name)
        act.press("Tab")
        act.type(designation)
        if role:
            form = page.locator("form.editor-add--person", has=page.locator(":focus"))
            act.select(form.get_by_label("Role"), role)
            act.click(form.get_by_role("button", name="Add person"), "Add person")
        else:
            act.press("Enter")
        saved(page, "added")
        expect(page.locator(".editor-person-name:focus")).to_have_count(1)

    # The keyboard is on the new day's first slot, then on each new slot's first person.
    add_slot("10:00–10:30", "Opening remarks", first=True)
    add_person(
        "Mr. António Vitorino",
        "Director General, International Organization for Migration (IOM)",
        role="Speaker",
    )
    add_slot("10:30–13:00", "Session 1: Youth as agents of change in migration governance")
    page.screenshot(path=str(SCREENSHOTS / "editor-half-built.png"), full_page=True)
    add_person("Ms. Amina Okonkwo", "Youth Envoy, African Union Commission")  # the moderator
    add_person("Mr. Tomás Villanueva", "Minister of Youth, Ecuador")
    add_person("Dr. Leila Haddad", "Professor of Migration Studies, University of Beirut")
    add_slot("13:00–13:15", "Closing remarks")

    # The video of the panel, and the Director General's remarks.
    panel = page.locator(".editor-slot", has_text="Youth as agents of change")
    act.click(panel.locator("summary", has_text="Edit slot, video, documents"), "Edit slot")
    act.click(panel.get_by_label("Video of the session"), "the video field")
    act.type("https://video.example.org/idm-2019-first-session")
    act.press("Enter")
    saved(page, "changed the slot")
    vitorino = page.locator(".editor-appearance", has_text="António Vitorino")
    act.click(vitorino.locator("summary"), "Edit Vitorino")
    act.choose_file(vitorino.get_by_label("File"), remarks, "File")
    saved(page, "attached “Remarks”")

    act.click(page.get_by_role("button", name="Publish"), "Publish")
    saved(page, "published the event")
    no_horizontal_scroll(page)

    print(f"\nEditor: {act.count} clicks and key presses outside typing the text:")
    for number, action in enumerate(act.log, 1):
        print(f"  {number:2}. {action}")
    print(f"Page loads of the editor: {loads.count(editor_url)}; pop-up windows: {len(popups)}")
    assert act.count <= MAX_ACTIONS
    assert loads.count(editor_url) == 1
    assert popups == []

    # What was stored, and what the public sees.
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED
    assert list(Slot.objects.values_list("title", flat=True)) == [
        "Opening remarks",
        "Session 1: Youth as agents of change in migration governance",
        "Closing remarks",
    ]
    assert Appearance.objects.filter(role__name="Moderator").count() == 1
    assert Appearance.objects.filter(role__name="Speaker").count() == 3
    assert Document.objects.get().appearance.person.family_names == "Vitorino"

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/en/events/idm-2019-first-session/")
    main = page.locator("main")
    expect(main).to_contain_text("10:30")
    expect(main).to_contain_text("Moderator: Ms. Amina Okonkwo, Youth Envoy, African Union")
    expect(main).to_contain_text("Dr. Leila Haddad, Professor of Migration Studies")
    expect(main.get_by_role("link", name="Video of the session")).to_have_attribute(
        "href", "https://video.example.org/idm-2019-first-session"
    )
    expect(main.locator(".document-link").first).to_contain_text("Remarks")


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_editor_meets_wcag_21_aa_and_fits_1024_px(live_server, chromium, language):
    UserFactory(username="secretariat", password=PASSWORD, is_staff=True, is_superuser=True)
    call_command("load_demo", verbosity=0)
    event = Event.objects.get()
    context = chromium.new_context(viewport=NARROW, locale=language)
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors = []
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and not message.text.startswith("Failed to load resource")  # /favicon.ico
            and errors.append(message.text)
        ),
    )
    log_in(page, live_server, "secretariat")
    page.goto(f"{live_server.url}/admin/conference/event/{event.pk}/programme/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    no_horizontal_scroll(page)
    if language == "en":
        page.set_viewport_size({"width": 1280, "height": 1000})
        page.screenshot(path=str(SCREENSHOTS / "editor-demo.png"))
        page.set_viewport_size(NARROW)

    # Every form open, suggestions shown: everything a keyboard user reaches is checked.
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    no_horizontal_scroll(page)
    name = page.locator(".editor-person-name").first
    name.fill("Arb")
    expect(page.locator(".editor-suggestions [role=option]").first).to_be_visible()
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.response["violations"] == [], results.generate_report()
    assert errors == []  # nothing the content security policy refused, no script error
    context.close()
