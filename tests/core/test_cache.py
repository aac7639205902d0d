"""Cached pages: stored compressed, read in one round trip, rendered once after a change."""

import gzip
import pickle
import threading
import warnings

import pytest
from django.core.cache import cache
from django.core.cache.backends.base import CacheKeyWarning
from django.http import HttpResponse

from core import cache as page_cache
from core.cache import bump_event_slugs, cached_public_page
from tests.pages import page_text
from tests.public.helpers import anonymous_request, edit_slot, programme

pytestmark = pytest.mark.django_db

brotli = pytest.importorskip("brotli")


@pytest.mark.parametrize(
    ("accept", "encoding"),
    [
        ("br, gzip", "br"),
        ("gzip, deflate, br;q=1.0", "br"),
        ("gzip, deflate", "gzip"),
        ("br;q=0, gzip", "gzip"),
        ("", None),
        ("identity", None),
    ],
)
def test_a_cached_page_is_served_compressed_to_clients_that_accept_it(client, accept, encoding):
    event, _ = programme()
    url = event.get_absolute_url()
    plain = client.get(url).content
    for _ in range(2):  # rendered, then from the cache: the same bytes each time
        response = client.get(url, headers={"accept-encoding": accept})
        assert response.get("Content-Encoding") == encoding
        assert "Accept-Encoding" in response["Vary"]
        decompress = {"br": brotli.decompress, "gzip": gzip.decompress, None: bytes}[encoding]
        assert decompress(response.content) == plain
    assert "Panel on remittances" in plain.decode()


def test_each_content_encoding_has_its_own_etag_and_answers_304(client):
    event, _ = programme()
    url = event.get_absolute_url()
    etags = {}
    for accept, suffix in [("br, gzip", '-br"'), ("gzip", '-gz"'), ("identity", None)]:
        rendered = client.get(url, headers={"accept-encoding": accept})
        stored = client.get(url, headers={"accept-encoding": accept})
        assert rendered["ETag"] == stored["ETag"]
        etag = etags[accept] = stored["ETag"]
        if suffix:
            assert etag.endswith(suffix)
        else:
            assert not etag.endswith(('-br"', '-gz"'))
        again = client.get(url, headers={"accept-encoding": accept, "if-none-match": etag})
        assert again.status_code == 304
        assert again["ETag"] == etag
    assert len(set(etags.values())) == 3
    # The brotli page's ETag does not validate the uncompressed page.
    other = client.get(
        url, headers={"accept-encoding": "identity", "if-none-match": etags["br, gzip"]}
    )
    assert other.status_code == 200
    assert "Panel on remittances" in other.content.decode()


def test_a_feed_has_an_etag_per_encoding_too(client):
    event, _ = programme()
    url = f"/en/events/{event.slug}/programme.ics"
    first = client.get(url, headers={"accept-encoding": "gzip"})
    assert first["Content-Encoding"] == "gzip"
    assert first["ETag"].endswith('-gz"')
    assert b"BEGIN:VCALENDAR" in gzip.decompress(first.content)
    again = client.get(url, headers={"accept-encoding": "gzip", "if-none-match": first["ETag"]})
    assert again.status_code == 304


def test_the_stored_page_is_much_smaller_than_the_page(client):
    event, _ = programme()
    url = event.get_absolute_url()
    plain = client.get(url).content
    compressed = client.get(url, headers={"accept-encoding": "br"}).content
    assert len(compressed) * 3 < len(plain)


def test_a_hit_is_one_cache_round_trip(client, monkeypatch, django_assert_num_queries):
    event, _ = programme()
    url = event.get_absolute_url()
    client.get(url, headers={"accept-encoding": "br"})
    calls, inside = [], []

    def counted(name, original):
        def call(*args, **kwargs):
            if not inside:  # the local-memory cache's get_many calls its get
                calls.append(name)
            inside.append(name)
            try:
                return original(*args, **kwargs)
            finally:
                inside.pop()

        return call

    for name in ("get", "get_many", "set", "set_many", "add", "delete"):
        monkeypatch.setattr(cache, name, counted(name, getattr(cache, name)))
    with django_assert_num_queries(0):
        response = client.get(url, headers={"accept-encoding": "br"})
    assert "Panel on remittances" in brotli.decompress(response.content).decode()
    assert calls == ["get_many"]


# No stampede ------------------------------------------------------------------------------------


def someone_else_is_rendering(monkeypatch):
    """Another process holds every page's lock: cache.add of a lock key fails."""
    add = cache.add
    monkeypatch.setattr(
        cache,
        "add",
        lambda key, *a, **k: False if key.startswith(page_cache.LOCK[:13]) else add(key, *a, **k),
    )


