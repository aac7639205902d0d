"""The programme is assembled from cached slot fragments that never show stale data."""

import datetime
from pathlib import Path

import pytest
from django.utils import translation

from documents.enums import DocumentKind
from public import fragments
from tests.factories import (
    DayFactory,
    DocumentFactory,
    SlotFactory,
    role,
)
from tests.pages import page_text
from tests.public.helpers import (
    add_document,
    add_event_document,
    add_slot,
    add_speaker,
    count_renders,
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
    list_a_change,
    programme,
    rendered_from_scratch,
)

pytestmark = pytest.mark.django_db


def edit_slot_document(event, speaker):
    DocumentFactory(slot=speaker.slot, title="Background paper on remittances")
    return "Documents of this slot"


def edit_appearance_document(event, speaker):
    DocumentFactory(appearance=speaker, kind=DocumentKind.PRESENTATION)
    document = speaker.documents.get()
    document.kind = DocumentKind.REMARKS
    document.save()
    return "Remarks (PDF, 1 KB)"


def unpublish_document(event, speaker):
    DocumentFactory(appearance=speaker, kind=DocumentKind.PRESENTATION)
    document = speaker.documents.get()
    document.is_public = False
    document.save()
    return "Ruiz"


def add_translation(event, speaker):
    original = DocumentFactory(appearance=speaker, kind=DocumentKind.REMARKS)
    DocumentFactory(appearance=speaker, kind=DocumentKind.REMARKS, language="fr",
                    translation_of=original)  # fmt: skip
    return 'hreflang="fr">FR'


def retime_day(event, speaker):
    day = event.days.get()
    day.date += datetime.timedelta(days=1)
    day.save()
    return f'datetime="{day.date:%Y-%m-%d}T10:00'


def move_event_time_zone(event, speaker):
    event.time_zone = "America/New_York"
    event.save()
    return "10:00"


def remove_speaker(event, speaker):
    speaker.delete()
    return "Amina Diallo"


def edit_role_label_in_french(event, speaker):
    moderator = role("Moderator")
    moderator.label_fr = "Présidence"
    moderator.save()
    return "Présidence"


def edit_slot_title_in_french(event, speaker):
    slot = speaker.slot
    slot.title_fr = "Table ronde sur les envois de fonds"
    slot.save()
    return "Table ronde sur les envois de fonds"


def translate_event_document(event, speaker):
    original = event.documents.get()
    DocumentFactory(event=event, language="fr", translation_of=original, title="Note conceptuelle")
    return 'hreflang="fr">FR'


def remove_slot(event, speaker):
    slot = speaker.slot
    slot.appearances.all().delete()
    slot.delete()
    return "No slots on this day yet."


def add_day(event, speaker):
    DayFactory(event=event, date=event.start_date + datetime.timedelta(days=1), label="DAY TWO")
    return "DAY TWO"


EDITS = [
    edit_event,
    edit_series,
    edit_day,
    retime_day,
    move_event_time_zone,
    edit_slot,
    add_slot,
    edit_designation,
    edit_person,
    edit_organisation,
    edit_role,
    edit_document,
    add_document,
    edit_slot_document,
    edit_appearance_document,
    unpublish_document,
    add_translation,
    add_speaker,
    remove_speaker,
    edit_photo,
    list_a_change,
    add_event_document,
    translate_event_document,
    remove_slot,
    add_day,
]


@pytest.mark.parametrize("edit", EDITS)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_fragment_never_shows_stale_data(client, settings, edit, language):
    event, speaker = programme()
    with translation.override(language):
        url = event.get_absolute_url()
    client.get(url)  # every slot's fragment stored
    expected = edit(event, speaker)
    with translation.override(language):
        url = event.get_absolute_url()
    page = client.get(url)
    if language == "en":  # text, or the markup for what is not text (times, languages)
        assert expected in page_text(page) or expected in page.content.decode()
    assert page.content == rendered_from_scratch(url, settings)


@pytest.mark.parametrize("edit", [edit_slot_title_in_french, edit_role_label_in_french])
def test_a_translation_shows_in_its_language(client, settings, edit):
    event, speaker = programme()
    with translation.override("fr"):
        url = event.get_absolute_url()
    client.get(url)
    expected = edit(event, speaker)
    page = client.get(url)
    assert expected in page_text(page)
    assert page.content == rendered_from_scratch(url, settings)


