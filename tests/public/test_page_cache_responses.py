"""The page cache stores only pages anyone may get, answers conditional GETs, and survives
a cache that is down."""

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client
from django.urls import reverse
from django.utils.http import http_date

from core.cache import cached_public_page
from core.cache_checks import check_shared_cache
from tests.factories import SlotFactory
from tests.pages import page_links, page_text
from tests.public.helpers import (
    REDIS_URL,
    anonymous_request,
    cached_text,
    edit_person,
    edit_slot,
    programme,
    redis_is_up,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "personalise",
    [
        lambda request, response: response.set_cookie("seen", "1"),
        lambda request, response: get_token(request),
        lambda request, response: request.session.__setitem__("visited", True),
    ],
    ids=["cookie", "csrf-token", "session"],
)
def test_a_personal_response_is_never_stored(personalise):
    rendered = []

    @cached_public_page("site")
    def view(request):
        response = HttpResponse(f"answer {len(rendered)}")
        rendered.append(response)
        personalise(request, response)
        return response

    assert view(anonymous_request()).content == b"answer 0"
    assert view(anonymous_request()).content == b"answer 1"


def test_an_error_page_is_never_stored():
    answers = iter([HttpResponse("down", status=503), HttpResponse("up")])

    @cached_public_page("site")
    def view(request):
        return next(answers)

    assert view(anonymous_request()).status_code == 503
    assert view(anonymous_request()).content == b"up"


# Conditional GET --------------------------------------------------------------------------------


