"""The issue's whole path in a browser: staff generate links for a slot, a speaker corrects
the title and sends remarks from a phone, staff e-mail the links and accept both, and the
public sees the title at once and the remarks when the slot starts, even on a page cached
before."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from core.cache import event_key
from documents.embargo import documents_of_slot, refresh_embargo_lifts
from programme.models import Slot
from tests.factories import PDF_BYTES, UserFactory
from tests.programme.contribution_helpers import future_programme

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "Geneva-plenary-2018!"
NEW_TITLE = "Minister of Labour, Employment and Social Protection"


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#login-form [type=submit]").click()
    expect(page.locator("#user-tools")).to_be_visible()


def run_slot_action(page, live_server, slot, action):
    page.goto(f"{live_server.url}/admin/programme/slot/?day__event={slot.day.event_id}")
    page.locator(f"input.action-select[value='{slot.pk}']").check()
    page.locator("select[name=action]").select_option(action)
    page.locator("button[name=index]").click()


def move_slot_to(slot, moment):
    """Retime the slot as if its start had come: no save signal bumps the page generations,
    as none does when the clock reaches an embargo; only the lift moments follow the slot."""
    local = moment.astimezone(slot.day.event.tzinfo)
    start = local.time().replace(second=0, microsecond=0)
    slot.day.__class__.objects.filter(pk=slot.day_id).update(date=local.date())
    Slot.objects.filter(pk=slot.pk).update(start_time=start, end_time=None)
    refresh_embargo_lifts(documents_of_slot(slot))


def test_from_personal_links_to_remarks_published_at_delivery(
    live_server, chromium, screenshot, tmp_path
):
    event, slot, first, _second = future_programme()
    UserFactory(
        username="officer", password=PASSWORD, is_staff=True, groups=["Secretariat editors"]
    )
    staff = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    speaker = chromium.new_context(viewport={"width": 375, "height": 800}, locale="en-GB")
    visitor = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    for context in (staff, speaker, visitor):
        context.set_default_timeout(30_000)  # a long path on a shared, busy machine
    officer, phone, public = staff.new_page(), speaker.new_page(), visitor.new_page()

    # Staff generate the links of the slot and copy the first speaker's.
    sign_in(officer, live_server, "officer")
    run_slot_action(officer, live_server, slot, "generate_links_for_slots")
    row = officer.locator("tr", has_text=first.person.full_name)
    address = row.locator("code.personal-link").inner_text()
    assert "/en/contribute/" in address

    # The speaker opens it on a phone, proposes a new title and sends remarks.
    phone.goto(address)
    expect(phone.locator("h1")).to_have_text("Your contribution")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    phone.locator("summary", has_text="Propose a correction").click()
    phone.locator("#id_position").fill(NEW_TITLE)
    phone.get_by_role("button", name="Send the correction").click()
    expect(phone.locator(".contribute__messages")).to_contain_text("check your correction")
    remarks = tmp_path / "remarks.pdf"
    remarks.write_bytes(PDF_BYTES)
    phone.locator("#id_file").set_input_files(str(remarks))
    expect(phone.locator("#id_publish_0")).to_be_checked()  # remarks: when delivered
    phone.get_by_role("button", name="Send the document").click()
    expect(phone.locator(".contribute__documents li")).to_contain_text("Check against delivery")
    screenshot(phone, "speaker-page")

    # Nothing is public yet.
    programme_address = f"{live_server.url}{event.get_absolute_url()}"
    public.goto(programme_address)
    expect(public.locator("main")).not_to_contain_text(NEW_TITLE)

    # From the checklist, staff e-mail everyone of the slot their link; the checklist logs it.
    checklist_address = f"{live_server.url}/en/events/{event.slug}/checklist/"
    officer.goto(checklist_address)
    officer.get_by_role("button", name="E-mail everyone their link").click()
    expect(officer.locator("#content")).to_contain_text("2 messages sent.")
    officer.goto(checklist_address)
    expect(officer.locator("table").first).to_contain_text("Personal link (EN)")
    expect(officer.locator("table").first).to_contain_text("received, awaiting review")
    screenshot(officer, "checklist")

    # Staff accept both in one action on the slot.
    run_slot_action(officer, live_server, slot, "accept_all_in_slots")
    expect(officer.locator(".messagelist")).to_contain_text("2 items accepted.")

    # The new title is public at once; the remarks wait for the slot's start.
    document = first.documents.get()
    document_link = f"a[href='{document.get_absolute_url()}']"
    public.goto(programme_address)
    expect(public.locator("main")).to_contain_text(NEW_TITLE)
    expect(public.locator(document_link)).to_have_count(0)
    public.reload()  # now served from the page cache, rendered before the lift
    expect(public.locator(document_link)).to_have_count(0)
    response = public.request.get(f"{live_server.url}{document.get_absolute_url()}")
    assert response.status == 404

    # The slot's start comes: the cached page shows the remarks without anyone saving.
    generation = cache.get(event_key(event.slug))
    move_slot_to(slot, timezone.now() - datetime.timedelta(minutes=2))
    assert cache.get(event_key(event.slug)) == generation  # the move bumped nothing
    public.reload()
    expect(public.locator(document_link)).to_have_count(1)
    assert cache.get(event_key(event.slug)) != generation  # the lift did
    response = public.request.get(f"{live_server.url}{document.get_absolute_url()}")
    assert response.status == 200
    assert response.body().startswith(b"%PDF")
    for context in (staff, speaker, visitor):
        context.close()
