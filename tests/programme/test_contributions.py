"""Personal links: what a speaker sees and sends, and what the secretariat lets through."""

import datetime
import re

import pytest
import reversion
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from documents.models import Document
from programme.contribution_models import (
    ContributionLink,
    DesignationProposal,
    DocumentSubmission,
    hash_token,
)
from programme.contributions import accept, reject
from programme.enums import LinkState, ReviewStatus
from public.contribute_views import ATTEMPT_LIMIT
from tests.factories import PDF_BYTES, AppearanceFactory, EventFactory, SlotFactory
from tests.pages import page_text
from tests.programme.contribution_helpers import contribute_url, future_programme, link_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    return future_programme()


def pdf(name="remarks.pdf", content=PDF_BYTES):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


# Links ---------------------------------------------------------------------------------------


def test_staff_generate_links_for_a_slot_and_see_each_address_once(admin_client, programme):
    _event, slot, first, second = programme
    response = admin_client.post(
        "/admin/programme/slot/",
        {"action": "generate_links_for_slots", "_selected_action": [slot.pk]},
    )
    text = page_text(response)
    assert "shown only this once" in text
    assert first.person.full_name in text
    assert second.person.full_name in text
    addresses = re.findall(r"http://testserver/en/contribute/[\w-]+/", response.content.decode())
    assert len(addresses) == 2
    token = addresses[0].rstrip("/").rsplit("/", 1)[1]
    stored = ContributionLink.objects.get(token_hash=hash_token(token))
    assert stored.token_hash != token  # only the fingerprint is kept
    assert not ContributionLink.objects.filter(token_hash=token).exists()
    assert stored.valid_until == slot.day.event.end_date + datetime.timedelta(days=30)
    assert "no-store" in response["Cache-Control"]


def test_staff_generate_links_for_a_whole_event(admin_client, programme):
    event, _slot, _first, _second = programme
    admin_client.post(
        "/admin/conference/event/",
        {"action": "generate_links_for_events", "_selected_action": [event.pk]},
    )
    assert ContributionLink.objects.filter(appearance__slot__day__event=event).count() == 2


def test_a_link_shows_its_appearance_and_nothing_of_the_other_speaker(client, programme):
    event, _slot, first, second = programme
    response = client.get(contribute_url(link_for(first)))
    text = page_text(response)
    assert event.title in text
    assert "Panel on labour mobility" in text
    assert "10:00" in text
    assert "Europe/Zurich" in text
    assert "Speaker" in text
    assert f"{first.person.full_name}, Minister of Labour" in text
    assert second.person.family_names not in response.content.decode()
    assert "Ambassador" not in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]


def test_the_page_comes_in_the_language_of_its_address(client, programme):
    token = link_for(programme[2])
    response = client.get(contribute_url(token, "fr"))
    assert '<html lang="fr"' in response.content.decode()


@pytest.mark.parametrize(
    ("prepare", "status", "message"),
    [
        (lambda link: None, 404, "This link is not known"),
        (
            lambda link: ContributionLink.objects.filter(pk=link.pk).update(
                revoked_at=timezone.now()
            ),
            410,
            "This link has been withdrawn",
        ),
        (
            lambda link: ContributionLink.objects.filter(pk=link.pk).update(
                valid_until=timezone.localdate() - datetime.timedelta(days=1)
            ),
            410,
            "This link has expired",
        ),
    ],
    ids=["unknown", "revoked", "expired"],
)
def test_refused_links_explain_and_reveal_nothing(client, programme, prepare, status, message):
    _event, _slot, first, _second = programme
    link, token = ContributionLink.issue(first)
    prepare(link)
    altered = ("y" if token[0] == "x" else "x") + token[1:]  # never the token itself
    address = contribute_url(altered if status == 404 else token)
    response = client.get(address)
    assert response.status_code == status
    html = response.content.decode()
    assert message in page_text(response)
    assert first.person.family_names not in html
    assert "Panel on labour mobility" not in html
    posted = client.post(address, {"action": "upload", "kind": "remarks", "file": pdf()})
    assert posted.status_code == status
    assert not DocumentSubmission.objects.exists()


