"""The speaker's page on a phone: readable at 375 px, axe-clean, and both forms work."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from programme.contribution_models import DesignationProposal, DocumentSubmission
from programme.enums import ReviewStatus
from tests.factories import PDF_BYTES, UserFactory
from tests.programme.contribution_helpers import contribute_url, future_programme, link_for

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PASSWORD = "Geneva-plenary-2018!"


def assert_readable(page, name):
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        results = Axe().run(page, options=WCAG_21_AA)
        assert results.response["violations"] == [], results.generate_report()
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= width, f"{name} scrolls sideways at {width}px ({overflow}px)"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_speaker_corrects_the_title_and_sends_remarks_from_a_phone(
    live_server, page, screenshot, tmp_path, language
):
    _event, _slot, first, _second = future_programme()
    errors = []
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and not message.text.startswith("Failed to load resource")  # the favicon
            and errors.append(message.text)
        ),
    )
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}{contribute_url(link_for(first), language)}")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("h1")).to_have_count(1)
    assert_readable(page, "contribute")
    screenshot(page, f"contribute-{language}")

    page.locator("summary").first.click()
    page.locator("#id_position").fill("Minister of Labour and Employment")
    page.locator("form.contribute__form button[type=submit]").first.click()
    expect(page.locator(".contribute__messages")).to_be_visible()

    remarks = tmp_path / "remarks.pdf"
    remarks.write_bytes(PDF_BYTES)
    page.locator("#id_file").set_input_files(str(remarks))
    page.locator("form.contribute__form button[type=submit]").last.click()
    expect(page.locator(".contribute__documents li")).to_have_count(1)
    assert_readable(page, "contribute after sending")

    proposal = DesignationProposal.objects.get()
    assert proposal.position == "Minister of Labour and Employment"
    assert proposal.status == ReviewStatus.PENDING
    submission = DocumentSubmission.objects.get()
    assert submission.publish == "delivered"
    assert not submission.document.is_public
    assert errors == []  # a Content Security Policy refusal would be reported here


def test_the_staff_checklist_reads_on_a_phone(live_server, page, screenshot):
    event, _slot, _first, _second = future_programme()
    UserFactory(
        username="officer", password=PASSWORD, is_staff=True, groups=["Secretariat editors"]
    )
    address = f"/en/events/{event.slug}/checklist/"
    page.goto(f"{live_server.url}/admin/login/?next={address}")
    page.locator("#id_username").fill("officer")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#login-form [type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}{address}")
    expect(page.locator("table").first).to_be_visible()
    expect(page.locator(".checklist__actions button")).to_have_count(3)
    assert_readable(page, "checklist")
    screenshot(page, "checklist-en")
