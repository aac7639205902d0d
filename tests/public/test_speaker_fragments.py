"""The list of speakers (A to Z) is assembled from cached per-person fragments that never
show stale data, and an edit renders again only the people it concerns."""

import pytest
from django.utils import translation

from public import fragments
from tests.factories import AppearanceFactory, DocumentFactory, PersonFactory, role
from tests.pages import page_text
from tests.public.helpers import programme, speakers_url
from tests.public.test_fragments import (
    EDITS,
    edit_role_label_in_french,
    edit_slot_title_in_french,
    rendered_from_scratch,
)

pytestmark = pytest.mark.django_db


def counting_renders(monkeypatch):
    """The primary keys of the people rendered (not taken from the cache), in order."""
    rendered = []
    render_speaker = fragments.render_speaker

    def counting(event, speaker):
        rendered.append(speaker.person.pk)
        return render_speaker(event, speaker)

    monkeypatch.setattr(fragments, "render_speaker", counting)
    return rendered


@pytest.mark.parametrize("edit", [*EDITS, edit_slot_title_in_french, edit_role_label_in_french])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_speaker_fragment_never_shows_stale_data(client, settings, edit, language):
    event, speaker = programme()
    with translation.override(language):
        url = speakers_url(event)
    client.get(url)  # every person's fragment stored
    edit(event, speaker)
    with translation.override(language):
        url = speakers_url(event)
    assert client.get(url).content == rendered_from_scratch(url, settings)


def test_an_edit_of_one_person_renders_that_person_only(client, monkeypatch):
    event, speaker = programme()
    url = speakers_url(event)
    client.get(url)
    rendered = counting_renders(monkeypatch)
    person = speaker.person
    person.family_names = "Ruiz Herrera"
    person.save()
    assert "Ruiz Herrera, Jorge" in page_text(client.get(url))
    assert rendered == [person.pk]


def test_a_new_appearance_renders_its_person_only(client, monkeypatch):
    event, speaker = programme()
    url = speakers_url(event)
    client.get(url)
    rendered = counting_renders(monkeypatch)
    newcomer = PersonFactory(given_names="Chen", family_names="Wei")
    AppearanceFactory(slot=speaker.slot, role=role("Speaker"), person=newcomer, order=2)
    assert "Wei, Chen" in page_text(client.get(url))
    assert rendered == [newcomer.pk]


def test_a_document_renders_no_speaker_again(client, monkeypatch):
    """The list shows no documents: adding one changes no person's fragment."""
    event, speaker = programme()
    url = speakers_url(event)
    client.get(url)
    rendered = counting_renders(monkeypatch)
    DocumentFactory(appearance=speaker, title="Remarks on remittances")
    assert "Ruiz, Jorge" in page_text(client.get(url))
    assert rendered == []


def test_staff_lists_are_rendered_and_never_stored(staff_client, monkeypatch):
    event, speaker = programme(published=False)
    rendered = counting_renders(monkeypatch)
    monkeypatch.setattr(fragments.cache, "set_many", lambda *args, **kwargs: pytest.fail("stored"))
    for _ in range(2):
        assert "Ruiz, Jorge" in page_text(staff_client.get(speakers_url(event)))
    people = {appearance.person_id for appearance in speaker.slot.appearances.all()}
    assert len(rendered) == 2 * len(people)
    assert set(rendered) == people
