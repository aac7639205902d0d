"""The cyclic garbage collector is paused while a big feed renders, and only then."""

import gc

import pytest
from django.urls import reverse

from core.collection import collection_paused
from programme.feeds.data import programme_data
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


@pytest.mark.parametrize("name", ["event-frab-json", "event-frab-xml", "event-ics", "event-json"])
def test_a_feed_renders_with_the_collector_paused_and_leaves_it_on(client, db, monkeypatch, name):
    event = EventFactory(published=True, slots=2, speakers_per_slot=2)
    seen = []

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return programme_data(*args, **kwargs)

    monkeypatch.setattr("public.feed_views.programme_data", spy)
    response = client.get(reverse(f"public:{name}", kwargs={"slug": event.slug}))
    assert response.status_code == 200
    assert seen == [False]
    assert gc.isenabled()
