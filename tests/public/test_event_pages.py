"""Drafts and private fields stay hidden; home, series, speakers, photos, sitemap and robots.txt."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from documents.enums import DocumentKind
from tests.factories import (
    AppearanceFactory,
    DayFactory,
    DocumentFactory,
    EventFactory,
    EventSeriesFactory,
    PersonFactory,
    PhotoFactory,
    SlotFactory,
    role,
)
from tests.pages import page_links, page_text
from tests.public.helpers import photos_url, speakers_url

pytestmark = pytest.mark.django_db


# Drafts, private documents and private fields -------------------------------------------------


@pytest.mark.parametrize("url_of", [lambda e: e.get_absolute_url(), speakers_url, photos_url])
def test_draft_event_pages_are_not_found_for_anonymous_visitors(client, url_of):
    event = EventFactory(slots=1, speakers_per_slot=1)
    PhotoFactory(event=event)
    response = client.get(url_of(event))
    assert response.status_code == 404
    assert event.title not in response.content.decode()
    assert "There is no public page at this address." in page_text(response)


@pytest.mark.parametrize("url_of", [lambda e: e.get_absolute_url(), speakers_url, photos_url])
def test_staff_see_draft_event_pages_with_a_banner(staff_client, url_of):
    event = EventFactory(title="Unannounced dialogue", slots=1, speakers_per_slot=1)
    response = staff_client.get(url_of(event))
    text = page_text(response)
    assert "Draft: not public" in text
    assert "Unannounced dialogue" in text
    assert "no-store" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_staff_see_drafts_on_the_home_page_marked_as_such(client, staff_client):
    EventFactory(title="Unannounced dialogue")
    assert "Unannounced dialogue" not in page_text(Client().get(reverse("public:home")))
    text = page_text(staff_client.get(reverse("public:home")))
    assert "Unannounced dialogue, Second session Draft: not public" in text


def test_published_pages_have_no_draft_banner(client):
    event = EventFactory(published=True, slots=1)
    assert "Draft: not public" not in page_text(client.get(event.get_absolute_url()))


def test_view_on_site_from_the_admin_opens_a_draft_for_staff(staff_client):
    from django.contrib.contenttypes.models import ContentType

    event = EventFactory(title="Unannounced dialogue", slots=1)
    content_type = ContentType.objects.get_for_model(event)
    redirect = staff_client.get(reverse("admin:view_on_site", args=[content_type.pk, event.pk]))
    assert redirect.status_code == 302
    response = staff_client.get(redirect["Location"], follow=True)
    assert "Draft: not public" in page_text(response)
    assert "Unannounced dialogue" in page_text(response)


def test_placeholder_and_private_documents_are_for_staff_only(client, staff_client):
    event = EventFactory(published=True, slots=1, speakers_per_slot=1, documents_per_speaker=0)
    appearance = event.days.get().slots.get().appearances.get(role__name="Speaker")
    DocumentFactory(appearance=appearance, kind=DocumentKind.PRESENTATION, file=None)
    DocumentFactory(appearance=appearance, kind=DocumentKind.STATEMENT, is_public=False)
    DocumentFactory(appearance=appearance, kind=DocumentKind.REMARKS)

    anonymous = page_text(Client().get(event.get_absolute_url()))
    assert "Remarks (PDF, 1 KB)" in anonymous
    assert "Presentation" not in anonymous
    assert "Statement" not in anonymous
    assert "staff only" not in anonymous

    staff = page_text(staff_client.get(event.get_absolute_url()))
    assert "Presentation (awaiting its file; staff only)" in staff
    assert "Statement (PDF, 1 KB) (not public; staff only)" in staff


def test_staff_see_a_language_version_and_an_event_document_that_visitors_do_not(staff_client):
    """A French version not yet public, in the languages of its original, and the event's
    own document held until it is delivered, in the related documents with its title."""
    event = EventFactory(published=True, slots=1, speakers_per_slot=1, documents_per_speaker=0)
    appearance = event.days.get().slots.get().appearances.get(role__name="Speaker")
    original = DocumentFactory(appearance=appearance, kind=DocumentKind.REMARKS)
    DocumentFactory(appearance=appearance, kind=DocumentKind.REMARKS, language="fr",
                    translation_of=original, is_public=False)  # fmt: skip
    DocumentFactory(event=event, title="Chair's summary", kind=DocumentKind.REPORT,
                    embargoed_until_delivered=True)  # fmt: skip

    anonymous = page_text(Client().get(event.get_absolute_url()))
    assert "Remarks (PDF, 1 KB)" in anonymous
    assert "FR" not in anonymous.split()
    assert "Chair's summary" not in anonymous
    assert "staff only" not in anonymous

    staff = page_text(staff_client.get(event.get_absolute_url()))
    assert (
        "Remarks (EN – English (PDF, 1 KB), FR – French (PDF, 1 KB) (not public; staff only))"
        in staff
    )
    assert (
        "Related documents Chair's summary: Report (PDF, 1 KB) "
        "Check against delivery: Embargoed until delivered"
    ) in staff


def test_email_phone_and_gender_never_appear_on_public_pages(client):
    event = EventFactory(published=True, slots=2, speakers_per_slot=2)
    person = PersonFactory(
        email="secret.person@private.example.org",
        phone="+41 22 999 88 77",
        gender="female",
        biography="Long career.",
    )
    AppearanceFactory(slot=event.days.get().slots.first(), person=person)
    PhotoFactory(event=event)
    urls = [
        reverse("public:home"),
        event.get_absolute_url(),
        speakers_url(event),
        photos_url(event),
        person.get_absolute_url(),
        event.series.get_absolute_url(),
        reverse("public:search") + f"?q={person.family_names}",
    ]
    for url in urls:
        html = client.get(url).content.decode()
        if url not in (
            photos_url(event),
            reverse("public:home"),
            event.series.get_absolute_url(),
        ):
            assert person.family_names in html, url
        for private in ("private.example.org", "+41 22", "female", "Female", "gender"):
            assert private not in html, (url, private)


# Home and series -------------------------------------------------------------------------------


def test_home_lists_upcoming_events_first_then_past_grouped_by_series(client):
    today = timezone.localdate()
    idm = EventSeriesFactory(name="International Dialogue on Migration")
    forum = EventSeriesFactory(name="Global Forum")
    EventFactory(
        published=True,
        series=idm,
        title="IDM past",
        start_date=datetime.date(2018, 10, 8),
        end_date=datetime.date(2018, 10, 9),
    )
    EventFactory(
        published=True,
        series=forum,
        title="Forum soon",
        start_date=today + datetime.timedelta(days=10),
        end_date=today + datetime.timedelta(days=11),
    )
    EventFactory(
        published=True,
        series=idm,
        title="IDM later",
        start_date=today + datetime.timedelta(days=100),
        end_date=today + datetime.timedelta(days=101),
    )
    EventFactory(series=idm, title="IDM draft", start_date=today, end_date=today)

    text = page_text(client.get(reverse("public:home")))

    upcoming, past = text.split("Past events")
    assert upcoming.index("Global Forum") < upcoming.index("Forum soon")
    assert upcoming.index("Forum soon") < upcoming.index("International Dialogue on Migration")
    assert upcoming.index("International Dialogue on Migration") < upcoming.index("IDM later")
    assert "IDM past" in past
    assert "IDM draft" not in text


@pytest.mark.parametrize("events", [1, 6])
def test_home_queries_do_not_grow(client, django_assert_num_queries, events):
    for _ in range(events):
        EventFactory(published=True)
    with django_assert_num_queries(1):
        response = client.get(reverse("public:home"))
    assert page_text(response).count("Second session") == events


def test_series_lists_published_events_by_year(client):
    series = EventSeriesFactory(name="International Dialogue on Migration")
    EventFactory(
        published=True,
        series=series,
        title="First 2018 session",
        start_date=datetime.date(2018, 3, 26),
        end_date=datetime.date(2018, 3, 27),
    )
    EventFactory(published=True, series=series, title="Second 2018 session")
    EventFactory(
        published=True,
        series=series,
        title="2019 session",
        start_date=datetime.date(2019, 10, 8),
        end_date=datetime.date(2019, 10, 9),
    )
    EventFactory(series=series, title="Draft session")
    text = page_text(client.get(series.get_absolute_url()))
    assert text.index("2019") < text.index("2019 session") < text.index("2018 ")
    assert text.index("Second 2018 session") < text.index("First 2018 session")
    assert "Draft session" not in text


@pytest.mark.parametrize("events", [1, 6])
def test_series_queries_do_not_grow(client, django_assert_num_queries, events):
    series = EventSeriesFactory()
    for _ in range(events):
        EventFactory(published=True, series=series)
    with django_assert_num_queries(2):
        response = client.get(series.get_absolute_url())
    assert page_text(response).count("Second session") == events


# Speakers of an event -----------------------------------------------------------------------


def test_event_speakers_are_listed_a_to_z_by_family_name_with_roles_and_slots(client):
    event = EventFactory(published=True)
    day = DayFactory(event=event)
    panel = SlotFactory(
        day=day,
        number=1,
        title="Frameworks",
        start_time=datetime.time(11, 30),
        end_time=datetime.time(13),
    )
    closing = SlotFactory(
        day=day,
        number="",
        title="Closing",
        order=5,
        start_time=datetime.time(17),
        end_time=datetime.time(18),
    )
    for given, family in [
        ("Juan José", "Gómez Camacho"),
        ("Louise", "Arbour"),
        ("Martin", "Chungong"),
    ]:
        person = PersonFactory(given_names=given, family_names=family)
        AppearanceFactory(slot=panel, person=person)
    vitorino = PersonFactory(given_names="António", family_names="Vitorino")
    AppearanceFactory(slot=panel, person=vitorino, role=role("Moderator"))
    AppearanceFactory(slot=closing, person=vitorino, role=role("Speaker"))

    response = client.get(speakers_url(event))
    text = page_text(response)

    names = ["Arbour, Louise", "Chungong, Martin", "Gómez Camacho, Juan José", "Vitorino, António"]
    positions = [text.index(name) for name in names]
    assert positions == sorted(positions)
    assert "G Gómez Camacho" in text  # under the letter G despite the accent
    assert "Moderator (Director, Organisation" in text
    assert "8 October, 11:30–13:00 Session 1: Frameworks" in text
    assert "8 October, 17:00–18:00 Closing" in text
    assert (f"{event.get_absolute_url()}#session-{closing.pk}") in [
        attrs["href"] for _text, attrs in page_links(response)
    ]


@pytest.mark.parametrize("slots", [1, 8])
def test_event_speakers_queries_do_not_grow(client, settings, django_assert_num_queries, slots):
    settings.PAGE_CACHE_ENABLED = False  # fragments only: each request assembles the page
    event = EventFactory(published=True, slots=slots, speakers_per_slot=4)
    # No fragment stored: the event, its people, their appearances.
    with django_assert_num_queries(3):
        response = client.get(speakers_url(event))
    assert page_text(response).count("Speaker (") == slots * 4
    # Every person's fragment stored: no appearance.
    with django_assert_num_queries(2):
        response = client.get(speakers_url(event))
    assert page_text(response).count("Speaker (") == slots * 4


# Photos ---------------------------------------------------------------------------------------


def test_gallery_shows_thumbnails_captions_credits_and_links_to_full_images(client):
    event = EventFactory(published=True, slots=1)
    slot = event.days.get().slots.get()
    photo = PhotoFactory(
        event=event,
        slot=slot,
        caption="Opening panel",
        credit="IOM/Muse",
        alt_text="Four panellists at a table",
    )
    response = client.get(photos_url(event))
    html = response.content.decode()
    assert f'<a href="{photo.image.url}"><img src="{photo.thumbnail.url}"' in html
    assert 'alt="Four panellists at a table"' in html
    text = page_text(response)
    assert "Opening panel © IOM/Muse" in text
    assert slot.heading in text


@pytest.mark.parametrize("photos", [1, 8])
def test_gallery_queries_do_not_grow(client, django_assert_num_queries, photos):
    event = EventFactory(published=True, slots=1)
    slot = event.days.get().slots.get()
    for _ in range(photos):
        PhotoFactory(event=event, slot=slot)
    with django_assert_num_queries(2):
        response = client.get(photos_url(event))
    assert response.content.decode().count("<figure") == photos


# Sitemap and robots.txt -------------------------------------------------------------------------


def test_sitemap_lists_published_events_and_their_people_only(client):
    published = EventFactory(published=True, slots=1)
    draft = EventFactory(slots=1)
    visible = published.days.get().slots.get().appearances.get().person
    hidden = draft.days.get().slots.get().appearances.get().person
    xml = client.get("/sitemap.xml").content.decode()
    assert f"http://testserver/en/events/{published.slug}/" in xml
    assert f"http://testserver/fr/events/{published.slug}/" in xml
    assert f"/en/speakers/{visible.slug}/" in xml
    assert draft.slug not in xml
    assert hidden.slug not in xml


@pytest.mark.parametrize("events", [1, 5])
def test_sitemap_queries_do_not_grow(client, django_assert_num_queries, events):
    for _ in range(events):
        EventFactory(published=True, slots=1, speakers_per_slot=2)
    with django_assert_num_queries(3):
        response = client.get("/sitemap.xml")
    # Home, one series per event, the events and three people per event, in three languages.
    assert response.content.decode().count("<url>") == 3 * (1 + events + events + events * 3)


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "Sitemap: http://testserver/sitemap.xml",
    ]
