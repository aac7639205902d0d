"""The public site in English, French and Spanish: addresses, switcher, alternates, content."""

import datetime
import re

import pytest
from django.utils import translation

from documents.enums import DocumentKind
from tests.factories import (
    AppearanceFactory,
    DayFactory,
    DocumentFactory,
    EventFactory,
    PersonFactory,
    SlotFactory,
)
from tests.pages import page_links, page_text, parse

pytestmark = pytest.mark.django_db

HIDDEN = re.compile(r'<span class="visually-hidden">[^<]*</span>')


def programme(event, language):
    return f"/{language}/events/{event.slug}/"


def switcher(response):
    """(own name, href, lang, aria-current) of each link of the language switcher."""
    html = response.content.decode()
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return [
        (text, attrs["href"], attrs.get("lang"), attrs.get("aria-current"))
        for text, attrs in parse(nav)[1]
    ]


@pytest.fixture
def event():
    event = EventFactory(
        published=True,
        slug="idm-2018",
        title="International Dialogue on Migration",
        title_fr="Dialogue international sur la migration",
        title_es="Diálogo Internacional sobre la Migración",
        subtitle="Partnerships for migration governance",
    )
    day = DayFactory(event=event, date=datetime.date(2018, 10, 8), label="DAY ONE")
    day.label_fr, day.label_es = "PREMIER JOUR", "PRIMER DÍA"
    day.save()
    slot = SlotFactory(
        day=day, number=1, title="Opening", title_fr="Ouverture", video_url="https://v.example"
    )
    AppearanceFactory(
        slot=slot,
        person=PersonFactory(given_names="Louise", family_names="Arbour"),
        designation="Special Representative",
        designation_fr="Représentante spéciale",
    )
    return event


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_switcher_links_the_same_page_in_each_language_named_in_itself(client, event, language):
    response = client.get(programme(event, language))

    assert switcher(response) == [
        ("English", programme(event, "en"), "en", "page" if language == "en" else None),
        ("Français", programme(event, "fr"), "fr", "page" if language == "fr" else None),
        ("Español", programme(event, "es"), "es", "page" if language == "es" else None),
    ]


def test_alternates_give_every_language_and_the_redirecting_address_by_default(client, event):
    html = client.get(programme(event, "es")).content.decode()

    alternates = re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html)
    assert alternates == [
        ("en", f"http://testserver{programme(event, 'en')}"),
        ("fr", f"http://testserver{programme(event, 'fr')}"),
        ("es", f"http://testserver{programme(event, 'es')}"),
        ("x-default", f"http://testserver/events/{event.slug}/"),
    ]


def test_switcher_keeps_the_search_words(client, event):
    response = client.get("/fr/search/", {"q": "Arbour migration"})

    hrefs = [href for _text, href, _lang, _current in switcher(response)]
    assert hrefs == [
        "/en/search/?q=Arbour+migration",
        "/fr/search/?q=Arbour+migration",
        "/es/search/?q=Arbour+migration",
    ]


@pytest.mark.parametrize(
    ("accept_language", "prefix"), [("", "en"), ("fr-CH,fr;q=0.9", "fr"), ("es", "es")]
)
def test_old_unprefixed_addresses_redirect_to_the_language_of_the_browser(
    client, event, accept_language, prefix
):
    headers = {"accept-language": accept_language} if accept_language else {}
    response = client.get(f"/events/{event.slug}/", headers=headers)

    assert response.status_code == 302
    assert response["Location"] == programme(event, prefix)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                "International Dialogue on Migration",
                "8 October 2018 – 9 October 2018",
                "DAY ONE – 8 October 2018",
                "Session 1: Opening",
                "Video of the session",
                "Louise Arbour, Special Representative",
            ],
        ),
        (
            "fr",
            [
                "Dialogue international sur la migration",
                "8 octobre 2018 – 9 octobre 2018",
                "PREMIER JOUR – 8 octobre 2018",
                "Session 1 : Ouverture",
                "Vidéo de la session",
                "Louise Arbour, Représentante spéciale",
                "Documents connexes",
            ],
        ),
        (
            "es",
            [
                "Diálogo Internacional sobre la Migración",
                "8 de octubre de 2018 – 9 de octubre de 2018",
                "PRIMER DÍA – 8 de octubre de 2018",
                "Sesión 1: Opening",
                "Vídeo de la sesión",
                "Louise Arbour, Special Representative",
                "Documentos conexos",
            ],
        ),
    ],
)
def test_programme_reads_in_the_language_of_its_address(client, event, language, expected):
    text = page_text(client.get(programme(event, language)))

    for words in expected:
        assert words in text
    assert "Partnerships for migration governance" in text  # no French: English, never blank


