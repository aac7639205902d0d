"""Admin action “Merge people”: pick the person to keep; nothing of the others is lost."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from documents.models import Document
from programme.merge import MergeError, merge_people, reversion_available
from programme.models import Appearance
from speakers.models import Person
from tests.factories import (
    AppearanceFactory,
    DocumentFactory,
    OrganisationFactory,
    PersonFactory,
    SlotFactory,
    role,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def duplicates():
    """“António Vitorino” (two appearances) and “Antonio Vitorino” (one, with more details)."""
    keep = PersonFactory(
        given_names="António",
        family_names="Vitorino",
        biography="",
        email="",
        phone="",
        organisation=None,
        gender="",
    )
    other = PersonFactory(
        given_names="Antonio",
        family_names="Vitorino",
        biography="Director General of IOM since 2018.",
        email="vitorino@example.org",
        phone="+41 22 717 91 11",
        organisation=OrganisationFactory(name="International Organization for Migration"),
        gender="male",
    )
    opening = SlotFactory(title="Opening Session")
    panel = SlotFactory(title="Session 1")
    closing = SlotFactory(title="Closing remarks")
    AppearanceFactory(slot=opening, person=keep, role=role("Speaker"))
    AppearanceFactory(slot=panel, person=keep, role=role("Moderator"))
    moved = AppearanceFactory(
        slot=closing, person=other, role=role("Speaker"), designation="Director General, IOM"
    )
    DocumentFactory(appearance=moved, title="Closing remarks – Antonio Vitorino")
    twin = AppearanceFactory(slot=opening, person=other, role=role("Speaker"))
    DocumentFactory(appearance=twin, title="Opening remarks – Antonio Vitorino")
    return keep, other


def test_appearances_and_documents_move_and_the_others_are_deleted(duplicates):
    keep, other = duplicates

    summary = merge_people(keep, [other])

    assert not Person.objects.filter(pk=other.pk).exists()
    titles = sorted(Appearance.objects.filter(person=keep).values_list("slot__title", flat=True))
    assert titles == ["Closing remarks", "Opening Session", "Session 1"]
    assert summary["moved"] == 1
    assert summary["combined"] == 1
    closing = Appearance.objects.get(person=keep, slot__title="Closing remarks")
    assert closing.designation == "Director General, IOM"
    assert closing.documents.get().title == "Closing remarks – Antonio Vitorino"


def test_the_same_role_in_the_same_slot_becomes_one_appearance_with_both_documents(duplicates):
    keep, other = duplicates
    merge_people(keep, [other])

    opening = Appearance.objects.filter(person=keep, slot__title="Opening Session")
    assert opening.count() == 1
    assert list(opening.get().documents.values_list("title", flat=True)) == [
        "Opening remarks – Antonio Vitorino"
    ]
    assert Document.objects.count() == 2


def test_empty_fields_of_the_kept_person_are_filled_from_the_others(duplicates):
    keep, other = duplicates
    merge_people(keep, [other])

    keep.refresh_from_db()
    assert keep.given_names == "António"  # kept: it was not empty
    assert keep.biography == "Director General of IOM since 2018."
    assert keep.email == "vitorino@example.org"
    assert keep.phone == "+41 22 717 91 11"
    assert keep.gender == "male"
    assert keep.organisation.name == "International Organization for Migration"


def test_merging_a_person_with_nobody_else_is_refused(duplicates):
    keep, _other = duplicates
    with pytest.raises(MergeError, match="at least two people"):
        merge_people(keep, [keep])


def test_nothing_changes_when_the_merge_fails_half_way(duplicates, monkeypatch):
    keep, other = duplicates

    def fail(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(Person, "delete", fail)
    with pytest.raises(RuntimeError):
        merge_people(keep, [other])

    assert Person.objects.filter(pk=other.pk).exists()
    assert Appearance.objects.filter(person=other).count() == 2
    keep.refresh_from_db()
    assert keep.email == ""


def merge_url(*people):
    return reverse("admin:speakers_person_merge") + "?ids=" + ",".join(str(p.pk) for p in people)


def test_the_action_leads_to_the_page_that_picks_the_person_to_keep(staff_client, duplicates):
    keep, other = duplicates
    response = staff_client.post(
        reverse("admin:speakers_person_changelist"),
        {"action": "merge_people", ACTION_CHECKBOX_NAME: [keep.pk, other.pk]},
    )
    assert response.status_code == 302
    page = staff_client.get(response["Location"]).content.decode()
    assert "Pick the person to keep" in page
    assert f'name="keep" value="{keep.pk}"' in page
    assert f'name="keep" value="{other.pk}"' in page
    assert Person.objects.count() == 2  # nothing merged before the choice


def test_the_action_needs_two_people(staff_client, duplicates):
    keep, _other = duplicates
    response = staff_client.post(
        reverse("admin:speakers_person_changelist"),
        {"action": "merge_people", ACTION_CHECKBOX_NAME: [keep.pk]},
        follow=True,
    )
    assert "Select at least two people to merge." in response.content.decode()


def test_picking_the_person_merges_and_shows_the_kept_person(staff_client, duplicates):
    keep, other = duplicates
    response = staff_client.post(
        reverse("admin:speakers_person_merge"),
        {"ids": f"{keep.pk},{other.pk}", "keep": other.pk},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == reverse(
        "admin:speakers_person_change", args=[other.pk]
    )
    assert "1 people merged into Antonio Vitorino" in response.content.decode()
    assert not Person.objects.filter(pk=keep.pk).exists()
    assert Appearance.objects.filter(person=other).count() == 3


def test_a_missing_choice_is_shown_on_the_page(staff_client, duplicates):
    keep, other = duplicates
    response = staff_client.post(
        reverse("admin:speakers_person_merge"), {"ids": f"{keep.pk},{other.pk}", "keep": "999"}
    )
    assert "Select a valid choice." in response.content.decode()
    assert Person.objects.count() == 2


def test_viewers_may_not_merge(client, viewer, duplicates):
    keep, other = duplicates
    client.force_login(viewer)
    assert client.get(merge_url(keep, other)).status_code == 403
    response = client.post(
        reverse("admin:speakers_person_merge"), {"ids": f"{keep.pk},{other.pk}", "keep": keep.pk}
    )
    assert response.status_code == 403
    assert Person.objects.count() == 2


def test_the_merge_can_be_undone_from_history(duplicates):
    assert reversion_available()
    from reversion.models import Version

    keep, other = duplicates

    merge_people(keep, [other])

    version = Version.objects.get_for_object(keep).first()
    assert version.revision.comment.startswith("Merged people Antonio Vitorino")
    version.revision.revert()

    assert Person.objects.filter(pk=other.pk).exists()
    assert Appearance.objects.filter(person=other).count() == 2
    assert Appearance.objects.filter(person=keep).count() == 2
    keep.refresh_from_db()
    assert keep.email == ""
    assert Document.objects.get(title="Opening remarks – Antonio Vitorino").appearance.person == (
        Person.objects.get(pk=other.pk)
    )
