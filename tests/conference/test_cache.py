"""The page cache: edits show on the next request, nothing private is ever served from it."""

import datetime
import socket

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation
from django.utils.http import http_date

from core.cache import (
    bulk_changes,
    bump_all,
    cached_public_page,
    check_shared_cache,
)
from documents.enums import DocumentKind
from programme.models import Slot
from public.invalidation import bump_event
from tests.factories import (
    AppearanceFactory,
    DayFactory,
    DocumentFactory,
    EventFactory,
    PersonFactory,
    PhotoFactory,
    SlotFactory,
    role,
)
from tests.pages import page_text

pytestmark = pytest.mark.django_db


def programme(published=True, **kwargs):
    """A published event with a day, a slot with a moderator and a speaker, documents, a photo."""
    event = EventFactory(published=published, title="Dialogue on migration", **kwargs)
    day = DayFactory(event=event, date=event.start_date, label="DAY ONE")
    slot = SlotFactory(day=day, title="Panel on remittances", number=1)
    AppearanceFactory(
        slot=slot,
        role=role("Moderator"),
        person=PersonFactory(given_names="Amina", family_names="Diallo"),
    )
    speaker = AppearanceFactory(
        slot=slot,
        role=role("Speaker"),
        person=PersonFactory(given_names="Jorge", family_names="Ruiz"),
        order=1,
    )
    DocumentFactory(event=event, title="Concept note")
    PhotoFactory(event=event, caption="Delegates in the hall")
    return event, speaker


def speakers_url(event):
    return reverse("public:event-speakers", kwargs={"slug": event.slug})


def cached_text(client, url, django_assert_num_queries):
    """The page as a visitor sees it, fetched twice: the second answer comes from the cache."""
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.content == first.content
    return page_text(second)


def edit_event(event, speaker):
    event.title = "Dialogue on labour mobility"
    event.save()
    return "Dialogue on labour mobility"


def edit_series(event, speaker):
    event.series.name = "Renamed dialogue series"
    event.series.save()
    return "Renamed dialogue series"


def edit_day(event, speaker):
    day = event.days.get()
    day.label = "OPENING DAY"
    day.save()
    return "OPENING DAY"


def edit_slot(event, speaker):
    slot = speaker.slot
    slot.title = "Panel on diaspora investment"
    slot.save()
    return "Panel on diaspora investment"


def edit_designation(event, speaker):
    speaker.designation = "Minister of Labour, Republic of Somewhere"
    speaker.save()
    return "Minister of Labour, Republic of Somewhere"


def edit_person(event, speaker):
    speaker.person.family_names = "Ruiz Castillo"
    speaker.person.save()
    return "Ruiz Castillo"


def edit_organisation(event, speaker):
    organisation = speaker.organisation
    organisation.name = "Ministry of Foreign Affairs"
    organisation.save()
    return "Ministry of Foreign Affairs"


def edit_role(event, speaker):
    moderator = role("Moderator")
    moderator.label = "Chair"
    moderator.save()
    return "Chair: Ms. Amina Diallo"


def edit_document(event, speaker):
    document = event.documents.get()
    document.title = "Revised concept note"
    document.save()
    return "Revised concept note"


def add_document(event, speaker):
    DocumentFactory(appearance=speaker, kind=DocumentKind.PRESENTATION)
    return "Presentation (PDF, 1 KB)"


def edit_photo(event, speaker):
    photo = event.photos.get()
    photo.caption = "The closing plenary"
    photo.save()
    return "The closing plenary"


def add_slot(event, speaker):
    SlotFactory(
        day=event.days.get(), title="Closing session", start_time=datetime.time(17), end_time=None
    )
    return "Closing session"


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
    with bulk_changes(), django_assert_num_queries(1):
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


def anonymous_request(path="/en/test/"):
    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    request.session = SessionStore()
    return request


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
    settings.PAGE_CACHE_ENABLED = False
    event, _ = programme()
    url = event.get_absolute_url()
    first = client.get(url)
    with django_assert_num_queries(6):
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

REDIS_URL = "redis://127.0.0.1:6379/9"


def redis_is_up():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


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