def test_a_change_without_signals_never_shows_stale_fragments(client, settings):
    """queryset.update() sends no signal: the page needs bump_all, the fragment nothing."""
    from core.cache import bump_all
    from programme.models import Slot

    event, speaker = programme()
    url = event.get_absolute_url()
    client.get(url)
    Slot.objects.filter(pk=speaker.slot_id).update(title="Panel on fair recruitment")
    bump_all()
    page = client.get(url)
    assert "Panel on fair recruitment" in page_text(page)
    assert page.content == rendered_from_scratch(url, settings)


def test_an_edit_of_one_slot_renders_that_slot_only(client, monkeypatch):
    event, _speaker = programme()
    other = SlotFactory(
        day=event.days.get(), title="Closing session", start_time=datetime.time(17), end_time=None
    )
    url = event.get_absolute_url()
    client.get(url)
    rendered = count_renders(monkeypatch)
    other.title = "Closing plenary"
    other.save()
    assert "Closing plenary" in page_text(client.get(url))
    assert rendered == [other.pk]


def test_an_edit_in_another_language_renders_no_slot(client, settings, monkeypatch):
    """A slot's Spanish title is not printed on the English page: its fragment stays."""
    event, speaker = programme()
    url = event.get_absolute_url()
    client.get(url)
    rendered = count_renders(monkeypatch)
    slot = speaker.slot
    slot.title_es = "Mesa redonda sobre la contratación equitativa"
    slot.save()
    page = client.get(url)
    assert rendered == []
    assert page.content == rendered_from_scratch(url, settings)


@pytest.mark.parametrize("module", fragments.FRAGMENT_MODULES, ids=lambda module: module.__name__)
def test_a_deployment_that_changes_what_prints_fragments_renders_them_again(
    client, settings, monkeypatch, tmp_path, module
):
    """A fragment's key holds a digest of the templates and the code that print it: after a
    deployment that changes how a label or a link is printed, no slot keeps the old one."""
    settings.PAGE_CACHE_ENABLED = False  # every request assembles the page from fragments
    event, speaker = programme()
    url = event.get_absolute_url()
    client.get(url)
    rendered = count_renders(monkeypatch)
    client.get(url)
    assert rendered == []
    released = tmp_path / Path(module.__file__).name
    released.write_bytes(Path(module.__file__).read_bytes() + b"\n# the next release\n")
    monkeypatch.setattr(module, "__file__", str(released))
    fragments._release.cache_clear()
    try:
        client.get(url)
        assert rendered == [speaker.slot_id]
    finally:
        monkeypatch.undo()
        fragments._release.cache_clear()


def test_staff_pages_are_rendered_and_never_stored(staff_client, monkeypatch):
    event, speaker = programme(published=False)
    DocumentFactory(appearance=speaker, file=None, title="Awaited remarks")
    rendered = count_renders(monkeypatch)
    monkeypatch.setattr(fragments.cache, "set_many", lambda *args, **kwargs: pytest.fail("stored"))
    for _ in range(2):
        assert "awaiting its file" in page_text(staff_client.get(event.get_absolute_url()))
    assert rendered == [speaker.slot_id, speaker.slot_id]


def test_with_fragments_only_every_request_assembles_the_page_from_them(
    client, settings, monkeypatch, django_assert_num_queries
):
    """PLENARY_PAGE_CACHE=fragments: no page is stored, each request assembles the page
    from its stored shell and the slots' fragments, without a query (bench/peer)."""
    settings.PAGE_CACHE_ENABLED = False
    event, speaker = programme()
    second = SlotFactory(day=speaker.slot.day, title="Closing plenary", number=2)
    url = event.get_absolute_url()
    rendered = count_renders(monkeypatch)
    first = client.get(url)
    assert sorted(rendered) == sorted([speaker.slot_id, second.pk])
    with django_assert_num_queries(0):
        again = client.get(url)
    assert again.content == first.content
    assert len(rendered) == 2  # no slot rendered again
    new_title = edit_slot(event, speaker)
    assert new_title in page_text(client.get(url))
    assert rendered[2:] == [speaker.slot_id]
    assert client.get(url).content == rendered_from_scratch(url, settings)
