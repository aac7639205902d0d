"""The programme page around its slots (public.fragments.ProgrammeShell): stored with each
day's list of slots, current while nothing it shows changed."""

import datetime
from pathlib import Path

import pytest
from django.test import Client

from core.cache import bulk_changes
from public import fragments
from tests.factories import AppearanceFactory, DayFactory, DocumentFactory, SlotFactory, role
from tests.pages import page_text
from tests.public.helpers import (
    add_event_document,
    add_speaker,
    count_renders,
    edit_designation,
    edit_person,
    edit_photo,
    edit_series,
    edit_slot,
    list_a_change,
    programme,
    rendered_from_scratch,
)

pytestmark = pytest.mark.django_db


# The page around the slots (ProgrammeShell) ------------------------------------------------------


def count_shell_renders(monkeypatch):
    """The templates rendered around the slots' holes, one name per render."""
    rendered = []
    render_to_string = fragments.render_to_string

    def counting(template_name, *args, **kwargs):
        rendered.append(template_name)
        return render_to_string(template_name, *args, **kwargs)

    monkeypatch.setattr(fragments, "render_to_string", counting)
    return rendered


def two_days(event, speaker):
    """A second day with a slot, and a second slot after the speaker's on the first day."""
    first = speaker.slot
    first.order = 1
    first.save()
    second = DayFactory(event=event, date=first.day.date + datetime.timedelta(days=1),
                        label="DAY TWO")  # fmt: skip
    SlotFactory(day=second, title="Field visit", start_time=datetime.time(9), number="2")
    return SlotFactory(day=first.day, title="Closing session", start_time=datetime.time(17),
                       end_time=None, order=2, number="3")  # fmt: skip


def move_slot_to_the_second_day(slot):
    slot.day = slot.day.event.days.get(label="DAY TWO")
    slot.save()


def put_slot_first(slot):
    slot.order = 0
    slot.save()


def retime_slot_before_the_others(slot):
    slot.order = 1
    slot.start_time = datetime.time(8)
    slot.save()


def delete_slot(slot):
    slot.delete()


@pytest.mark.parametrize(
    "move",
    [move_slot_to_the_second_day, put_slot_first, retime_slot_before_the_others, delete_slot],
)
def test_the_page_around_the_slots_follows_where_each_slot_sits(client, settings, move):
    """Each day's list of slots is part of the stored shell: a slot moved to another day,
    put before the others, retimed or deleted shows where it is on the next request."""
    settings.PAGE_CACHE_ENABLED = False  # every request assembles the page
    event, speaker = programme()
    closing = two_days(event, speaker)
    url = event.get_absolute_url()
    before = client.get(url).content
    assert client.get(url).content == before  # from the stored shell
    move(closing)
    page = client.get(url)
    assert page.content != before
    assert page.content == rendered_from_scratch(url, settings)


def after_an_edit(client, settings, monkeypatch, edit):
    """The programme after the edit, each request assembling the page: (page, its URL, the
    slots rendered for it, the templates rendered around the slots' holes)."""
    settings.PAGE_CACHE_ENABLED = False
    event, speaker = programme()
    url = event.get_absolute_url()
    client.get(url)
    shells = count_shell_renders(monkeypatch)
    rendered = count_renders(monkeypatch)
    expected = edit(event, speaker)
    page = client.get(url)
    assert expected in page_text(page) or expected in page.content.decode()
    made = list(rendered), list(shells)  # before the render from scratch adds its own
    assert page.content == rendered_from_scratch(url, settings)
    return page, url, *made, speaker


@pytest.mark.parametrize("edit", [edit_slot, edit_designation, edit_person, add_speaker])
def test_an_edit_shown_in_one_slot_keeps_the_page_around_the_slots(
    client, settings, monkeypatch, django_assert_num_queries, edit
):
    """The edited slot is rendered, the page around the slots is not: the next requests
    assemble the page without a query."""
    page, url, rendered, shells, speaker = after_an_edit(client, settings, monkeypatch, edit)
    assert rendered == [speaker.slot_id]
    assert shells == []
    with django_assert_num_queries(0):
        assert client.get(url).content == page.content


