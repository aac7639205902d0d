"""A speaker's biography and photo, and accepting all a slot's speakers sent in one action."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from reversion.models import Version

from programme.contribution_models import (
    DesignationProposal,
    DocumentSubmission,
    ProfileSubmission,
)
from programme.contributions import reject
from programme.enums import ReviewStatus
from tests.factories import PDF_BYTES, jpeg_bytes
from tests.pages import page_text
from tests.programme.contribution_helpers import contribute_url, future_programme, link_for

pytestmark = pytest.mark.django_db

BIOGRAPHY = "Amina Ndiaye has led Senegal's labour ministry since 2017."


@pytest.fixture
def programme():
    return future_programme()


def photo(content=None, name="portrait.jpg"):
    return SimpleUploadedFile(name, content or jpeg_bytes(), content_type="image/jpeg")


def send_profile(client, appearance, **data):
    return client.post(
        contribute_url(link_for(appearance)), {"action": "profile", **data}, follow=True
    )


def test_a_biography_and_photo_wait_for_review(client, admin_client, programme):
    event, _slot, first, _second = programme
    response = send_profile(client, first, biography=BIOGRAPHY, photo=photo())
    assert "the secretariat will check your biography and photo" in page_text(response)
    assert "Biography and photo: Awaiting review" in page_text(response)
    submission = ProfileSubmission.objects.get()
    assert submission.photo.name.startswith("submissions/photos/")
    first.person.refresh_from_db()
    assert not first.person.biography
    assert not first.person.photo
    assert BIOGRAPHY not in page_text(client.get(first.person.get_absolute_url()))
    checklist = page_text(admin_client.get(f"/en/events/{event.slug}/checklist/"))
    assert checklist.count("received, awaiting review") == 2  # biography, photo


def test_once_accepted_they_are_the_persons(client, admin_client, programme):
    event, _slot, first, _second = programme
    send_profile(client, first, biography=BIOGRAPHY, photo=photo())
    submission = ProfileSubmission.objects.get()
    photo_page = admin_client.get(f"/admin/programme/profilesubmission/{submission.pk}/photo/")
    assert photo_page["Content-Type"] == "image/jpeg"
    assert (
        client.get(f"/admin/programme/profilesubmission/{submission.pk}/photo/").status_code == 302
    )
    admin_client.post(
        "/admin/programme/profilesubmission/",
        {"action": "accept", "_selected_action": [submission.pk]},
    )
    first.person.refresh_from_db()
    assert first.person.biography == BIOGRAPHY
    assert first.person.photo.name.startswith("people/")
    with first.person.photo.open("rb") as stored:
        assert Image.open(stored).format == "JPEG"
    assert BIOGRAPHY in page_text(client.get(first.person.get_absolute_url()))
    version = Version.objects.get_for_object(first.person).first()
    assert "Accepted the biography and photo" in version.revision.comment
    checklist = page_text(admin_client.get(f"/en/events/{event.slug}/checklist/"))
    assert "received, awaiting review" not in checklist


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"photo": SimpleUploadedFile("me.jpg", PDF_BYTES)}, "JPEG, PNG or WebP"),
        ({"photo": SimpleUploadedFile("me.jpg", b"\xff\xd8\xff" + b"0" * 64)}, "JPEG, PNG"),
        ({"photo": "big"}, "the largest accepted is"),
        ({"biography": "  "}, "Write a short biography or choose a photo"),
    ],
    ids=["pdf-named-jpg", "broken-jpeg", "too-large", "nothing"],
)
def test_photos_get_the_checks_of_staff_uploads(client, settings, programme, data, message):
    if data.get("photo") == "big":
        settings.IMAGE_MAX_UPLOAD_SIZE = 100
        data = {"photo": photo()}
    first = programme[2]
    response = send_profile(client, first, **data)
    assert message in page_text(response)
    assert not ProfileSubmission.objects.exists()


def test_accept_all_for_a_slot_accepts_every_pending_item_with_its_history(
    client, admin_client, programme
):
    _event, slot, first, second = programme
    client.post(
        contribute_url(link_for(first)),
        {"action": "designation", "family_names": first.person.family_names, "position": "Chair"},
    )
    send_profile(client, first, biography=BIOGRAPHY)
    client.post(
        contribute_url(link_for(second)),
        {
            "action": "upload",
            "kind": "remarks",
            "language": "en",
            "publish": "now",
            "file": SimpleUploadedFile("r.pdf", PDF_BYTES, content_type="application/pdf"),
        },
    )
    elsewhere = future_programme()[2]
    client.post(
        contribute_url(link_for(elsewhere)),
        {"action": "designation", "family_names": "Elsewhere"},
    )
    response = admin_client.post(
        "/admin/programme/slot/",
        {"action": "accept_all_in_slots", "_selected_action": [slot.pk]},
        follow=True,
    )
    assert "3 items accepted." in page_text(response)
    for model in (DesignationProposal, DocumentSubmission, ProfileSubmission):
        item = model.objects.filter(appearance__slot=slot).get()
        assert item.status == ReviewStatus.ACCEPTED
        assert item.reviewed_by.username == "admin"
    assert DesignationProposal.objects.get(appearance=elsewhere).status == ReviewStatus.PENDING
    first.refresh_from_db()
    assert first.position == "Chair"
    assert DocumentSubmission.objects.get().document.is_public
    comments = [version.revision.comment for version in Version.objects.all()]
    assert sum("Accepted the" in comment for comment in set(comments)) == 3


def test_a_rejected_photo_is_deleted(client, programme, superuser):
    first = programme[2]
    send_profile(client, first, photo=photo())
    submission = ProfileSubmission.objects.get()
    storage, name = submission.photo.storage, submission.photo.name
    assert storage.exists(name)
    reject(submission, superuser)
    assert not storage.exists(name)
    assert ProfileSubmission.objects.get().status == ReviewStatus.REJECTED