def test_a_token_cannot_reach_another_appearance(client, programme):
    _event, _slot, first, second = programme
    token = link_for(first)
    client.post(
        contribute_url(token),
        {
            "action": "designation",
            "family_names": "Changed",
            "appearance": second.pk,
            "appearance_id": second.pk,
        },
    )
    proposal = DesignationProposal.objects.get()
    assert proposal.appearance == first


def test_guessing_is_rate_limited_per_address(client, programme):
    token = link_for(programme[2])
    for attempt in range(ATTEMPT_LIMIT):
        assert client.get(contribute_url(f"guess-{attempt}")).status_code == 404
    blocked = client.get(contribute_url(token))
    assert blocked.status_code == 429
    assert "Too many attempts" in page_text(blocked)
    other = client.get(contribute_url(token), REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200


def test_the_link_says_whether_it_was_opened_and_used(client, programme):
    link, token = ContributionLink.issue(programme[2])
    assert link.state == LinkState.NEVER_OPENED
    client.get(contribute_url(token))
    link.refresh_from_db()
    assert link.state == LinkState.OPENED
    client.post(contribute_url(token), {"action": "designation", "family_names": "Ndiaye"})
    link.refresh_from_db()
    assert link.state == LinkState.USED


# What the speaker sends ----------------------------------------------------------------------


def test_a_proposed_designation_is_stored_not_applied(client, programme):
    _event, _slot, first, _second = programme
    token = link_for(first)
    response = client.post(
        contribute_url(token),
        {
            "action": "designation",
            "honorific": "H.E.",
            "given_names": "Amina",
            "family_names": "Ndiaye",
            "position": "Minister of Labour and Employment",
            "organisation": "Government of Senegal",
            "country": "SN",
        },
        follow=True,
    )
    assert "the secretariat will check your correction" in page_text(response)
    first.refresh_from_db()
    assert first.position == "Minister of Labour"
    proposal = DesignationProposal.objects.get()
    assert proposal.status == ReviewStatus.PENDING
    assert proposal.position == "Minister of Labour and Employment"


def test_an_upload_fills_the_placeholder_and_stays_hidden(client, programme):
    event, _slot, first, _second = programme
    placeholder = first.documents.get()
    response = client.post(
        contribute_url(link_for(first)),
        {"action": "upload", "kind": "remarks", "language": "en", "file": pdf()},
        follow=True,
    )
    assert "the secretariat will check your document" in page_text(response)
    placeholder.refresh_from_db()
    assert placeholder.file
    assert not placeholder.is_public
    assert placeholder.embargoed_until_delivered  # remarks wait for delivery by default
    assert Document.objects.filter(appearance=first).count() == 1
    assert client.get(placeholder.get_absolute_url()).status_code == 404
    programme_page = client.get(event.get_absolute_url()).content.decode()
    assert placeholder.get_absolute_url() not in programme_page


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("remarks.pdf", b"<html><script>alert(1)</script></html>"),
            "PDF, Word",
        ),
        (SimpleUploadedFile("remarks.exe", b"MZ\x90\x00" + b"\x00" * 200), "PDF, Word"),
        (pdf(content=PDF_BYTES + b"%" * 4096), "the largest accepted is"),
    ],
    ids=["html-named-pdf", "executable", "too-large"],
)
def test_uploads_get_the_checks_of_staff_uploads(client, settings, programme, upload, message):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = len(PDF_BYTES) + 1024
    first = programme[2]
    response = client.post(
        contribute_url(link_for(first)),
        {"action": "upload", "kind": "remarks", "language": "en", "file": upload},
    )
    assert message in page_text(response)
    assert not DocumentSubmission.objects.exists()
    assert not first.documents.get().file


# Review -------------------------------------------------------------------------------------


def send_designation(client, appearance, **fields):
    data = {"action": "designation", "family_names": appearance.person.family_names}
    client.post(contribute_url(link_for(appearance)), {**data, **fields})
    return DesignationProposal.objects.latest("pk")