def test_a_second_request_with_the_etag_gets_304_without_queries(client, django_assert_num_queries):
    event, speaker = programme()
    url = event.get_absolute_url()
    first = client.get(url)
    assert first["ETag"].startswith('"')
    assert "no-cache" in first["Cache-Control"]
    with django_assert_num_queries(0):
        again = client.get(url, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    edit_slot(event, speaker)
    changed = client.get(url, headers={"if-none-match": first["ETag"]})
    assert changed.status_code == 200
    assert "Panel on diaspora investment" in page_text(changed)
    assert changed["ETag"] != first["ETag"]


def test_a_second_request_with_if_modified_since_gets_304(client, django_assert_num_queries):
    event, _ = programme()
    url = event.get_absolute_url()
    first = client.get(url)
    with django_assert_num_queries(0):
        again = client.get(url, headers={"if-modified-since": first["Last-Modified"]})
    assert again.status_code == 304
    assert again["Last-Modified"] == first["Last-Modified"]


def test_last_modified_moves_with_the_last_change(client, monkeypatch):
    event, speaker = programme()
    url = event.get_absolute_url()
    monkeypatch.setattr("core.cache.time.time", lambda: 1_700_000_000.5)
    edit_slot(event, speaker)
    assert client.get(url)["Last-Modified"] == http_date(1_700_000_000)
    monkeypatch.setattr("core.cache.time.time", lambda: 1_800_000_000.0)
    edit_person(event, speaker)
    response = client.get(url, headers={"if-modified-since": http_date(1_700_000_000)})
    assert response.status_code == 200
    assert response["Last-Modified"] == http_date(1_800_000_000)


def test_a_validator_never_answers_for_a_draft_or_a_missing_page(client):
    event, _ = programme(published=False)
    future = http_date(4_000_000_000)
    for url in (event.get_absolute_url(), "/en/events/no-such-event/"):
        response = client.get(url, headers={"if-modified-since": future})
        assert response.status_code == 404
        assert "ETag" not in response


def test_without_the_page_cache_pages_render_and_still_answer_304(
    client, settings, django_assert_num_queries
):
    settings.PAGE_CACHE_ENABLED = settings.FRAGMENT_CACHE_ENABLED = False  # PLENARY_PAGE_CACHE=0
    event, _ = programme()
    url = event.get_absolute_url()
    first = client.get(url)
    with django_assert_num_queries(7):
        second = client.get(url)
    assert second.content == first.content
    with django_assert_num_queries(0):
        assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304


def test_head_is_answered_from_the_cache(client, django_assert_num_queries):
    event, _ = programme()
    url = event.get_absolute_url()
    client.get(url)
    with django_assert_num_queries(0):
        head = client.head(url)
    assert head.status_code == 200
    assert head.content == b""


# Redis ------------------------------------------------------------------------------------------


@pytest.fixture
def redis_cache(settings):
    if not redis_is_up():
        pytest.skip("Redis is not answering on 127.0.0.1:6379")
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    cache.clear()
    yield cache
    cache.clear()


def test_the_page_cache_works_on_redis(client, redis_cache, django_assert_num_queries):
    assert type(redis_cache._cache).__module__ == "django.core.cache.backends.redis"
    event, speaker = programme()
    url = event.get_absolute_url()
    cached_text(client, url, django_assert_num_queries)
    assert redis_cache.get("plenary:gen:event:" + event.slug) is not None
    edit_person(event, speaker)
    assert "Jorge Ruiz Castillo" in page_text(client.get(url))
    etag = client.get(url)["ETag"]
    with django_assert_num_queries(0):
        assert client.get(url, headers={"if-none-match": etag}).status_code == 304


# Feeds ------------------------------------------------------------------------------------------

FEEDS = ["event-ics", "event-frab-json", "event-frab-xml", "event-json"]


def feed_url(name, event):
    return reverse(f"public:{name}", kwargs={"slug": event.slug})


@pytest.mark.parametrize("name", FEEDS)
def test_feeds_are_cached_and_show_an_edit_on_the_next_request(
    client, django_assert_num_queries, name
):
    event, speaker = programme()
    url = feed_url(name, event)
    first = client.get(url)
    assert "Panel on remittances" in first.content.decode()
    with django_assert_num_queries(0):
        assert client.get(url).content == first.content
    edit_slot(event, speaker)
    changed = client.get(url).content.decode()
    assert "Panel on diaspora investment" in changed
    assert "Panel on remittances" not in changed


@pytest.mark.parametrize("name", [*FEEDS, "event-pdf"])
def test_feeds_answer_a_conditional_get_with_304(client, django_assert_num_queries, name):
    event, speaker = programme()
    url = feed_url(name, event)
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        again = client.get(
            url,
            headers={
                "if-none-match": first["ETag"],
                "if-modified-since": first["Last-Modified"],
            },
        )
    assert again.status_code == 304
    edit_person(event, speaker)
    changed = client.get(url, headers={"if-none-match": first["ETag"]})
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


def test_the_calendar_of_one_slot_follows_its_edits(client, django_assert_num_queries):
    event, speaker = programme()
    url = reverse("public:session-ics", kwargs={"slug": event.slug, "pk": speaker.slot_id})
    assert "Panel on remittances" in client.get(url).content.decode()
    edit_slot(event, speaker)
    assert "Panel on diaspora investment" in client.get(url).content.decode()


def test_the_feeds_of_a_draft_are_never_served(client, staff_client):
    event, _ = programme(published=False)
    for name in FEEDS:
        staff_client.get(feed_url(name, event))
        assert Client().get(feed_url(name, event)).status_code == 404


def test_check_deploy_refuses_a_cache_of_one_process(settings, monkeypatch):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    monkeypatch.delenv("GUNICORN_CMD_ARGS", raising=False)
    assert check_shared_cache() == []  # one process: nothing to share
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    errors = check_shared_cache()
    assert [error.id for error in errors] == ["plenary.E001"]
    assert "CACHE_URL=redis://" in errors[0].hint
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    assert check_shared_cache() == []


def test_pages_are_served_when_the_cache_is_down(client, settings, caplog):
    event, _ = programme()
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    assert "Dialogue on migration" in page_text(response)
    assert "The page cache could not be read" in caplog.text


def test_search_results_and_the_sitemap_are_cached_and_follow_edits(
    client, django_assert_num_queries
):
    event, speaker = programme()
    search = reverse("public:search") + "?q=Ruiz"
    assert "Jorge Ruiz" in cached_text(client, search, django_assert_num_queries)
    sitemap = reverse("sitemap")
    first = client.get(sitemap)
    assert speaker.person.get_absolute_url() in first.content.decode()
    with django_assert_num_queries(0):
        assert client.get(sitemap).content == first.content
    speaker.person.slug = "jorge-ruiz-castillo"
    edit_person(event, speaker)
    assert "Jorge Ruiz Castillo" in page_text(client.get(search))
    assert "/speakers/jorge-ruiz-castillo/" in client.get(sitemap).content.decode()


# Query parameters a page does not read -------------------------------------------------------

# What a newsletter, a social network or a visitor adds to a shared address.
STRAY_PARAMETERS = [
    "?utm_source=newsletter&utm_medium=email",
    "?fbclid=IwAR0xyz",
    "?edit=1",
    "?&&",
    "?q=Ruiz",  # a parameter of another page (search)
]


@pytest.mark.parametrize("stray", STRAY_PARAMETERS)
def test_a_page_is_served_from_one_entry_whatever_parameters_it_does_not_read(
    client, django_assert_num_queries, stray
):
    event, speaker = programme()
    url = event.get_absolute_url()
    first = client.get(url + stray)  # the first visitor comes from the newsletter
    assert first.status_code == 200
    assert "Panel on remittances" in page_text(first)
    links = [attributes.get("href", "") for _text, attributes in page_links(first)]
    assert f"/fr/events/{event.slug}/" in links  # the language switcher, without them
    assert not any(name in first.content.decode() for name in ("utm_", "fbclid", "edit=1"))
    with django_assert_num_queries(0):
        plain = client.get(url)
        other = client.get(f"{url}?utm_source=social&fbclid=another")
    assert plain.content == first.content
    assert other.content == first.content
    edit_slot(event, speaker)
    assert "Panel on diaspora investment" in page_text(client.get(url + stray))


def test_search_is_cached_per_query_whatever_else_the_address_holds(
    client, django_assert_num_queries
):
    programme()
    search = reverse("public:search")
    found = cached_text(client, f"{search}?q=Ruiz", django_assert_num_queries)
    assert "Jorge Ruiz" in found
    with django_assert_num_queries(0):
        again = client.get(f"{search}?utm_source=newsletter&q=Ruiz")
        written_otherwise = client.get(f"{search}?&q=Ruiz&&")
    assert page_text(again) == found
    assert written_otherwise.content == again.content
    other = page_text(client.get(f"{search}?q=Diallo&fbclid=x"))
    assert "Amina Diallo" in other
    assert "Jorge Ruiz" not in other


def test_the_agenda_calendar_is_cached_per_choice_of_slots(client, django_assert_num_queries):
    event, speaker = programme()
    second = SlotFactory(day=speaker.slot.day, title="Closing plenary", number=2)
    url = reverse("public:event-agenda-ics", kwargs={"slug": event.slug})
    first = client.get(f"{url}?slots={speaker.slot.pk}")
    assert b"Panel on remittances" in first.content
    assert b"Closing plenary" not in first.content
    with django_assert_num_queries(0):
        again = client.get(f"{url}?slots={speaker.slot.pk}&utm_source=app")
    assert again.content == first.content
    both = client.get(f"{url}?utm_source=app&slots={speaker.slot.pk},{second.pk}")
    assert b"Panel on remittances" in both.content
    assert b"Closing plenary" in both.content


def test_staff_keep_every_parameter_of_the_address(staff_client):
    event, _speaker = programme()
    response = staff_client.get(event.get_absolute_url() + "?utm_source=newsletter")
    assert response.status_code == 200
    assert "utm_source=newsletter" in response.content.decode()  # its language links
