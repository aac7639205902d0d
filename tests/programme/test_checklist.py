"""The staff checklist of an event: per appearance, what has come in and what is missing."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from programme.contribution_models import ContributionLink
from tests.factories import PDF_BYTES
from tests.pages import page_text
from tests.programme.contribution_helpers import contribute_url, future_programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(client):
    event, slot, first, second = future_programme()
    _link, token = ContributionLink.issue(first)
    client.post(
        contribute_url(token),
        {
            "action": "upload",
            "kind": "remarks",
            "language": "en",
            "file": SimpleUploadedFile("r.pdf", PDF_BYTES, content_type="application/pdf"),
        },
    )
    return event, slot, first, second


def test_staff_see_what_each_speaker_sent_and_what_is_missing(admin_client, programme):
    event, _slot, first, second = programme
    response = admin_client.get(reverse("public:event-checklist", args=[event.slug]))
    text = page_text(response)
    assert "3 items still missing." in text  # two designations, one document
    assert "Remarks (EN): received, awaiting review" in text
    assert "Remarks (EN): missing" in text
    assert "Used" in text  # first's link
    ContributionLink.issue(first)  # a message carries a new link: what was used still shows
    text = page_text(admin_client.get(reverse("public:event-checklist", args=[event.slug])))
    assert "Used" in text
    assert "Never opened" not in text
    assert "no link" in text  # second has none
    assert first.person.full_name in text
    assert second.person.full_name in text


def test_the_checklist_filters_and_exports(admin_client, programme):
    event, _slot, _first, second = programme
    address = reverse("public:event-checklist-csv", args=[event.slug])
    csv_text = b"".join(admin_client.get(address).streaming_content).decode("utf-8-sig")
    assert csv_text.splitlines()[0] == (
        "date,start,slot,person,role,designation,biography,photo,documents,link,messages,missing"
    )
    assert f"{second.person.full_name},Speaker,not confirmed" in csv_text


@pytest.mark.parametrize("name", ["event-checklist", "event-checklist-csv"])
def test_visitors_never_see_the_checklist(client, programme, name):
    event = programme[0]
    response = client.get(reverse(f"public:{name}", args=[event.slug]))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_staff_act_on_a_slot_from_the_checklist(admin_client, viewer, client, programme):
    event, slot, _first, second = programme
    page = admin_client.get(reverse("public:event-checklist", args=[event.slug]))
    text = page_text(page)
    assert "Send reminders to those missing something" in text
    assert "Accept everything sent for this slot" in text
    # The buttons post to the slot list's actions, as the browser submits them.
    response = admin_client.post(
        "/admin/programme/slot/",
        {"action": "send_reminders", "index": "0", "_selected_action": str(slot.pk)},
    )
    assert "2 messages sent." in page_text(response)
    assert {message.to[0] for message in mail.outbox} == {
        programme[2].person.email,
        second.person.email,
    }
    client.force_login(viewer)
    viewer_page = page_text(client.get(reverse("public:event-checklist", args=[event.slug])))
    assert "Send reminders" not in viewer_page