def test_staff_see_the_proposal_as_a_diff_and_accept_it_for_this_appearance_only(
    admin_client, client, programme
):
    event, _slot, first, _second = programme
    earlier = AppearanceFactory(
        person=first.person,
        slot=SlotFactory(day__event=EventFactory(published=True)),
        position="Minister of Labour",
    )
    proposal = send_designation(
        client,
        first,
        honorific="H.E.",
        given_names=first.person.given_names,
        position="Minister of Labour and Employment",
    )
    listing_response = admin_client.get("/admin/programme/designationproposal/")
    listing = page_text(listing_response)
    assert "Minister of Labour → Minister of Labour and Employment" in listing
    admin_client.post(
        "/admin/programme/designationproposal/",
        {"action": "accept", "_selected_action": [proposal.pk]},
    )
    first.refresh_from_db()
    earlier.refresh_from_db()
    assert first.position == "Minister of Labour and Employment"
    assert first.honorific == "H.E."
    assert earlier.position == "Minister of Labour"  # another event keeps what it printed
    assert "Minister of Labour and Employment" in page_text(client.get(event.get_absolute_url()))
    version = Version.objects.get_for_object(first).first()
    assert version.revision.user.username == "admin"
    assert "Accepted the designation" in version.revision.comment
    proposal.refresh_from_db()
    assert proposal.status == ReviewStatus.ACCEPTED


def test_an_unknown_organisation_is_printed_as_proposed(client, programme, superuser):
    first = programme[2]
    proposal = send_designation(
        client, first, position="Adviser", organisation="Mission of Atlantis", country="CH"
    )
    accept(proposal, superuser)
    first.refresh_from_db()
    assert first.printed_designation == "Adviser, Mission of Atlantis, Switzerland"


def test_an_accepted_document_to_publish_now_is_public_at_once(admin_client, client, programme):
    event, _slot, first, _second = programme
    client.post(
        contribute_url(link_for(first)),
        {"action": "upload", "kind": "presentation", "language": "fr", "file": pdf()},
    )
    submission = DocumentSubmission.objects.get()
    document = submission.document
    assert submission.publish == "now"  # presentations are not held by default
    assert client.get(document.get_absolute_url()).status_code == 404
    admin_client.post(
        "/admin/programme/documentsubmission/",
        {"action": "accept", "_selected_action": [submission.pk]},
    )
    response = client.get(document.get_absolute_url())
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert document.get_absolute_url() in client.get(event.get_absolute_url()).content.decode()
    version = Version.objects.get_for_object(document).first()
    assert "Accepted the document" in version.revision.comment


def test_a_rejected_upload_puts_the_placeholder_back(client, programme, superuser):
    first = programme[2]
    client.post(
        contribute_url(link_for(first)),
        {"action": "upload", "kind": "remarks", "language": "en", "file": pdf()},
    )
    with reversion.create_revision():
        reject(DocumentSubmission.objects.get(), superuser)
    document = first.documents.get()
    assert document.is_placeholder
    assert DocumentSubmission.objects.get().status == ReviewStatus.REJECTED


def test_an_upload_awaiting_review_is_in_no_feed_search_or_export(client, programme):
    event, _slot, first, _second = programme
    client.post(
        contribute_url(link_for(first)),
        {"action": "upload", "kind": "presentation", "language": "en", "file": pdf()},
    )
    document = DocumentSubmission.objects.get().document
    document.title = "Slides awaiting review"
    document.save()
    slug = event.slug
    for name in ["event-detail", "event-ics", "event-frab-json", "event-frab-xml", "event-json"]:
        content = client.get(reverse(f"public:{name}", args=[slug])).content.decode()
        assert document.get_absolute_url() not in content, name
        assert "Slides awaiting review" not in content, name
    assert "Slides awaiting review" not in page_text(client.get("/en/search/?q=Slides"))
    export = client.get(reverse("public:event-export", args=[slug, "documents"]))
    assert "Slides awaiting review" not in export.content.decode()


def test_staff_revoke_a_link_and_it_answers_410(admin_client, client, programme):
    link, token = ContributionLink.issue(programme[2])
    assert client.get(contribute_url(token)).status_code == 200
    response = admin_client.post(
        "/admin/programme/contributionlink/",
        {"action": "revoke", "_selected_action": [link.pk]},
        follow=True,
    )
    assert "1 link revoked." in page_text(response)
    link.refresh_from_db()
    assert link.state == LinkState.REVOKED
    assert "This link has been withdrawn" in page_text(client.get(contribute_url(token)))