@pytest.mark.parametrize("more_slots", [0, 8])
def test_after_one_slots_edit_its_rows_alone_are_read(
    client, settings, monkeypatch, django_assert_num_queries, more_slots
):
    """While the page around the slots is current, the first request after an edit of one
    slot reads that slot's rows only: the same five queries (event, days, the slot, its
    appearances, its documents) whatever the size of the programme, and nothing else is
    rendered."""
    settings.PAGE_CACHE_ENABLED = False
    event, speaker = programme()
    for number in range(2, more_slots + 2):
        other = SlotFactory(day=speaker.slot.day, title=f"Panel {number}", number=number,
                            order=number)  # fmt: skip
        AppearanceFactory(slot=other, role=role("Speaker"))
        DocumentFactory(slot=other, title=f"Concept note {number}")
    url = event.get_absolute_url()
    client.get(url)
    shells = count_shell_renders(monkeypatch)
    rendered = count_renders(monkeypatch)
    new_title = edit_slot(event, speaker)
    with django_assert_num_queries(5):
        page = client.get(url)
    assert new_title in page_text(page)
    assert (rendered, shells) == ([speaker.slot_id], [])
    assert page.content == rendered_from_scratch(url, settings)


def test_a_slot_gone_since_the_page_around_the_slots_was_stored_renders_the_page(
    client, settings, monkeypatch
):
    """A slot whose fragment is missing but whose row is gone without the receivers knowing
    (deleted in bulk, its invalidation still to come): the page is rendered as a whole from
    the rows, without it."""
    settings.PAGE_CACHE_ENABLED = False
    event, speaker = programme()
    closing = two_days(event, speaker)
    url = event.get_absolute_url()
    client.get(url)
    closing.title = "Closing plenary"
    closing.save()  # its fragment is no longer current
    with bulk_changes(invalidate=False):
        closing.delete()
    page = client.get(url)
    assert page.status_code == 200
    assert "Closing" not in page_text(page)
    assert "Field visit" in page_text(page)


@pytest.mark.parametrize("edit", [edit_series, edit_photo, list_a_change, add_event_document])
def test_an_edit_shown_around_the_slots_renders_it_and_no_slot(client, settings, monkeypatch, edit):
    _page, _url, rendered, shells, _speaker = after_an_edit(client, settings, monkeypatch, edit)
    assert shells == ["conference/event_detail.html"]
    assert rendered == []


def test_a_deployment_that_changes_a_template_renders_the_page_around_the_slots_again(
    client, settings, monkeypatch, tmp_path
):
    """The shell's key holds a digest of the templates (and the code) that print it."""
    settings.PAGE_CACHE_ENABLED = False
    event, _speaker = programme()
    url = event.get_absolute_url()
    template = Path(settings.BASE_DIR, "templates", "conference", "event_detail.html")
    released = tmp_path / "templates" / "conference" / "event_detail.html"
    released.parent.mkdir(parents=True)
    released.write_bytes(template.read_bytes())
    settings.BASE_DIR = tmp_path
    fragments._shell_release.cache_clear()
    try:
        client.get(url)
        shells = count_shell_renders(monkeypatch)
        client.get(url)
        assert shells == []
        released.write_bytes(template.read_bytes() + b"\n{# the next release #}\n")
        fragments._shell_release.cache_clear()
        client.get(url)
        assert shells == ["conference/event_detail.html"]
    finally:
        fragments._shell_release.cache_clear()


def test_staff_pages_store_no_shell(staff_client, settings, monkeypatch):
    """Staff see drafts and staff marks: their programme is rendered whole, the page around
    the slots never stored (with a query in the address either); a visitor's is."""
    settings.PAGE_CACHE_ENABLED = False
    event, _speaker = programme()
    url = event.get_absolute_url()
    stored = []
    monkeypatch.setattr(fragments.cache, "set", lambda key, *args, **kwargs: stored.append(key))
    staff_client.get(url)
    staff_client.get(f"{url}?utm_source=newsletter")
    assert not [key for key in stored if key.startswith("plenary:fragment:shell:")]
    Client().get(url)
    assert [key for key in stored if key.startswith("plenary:fragment:shell:")]


def test_a_process_reads_the_fragments_it_holds_from_its_own_memory(client, settings, monkeypatch):
    """A fragment's key names one version of it: the process that stored or read it keeps a
    copy (core.recent) and asks the cache for the stamps and the shell only; after an edit,
    the slot's new fragment is rendered, and the page equals a render from scratch."""
    settings.PAGE_CACHE_ENABLED = False
    event, speaker = programme()
    url = event.get_absolute_url()
    client.get(url)
    asked = []
    get_many = fragments.cache.get_many

    def recording(keys, *args, **kwargs):
        asked.extend(keys)
        return get_many(keys, *args, **kwargs)

    monkeypatch.setattr(fragments.cache, "get_many", recording)
    client.get(url)
    assert any(key.startswith("plenary:stamp:slot:") for key in asked)
    assert not [key for key in asked if key.startswith("plenary:fragment:slot:")]
    fragments.recent.clear()  # another process: the fragments come from the cache
    page = client.get(url)
    assert [key for key in asked if key.startswith("plenary:fragment:slot:")]
    edit_slot(event, speaker)
    assert client.get(url).content == rendered_from_scratch(url, settings) != page.content
