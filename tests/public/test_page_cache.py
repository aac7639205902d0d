"""The page cache: edits show on the next request, nothing private is ever served from it."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation

from core.cache import (
    bulk_changes,
    bump_all,
)
from documents.enums import DocumentKind
from programme.models import Slot
from public.invalidation import bump_event
from tests.factories import (
    DocumentFactory,
)
from tests.pages import page_text
from tests.public.helpers import (
    add_document,
    add_slot,
    cached_text,
    edit_day,
    edit_designation,
    edit_document,
    edit_event,
    edit_organisation,
    edit_person,
    edit_photo,
    edit_role,
    edit_series,
    edit_slot,
    programme,
    speakers_url,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "edit",
    [
        edit_event,
        edit_series,
        edit_day,
        edit_slot,
        edit_designation,
        edit_person,
        edit_organisation,
        edit_role,
        edit_document,
        add_document,
        edit_photo,
        add_slot,
    ],
)
def test_an_edit_shows_on_the_next_request(client, django_assert_num_queries, edit):
    event, speaker = programme()
    url = event.get_absolute_url()
    cached_text(client, url, django_assert_num_queries)
    expected = edit(event, speaker)
    assert expected in page_text(client.get(url))


@pytest.mark.parametrize(
    ("edit", "page"),
    [
        (edit_person, lambda event, speaker: speakers_url(event)),
        (edit_designation, lambda event, speaker: speakers_url(event)),
        (edit_slot, lambda event, speaker: speaker.person.get_absolute_url()),
        (edit_event, lambda event, speaker: reverse("public:home")),
        (edit_event, lambda event, speaker: event.series.get_absolute_url()),
        (edit_photo, lambda event, speaker: f"/en/events/{event.slug}/photos/"),
    ],
)
def test_an_edit_shows_on_every_page_that_shows_it(client, django_assert_num_queries, edit, page):
    event, speaker = programme()
    url = page(event, speaker)
    cached_text(client, url, django_assert_num_queries)
    expected = edit(event, speaker)
    assert expected in page_text(client.get(url))


def test_a_deleted_document_and_photo_disappear(client, django_assert_num_queries):
    event, _ = programme()
    url = event.get_absolute_url()
    text = cached_text(client, url, django_assert_num_queries)
    assert "Concept note" in text
    assert "Delegates in the hall" in text
    event.documents.get().delete()
    event.photos.get().delete()
    text = page_text(client.get(url))
    assert "Concept note" not in text
    assert "Delegates in the hall" not in text


def test_an_appearance_moved_to_another_event_leaves_the_first_one(
    client, django_assert_num_queries
):
    first, speaker = programme()
    second, _ = programme()
    cached_text(client, first.get_absolute_url(), django_assert_num_queries)
    cached_text(client, second.get_absolute_url(), django_assert_num_queries)
    other_slot = Slot.objects.get(day__event=second)
    speaker.slot = other_slot
    speaker.save()
    assert "Jorge Ruiz" not in page_text(client.get(first.get_absolute_url()))
    assert page_text(client.get(second.get_absolute_url())).count("Jorge Ruiz") == 2


def test_an_edit_of_one_event_keeps_the_other_events_cached(client, django_assert_num_queries):
    first, _ = programme()
    second, _ = programme()
    cached_text(client, first.get_absolute_url(), django_assert_num_queries)
    edit_event(second, None)
    with django_assert_num_queries(0):
        assert "Dialogue on migration" in page_text(client.get(first.get_absolute_url()))


def test_a_renamed_address_answers_at_the_new_one_only(client, django_assert_num_queries):
    event, _ = programme()
    old_url = event.get_absolute_url()
    cached_text(client, old_url, django_assert_num_queries)
    event.slug = "dialogue-renamed"
    event.save()
    assert client.get(old_url).status_code == 404
    assert "Dialogue on migration" in page_text(client.get(event.get_absolute_url()))


def test_changes_without_signals_show_after_bump_event_or_bump_all(
    client, django_assert_num_queries
):
    event, speaker = programme()
    url = event.get_absolute_url()
    cached_text(client, url, django_assert_num_queries)
    Slot.objects.filter(pk=speaker.slot_id).update(title="Renamed without signals")
    assert "Renamed without signals" not in page_text(client.get(url))
    bump_event(event.pk)
    assert "Renamed without signals" in page_text(client.get(url))
    Slot.objects.filter(pk=speaker.slot_id).update(title="Renamed again")
    bump_all()
    assert "Renamed again" in page_text(client.get(url))


def test_bulk_changes_skip_the_receivers_and_invalidate_once(client, django_assert_num_queries):
    event, speaker = programme()
    url = event.get_absolute_url()
    cached_text(client, url, django_assert_num_queries)
    # The update, and the row as it was (read by the record of changes, programme.changes).
    with bulk_changes(), django_assert_num_queries(2):
        speaker.slot.title = "Renamed in bulk"
        speaker.slot.save()
    assert "Renamed in bulk" in page_text(client.get(url))


# Drafts and staff -------------------------------------------------------------------------------


def test_a_draft_viewed_by_staff_is_never_served_to_anonymous_visitors(client, staff_client):
    event, _ = programme(published=False)
    staff = staff_client.get(event.get_absolute_url())
    assert "Draft: not public" in page_text(staff)
    assert "no-store" in staff["Cache-Control"]
    assert "ETag" not in staff
    anonymous = Client()
    assert anonymous.get(event.get_absolute_url()).status_code == 404
    assert anonymous.get(speakers_url(event)).status_code == 404
    assert "Dialogue on migration" not in page_text(anonymous.get(reverse("public:home")))


def test_an_unpublished_event_leaves_the_cache_at_once(client, django_assert_num_queries):
    event, speaker = programme()
    url = event.get_absolute_url()
    cached_text(client, url, django_assert_num_queries)
    person_url = speaker.person.get_absolute_url()
    cached_text(client, person_url, django_assert_num_queries)
    event.unpublish()
    event.save()
    assert client.get(url).status_code == 404
    assert client.get(person_url).status_code == 404


def test_staff_never_get_the_cached_anonymous_page(client, staff_client, django_assert_num_queries):
    event, speaker = programme()
    DocumentFactory(appearance=speaker, kind=DocumentKind.STATEMENT, is_public=False)
    anonymous = Client()
    text = cached_text(anonymous, event.get_absolute_url(), django_assert_num_queries)
    assert "staff only" not in text
    staff = staff_client.get(event.get_absolute_url())
    assert "Statement (PDF, 1 KB) (not public; staff only)" in page_text(staff)
    assert "no-store" in staff["Cache-Control"]


def test_anonymous_visitors_never_get_a_staff_page(client, staff_client):
    event, speaker = programme()
    DocumentFactory(appearance=speaker, kind=DocumentKind.STATEMENT, is_public=False)
    for url in (event.get_absolute_url(), speakers_url(event), reverse("public:home")):
        staff_client.get(url)
    anonymous = Client()
    assert "staff only" not in page_text(anonymous.get(event.get_absolute_url()))
    programme(published=False, title_en="Unannounced dialogue")
    assert "Draft: not public" in page_text(staff_client.get(reverse("public:home")))
    home = page_text(anonymous.get(reverse("public:home")))
    assert "Draft" not in home
    assert "Unannounced" not in home


def test_staff_requests_neither_read_nor_write_the_cache(staff_client, monkeypatch):
    event, _ = programme()
    calls = []
    for name in ("get", "get_many", "set", "add"):
        original = getattr(cache, name)
        monkeypatch.setattr(
            cache, name, lambda *a, _n=name, _o=original, **k: calls.append(_n) or _o(*a, **k)
        )
    staff_client.get(event.get_absolute_url())
    assert calls == []


# Languages --------------------------------------------------------------------------------------


def test_each_language_has_its_own_cached_page(client, django_assert_num_queries):
    event, _ = programme(title_fr="Dialogue sur la migration")
    english = cached_text(client, event.get_absolute_url(), django_assert_num_queries)
    with translation.override("fr"):
        french_url = event.get_absolute_url()
    assert french_url.startswith("/fr/")
    french_response = client.get(french_url)
    assert 'lang="fr"' in french_response.content.decode()
    french = cached_text(client, french_url, django_assert_num_queries)
    assert "Dialogue sur la migration" in french
    assert "Dialogue sur la migration" not in english
    assert "Dialogue on migration" in english


# What is never stored ---------------------------------------------------------------------------
