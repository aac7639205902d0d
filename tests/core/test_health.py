from unittest import mock

import pytest
from django.conf import settings
from django.core.cache import caches

CACHE_METHODS = ("get", "get_many", "set", "set_many", "add", "delete", "has_key", "incr", "touch")


@pytest.fixture
def cache_calls():
    """Records every call to any configured cache backend while the test runs."""
    calls = []
    patchers = []
    for alias in settings.CACHES:
        backend = type(caches[alias])
        for name in CACHE_METHODS:
            original = getattr(backend, name)

            def record(self, *args, _name=name, _original=original, **kwargs):
                calls.append((_name, args))
                return _original(self, *args, **kwargs)

            patcher = mock.patch.object(backend, name, record)
            patcher.start()
            patchers.append(patcher)
    yield calls
    for patcher in reversed(patchers):
        patcher.stop()


def test_cache_calls_fixture_sees_cache_use(cache_calls):
    caches["default"].get("anything")
    assert cache_calls == [("get", ("anything",))]


@pytest.mark.django_db
@pytest.mark.parametrize("accept_language", ["en", "fr", "es-ES,es;q=0.9"])
def test_healthz_answers_ok_without_database_or_cache(
    client, django_assert_num_queries, cache_calls, accept_language
):
    with django_assert_num_queries(0):
        response = client.get("/healthz", headers={"accept-language": accept_language})
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    assert cache_calls == []


@pytest.mark.django_db
def test_healthz_does_not_read_the_session_of_a_signed_in_user(
    staff_client, django_assert_num_queries, cache_calls
):
    assert settings.SESSION_COOKIE_NAME in staff_client.cookies
    with django_assert_num_queries(0):
        response = staff_client.get("/healthz")
    assert response.content == b"ok"
    assert cache_calls == []
    assert "Vary" not in response or "Cookie" not in response["Vary"]


@pytest.mark.django_db
def test_healthz_answers_head_and_refuses_post(client):
    head = client.head("/healthz")
    assert head.status_code == 200
    assert head.content == b""
    post = client.post("/healthz")
    assert post.status_code == 405
    assert post["Allow"] == "GET, HEAD"


@pytest.mark.django_db
def test_healthz_is_not_under_a_language_prefix(client):
    assert client.get("/en/healthz").status_code == 404
