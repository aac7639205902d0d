"""The cyclic garbage collector is paused while a big feed renders, and only then."""

import gc

import pytest
from django.core.cache import cache
from django.urls import reverse

from core.collection import collection_paused
from programme.feeds.data import programme_data
from public.fragments import programme_with_fragments, speakers_with_fragments
from tests.factories import EventFactory


def test_the_collector_is_paused_in_the_block_and_on_again_after_it():
    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_is_on_again_after_an_error_in_the_block():
    with pytest.raises(ValueError, match="broken"), collection_paused():
        raise ValueError("broken")
    assert gc.isenabled()


def test_an_inner_block_leaves_the_collector_to_the_outer_one():
    with collection_paused():
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


# Each page rendered with the collector paused, and what its view calls to read its rows.
PAUSED_PAGES = [
    *(
        (name, "public.feed_views", "programme_data", programme_data)
        for name in ("event-frab-json", "event-frab-xml", "event-ics", "event-json")
    ),
    ("event-detail", "public.views", "programme_with_fragments", programme_with_fragments),
    ("event-speakers", "public.views", "speakers_with_fragments", speakers_with_fragments),
]


@pytest.mark.parametrize(("name", "module", "reader", "read"), PAUSED_PAGES)
def test_a_big_page_renders_with_the_collector_paused_and_leaves_it_on(
    client, db, monkeypatch, name, module, reader, read
):
    event = EventFactory(published=True, slots=2, speakers_per_slot=2)
    seen = []

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return read(*args, **kwargs)

    monkeypatch.setattr(f"{module}.{reader}", spy)
    response = client.get(reverse(f"public:{name}", kwargs={"slug": event.slug}))
    assert response.status_code == 200
    assert seen == [False]
    assert gc.isenabled()


@pytest.mark.parametrize("page_cache", [True, False])
@pytest.mark.parametrize("name", ["event-detail", "event-speakers"])
def test_a_big_page_leaves_none_of_its_rows_to_the_collector(
    client, db, settings, page_cache, name
):
    """A slot, its appearances and their documents point at each other (and the page's
    template context at itself): once printed they are freed at once, not left in cycles for
    the collector to walk."""
    settings.PAGE_CACHE_ENABLED = settings.FRAGMENT_CACHE_ENABLED = page_cache
    event = EventFactory(published=True, slots=3, speakers_per_slot=2)
    url = reverse(f"public:{name}", kwargs={"slug": event.slug})
    client.get(url)  # a first render: what a process loads once
    cache.clear()  # every slot and person printed again
    gc.collect()
    flags = gc.get_debug()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)  # what a collection finds goes to gc.garbage
    try:
        response = client.get(url)
        assert response.status_code == 200
        assert "Speaker" in response.content.decode()
        del response
        gc.collect()
        left = {type(found).__name__ for found in gc.garbage}
    finally:
        gc.set_debug(flags)
        gc.garbage.clear()
        gc.enable()
    assert not left & {"Slot", "Appearance", "Document", "Person", "Organisation"}
