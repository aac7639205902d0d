"""The embeddable programme: framable by the configured sites; no other page is."""

import html

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.factories import EventFactory
from tests.pages import page_text

DEMO = "idm-2018-second-session"


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def embed_url(slug, lang="en"):
    return reverse("event-embed", kwargs={"lang": lang, "slug": slug})


def frame_ancestors(response):
    directives = [part.strip() for part in response["Content-Security-Policy"].split(";")]
    return next(d for d in directives if d.startswith("frame-ancestors"))


def test_the_embed_is_the_programme_without_the_site_header_and_footer(demo, client):
    response = client.get(embed_url(DEMO))
    text = page_text(response)
    assert "Opening Session" in text
    assert "António Vitorino" in text
    assert "Times are Geneva time, CEST (UTC+2)" in text
    content = response.content.decode()
    assert 'class="site-header"' not in content
    assert 'class="site-footer"' not in content
    assert '<base target="_blank">' in content


def test_the_embed_may_be_framed_by_any_site_by_default(demo, client):
    response = client.get(embed_url(DEMO))
    assert "X-Frame-Options" not in response
    assert frame_ancestors(response) == "frame-ancestors *"


def test_the_sites_that_may_frame_the_embed_are_a_setting(demo, client, settings):
    settings.EMBED_FRAME_ANCESTORS = ["https://www.iom.int", "https://*.un.org"]
    response = client.get(embed_url(DEMO))
    assert frame_ancestors(response) == "frame-ancestors https://www.iom.int https://*.un.org"


def test_a_cached_embed_keeps_its_framing_headers(demo, client, django_assert_num_queries):
    client.get(embed_url(DEMO))
    with django_assert_num_queries(0):
        response = client.get(embed_url(DEMO))
    assert "Opening Session" in page_text(response)
    assert "X-Frame-Options" not in response
    assert frame_ancestors(response) == "frame-ancestors *"


@pytest.mark.parametrize(
    "path",
    [
        f"/en/events/{DEMO}/",
        f"/en/events/{DEMO}/speakers/",
        f"/en/events/{DEMO}/now/",
        "/en/",
        "/en/search/?q=migration",
    ],
)
def test_every_other_page_refuses_to_be_framed(demo, client, path):
    response = client.get(path)
    assert response["X-Frame-Options"] == "DENY"
    assert frame_ancestors(response) == "frame-ancestors 'none'"


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_the_embed_speaks_the_language_of_its_address(demo, client, lang):
    response = client.get(embed_url(DEMO, lang))
    assert response["Content-Language"] == lang
    assert f'<html lang="{lang}"' in response.content.decode()


def test_an_unknown_language_or_a_draft_has_no_embed(client, db):
    draft = EventFactory(slots=1)
    published = EventFactory(published=True, slots=1)
    assert client.get(embed_url(draft.slug)).status_code == 404
    assert client.get(f"/embed/de/events/{published.slug}/").status_code == 404


def test_the_programme_page_offers_the_snippet_to_copy(demo, client):
    content = client.get(f"/en/events/{DEMO}/").content.decode()
    snippet = f'&lt;iframe src="http://testserver{embed_url(DEMO)}"'
    assert snippet in content
    assert "Show this programme on your own website" in html.unescape(content)


@pytest.mark.parametrize("slots", [1, 8])
def test_embed_queries_do_not_grow(client, db, django_assert_num_queries, slots):
    event = EventFactory(published=True, slots=slots, speakers_per_slot=3)
    with django_assert_num_queries(8):  # the programme page's eight (public.queries)
        response = client.get(embed_url(event.slug))
    assert event.title in page_text(response)