def test_document_in_two_languages_is_one_entry_each_language_its_own_download(client, event):
    slot = event.days.get().slots.get()
    original = DocumentFactory(slot=slot, kind=DocumentKind.REMARKS, title="Remarks")
    french = DocumentFactory(
        slot=slot,
        kind=DocumentKind.REMARKS,
        title="Allocution",
        language="fr",
        translation_of=original,
    )

    response = client.get(programme(event, "fr"))

    seen = parse(HIDDEN.sub("", response.content.decode()))[0]  # what a sighted reader sees
    assert "Allocution (EN, FR)" in seen
    assert "Allocution (PDF" not in seen
    links = [(text, attrs["href"], attrs.get("hreflang")) for text, attrs in page_links(response)]
    assert ("EN – Anglais (PDF, 1 Ko)", f"/fr/documents/{original.pk}/", "en") in links
    assert ("FR – Français (PDF, 1 Ko)", f"/fr/documents/{french.pk}/", "fr") in links
    for document in (original, french):
        download = client.get(f"/fr/documents/{document.pk}/")
        with document.file.open("rb") as stored:
            assert b"".join(download.streaming_content) == stored.read()


def test_rtl_names_and_designations_are_marked_for_the_browser(client, event):
    slot = event.days.get().slots.get()
    AppearanceFactory(
        slot=slot,
        person=PersonFactory(honorific="", given_names="ليلى", family_names="الحسيني"),
        designation="وزيرة الهجرة",
        order=5,
    )

    html = client.get(programme(event, "en")).content.decode()

    assert re.search(r'<a class="person-link" dir="auto" href="[^"]+">ليلى الحسيني</a>', html)
    assert '<span class="designation" dir="auto">وزيرة الهجرة</span>' in html
    assert '<span class="slot__title" dir="auto">Session 1: Opening</span>' in html


def test_interface_strings_use_the_active_language_outside_pages_too():
    with translation.override("es"):
        assert str(DocumentKind.CONCEPT_NOTE.label) == "Nota conceptual"


def test_english_shown_for_missing_french_is_marked_as_english(client, event):
    html = client.get(programme(event, "fr")).content.decode()

    assert '<h1 class="event-header__title" dir="auto">Dialogue international' in html
    assert (
        '<p class="event-header__subtitle" dir="auto" lang="en">'
        "Partnerships for migration governance</p>"
    ) in html
    assert '<span class="designation" dir="auto">Représentante spéciale</span>' in html


def test_nothing_is_marked_on_english_pages(client, event):
    html = client.get(programme(event, "en")).content.decode()

    assert not re.search(r'\slang="en"', html.split("<main", 1)[1])


def test_sitemap_lists_each_page_in_each_language_with_its_alternates(client, event):
    xml = client.get("/sitemap.xml").content.decode()

    for language in ("en", "fr", "es"):
        assert f"<loc>http://testserver{programme(event, language)}</loc>" in xml
        assert (
            f'<xhtml:link rel="alternate" hreflang="{language}" '
            f'href="http://testserver{programme(event, language)}"/>'
        ) in xml
    assert (
        '<xhtml:link rel="alternate" hreflang="x-default" '
        f'href="http://testserver/events/{event.slug}/"/>'
    ) in xml