def test_while_another_process_renders_the_previous_version_is_served(
    client, monkeypatch, django_assert_num_queries
):
    event, speaker = programme()
    url = event.get_absolute_url()
    client.get(url)
    edit_slot(event, speaker)
    someone_else_is_rendering(monkeypatch)
    with django_assert_num_queries(0):
        assert "Panel on remittances" in page_text(client.get(url))
    later = page_cache.time.time() + page_cache.STALE_SECONDS + 1
    monkeypatch.setattr(page_cache.time, "time", lambda: later)
    assert "Panel on diaspora investment" in page_text(client.get(url))


def test_staff_always_get_the_new_version(client, staff_client, monkeypatch):
    event, speaker = programme()
    url = event.get_absolute_url()
    client.get(url)
    edit_slot(event, speaker)
    someone_else_is_rendering(monkeypatch)
    assert "Panel on diaspora investment" in page_text(staff_client.get(url))


def test_an_unpublished_event_is_never_served_from_the_previous_version(client, monkeypatch):
    event, _ = programme()
    url = event.get_absolute_url()
    client.get(url)
    someone_else_is_rendering(monkeypatch)
    event.unpublish()
    event.save()
    assert client.get(url).status_code == 404


def test_one_render_after_a_change_however_many_requests_come(monkeypatch, settings):
    """Concurrent requests after a change: one renders, the others get the previous page.

    The lock is taken with cache.add(), atomic in Redis and in local memory; the file-based
    default takes it with a check then a write, so it is measured on local memory here.
    """
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    renders, rendering, release = [], threading.Event(), threading.Event()
    release.set()

    @cached_public_page("site")
    def view(request):
        renders.append(len(renders))
        rendering.set()
        release.wait(10)
        return HttpResponse(f"version {len(renders) - 1}")

    assert view(anonymous_request()).content == b"version 0"
    bump_event_slugs([])
    release.clear()
    answers = []
    first = threading.Thread(target=lambda: answers.append(view(anonymous_request()).content))
    first.start()
    assert rendering.wait(10)
    others = [view(anonymous_request()).content for _ in range(5)]
    release.set()
    first.join(10)
    assert others == [b"version 0"] * 5
    assert answers == [b"version 1"]
    assert view(anonymous_request()).content == b"version 1"
    assert len(renders) == 2


# Redis -------------------------------------------------------------------------------------------


def test_the_redis_backend_reuses_one_client(client, settings, django_assert_num_queries):
    from tests.public.helpers import REDIS_URL, redis_is_up

    if not redis_is_up():
        pytest.skip("Redis is not answering on 127.0.0.1:6379")
    settings.CACHES = {"default": {"BACKEND": "core.redis_cache.RedisCache", "LOCATION": REDIS_URL}}
    cache.clear()
    try:
        event, _ = programme()
        url = event.get_absolute_url()
        client.get(url)
        backend = cache._cache
        with django_assert_num_queries(0):
            response = client.get(url, headers={"accept-encoding": "gzip"})
        assert "Panel on remittances" in gzip.decompress(response.content).decode()
        assert backend.get_client(write=False) is backend.get_client(write=False)
    finally:
        cache.clear()


def test_the_redis_backend_takes_keys_memcached_would_refuse(settings):
    """Keys are not walked character by character for memcached's sake: Redis stores a key
    with spaces or over 250 characters, and no warning is given."""
    from tests.public.helpers import REDIS_URL, redis_is_up

    if not redis_is_up():
        pytest.skip("Redis is not answering on 127.0.0.1:6379")
    settings.CACHES = {"default": {"BACKEND": "core.redis_cache.RedisCache", "LOCATION": REDIS_URL}}
    keys = {"plenary:a key with spaces": "spaces", "plenary:" + "long" * 70: "long"}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", CacheKeyWarning)
            cache.set_many(keys)
            assert cache.get_many(list(keys)) == keys
    finally:
        cache.delete_many(list(keys))


def test_the_redis_backend_reads_back_every_kind_of_value(settings):
    """Values are unpickled without trying int() first; integers (stored as digits, so that
    incr() works) and pickles of an older protocol still read back."""
    from tests.public.helpers import REDIS_URL, redis_is_up

    if not redis_is_up():
        pytest.skip("Redis is not answering on 127.0.0.1:6379")
    settings.CACHES = {"default": {"BACKEND": "core.redis_cache.RedisCache", "LOCATION": REDIS_URL}}
    values = {
        "plenary:test:int": 42,
        "plenary:test:text": "Séance d'ouverture",
        "plenary:test:digits": "123",
        "plenary:test:bytes": b"\x80 not a pickle",
        "plenary:test:tuple": (("a1b2", 1.5, True), b"<li>fragment</li>", None),
    }
    try:
        cache.set_many(values)
        assert cache.get_many(list(values)) == values
        assert cache.incr("plenary:test:int") == 43
        client = cache._cache.get_client(write=True)
        client.set(cache.make_key("plenary:test:old"), pickle.dumps(["protocol", 0], protocol=0))
        assert cache.get("plenary:test:old") == ["protocol", 0]
    finally:
        cache.delete_many([*values, "plenary:test:old"])
