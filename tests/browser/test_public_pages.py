"""Every public page in English, French and Spanish: axe-core finds no WCAG 2.1 A/AA problem,
the page reflows at 375 px, the language switcher and hreflang alternates lead to the same
page in the other languages, and screenshots at 375 and 1280 px are written for people."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from django.utils import translation
from playwright.sync_api import expect

from conference.models import Event
from documents.models import Document
from programme.models import Slot
from speakers.models import Person
from tests.factories import (
    AppearanceFactory,
    DocumentFactory,
    PersonFactory,
    UserFactory,
    role,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LANGUAGES = ["en", "fr", "es"]
PASSWORD = "Geneva-plenary-2018!"
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
TITLES = {
    "en": "International Dialogue on Migration 2018",
    "fr": "Dialogue international sur la migration 2018",
    "es": "Diálogo Internacional sobre la Migración 2018",
}

# The text a sighted reader sees: without the words kept for screen readers only.
SEEN_TEXT = """element => {
    const copy = element.cloneNode(true);
    copy.querySelectorAll(".visually-hidden").forEach(hidden => hidden.remove());
    return copy.textContent.replace(/\\s+/g, " ").trim();
}"""


@pytest.fixture
def demo():
    """The IDM 2018 demo, with its title in three languages, a document in two languages
    and a speaker whose name and designation are written in Arabic."""
    call_command("load_demo", verbosity=0)
    event = Event.objects.get()
    event.title_en, event.title_fr, event.title_es = TITLES.values()
    event.save()
    slot = Slot.objects.filter(appearances__isnull=False).order_by("order").first()
    remarks = Document.objects.filter(slot=slot).first() or DocumentFactory(
        slot=slot, title="Concept note of the session"
    )
    DocumentFactory(
        slot=slot,
        translation_of=remarks,
        language="fr",
        title=remarks.title,
        title_fr="Note de synthèse de la session",
    )
    speaker = PersonFactory(
        honorific="", given_names="ليلى", family_names="الحسيني", position="", organisation=None
    )
    AppearanceFactory(
        slot=slot,
        person=speaker,
        role=role("Speaker"),
        order=99,
        designation="وزيرة الهجرة",
    )
    return {
        "event": event,
        "person": Person.objects.get(family_names="Arbour"),
        "arabic": speaker,
        "document": remarks,
    }


def public_pages(demo):
    event, person = demo["event"], demo["person"]
    return {
        "home": "/",
        "series": f"/series/{event.series.slug}/",
        "programme": f"/events/{event.slug}/",
        "event-speakers": f"/events/{event.slug}/speakers/",
        "person": f"/speakers/{person.slug}/",
        "photos": f"/events/{event.slug}/photos/",
        "search": "/search/?q=migration",
        "not-found": "/events/no-such-event/",
    }


def expected_status(name):
    return 404 if name == "not-found" else 200


def axe_violations(tab):
    results = Axe().run(tab, options=WCAG_21_AA)
    return results.response["violations"], results.generate_report()


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_meet_wcag_21_aa_in_each_language(
    live_server, page, screenshot, demo, language
):
    problems, errors, broken = {}, [], []
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and not message.text.startswith("Failed to load resource")
            and errors.append(message.text)
        ),
    )
    page.on(
        "response",
        lambda response: (
            response.status >= 400
            and not response.url.endswith(("/favicon.ico", "/no-such-event/"))
            and broken.append(f"{response.status} {response.url}")
        ),
    )
    for name, path in public_pages(demo).items():
        page.set_viewport_size({"width": 1280, "height": 900})
        response = page.goto(f"{live_server.url}/{language}{path}")
        assert response.status == expected_status(name), path
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.locator("h1")).to_have_count(1)
        if name == "search":
            expect(page.locator("#results-slots + .results li").first).to_be_visible()
        for width in (1280, 375):
            page.set_viewport_size({"width": width, "height": 900})
            violations, report = axe_violations(page)
            if violations:
                problems[f"{name} at {width}px"] = report
            overflow = page.evaluate("document.documentElement.scrollWidth")
            assert overflow <= width, f"{name} scrolls sideways at {width}px ({overflow}px)"
        screenshot(page, f"{name}-{language}")

    assert problems == {}, "\n\n".join(f"{where}: {report}" for where, report in problems.items())
    assert errors == []  # a Content Security Policy refusal would be reported here
    assert broken == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_programme_reads_in_the_language_of_its_address(live_server, page, demo, language):
    event = demo["event"]

    page.goto(f"{live_server.url}/{language}/events/{event.slug}/")

    expect(page.get_by_role("heading", level=1)).to_have_text(TITLES[language])
    switcher = page.get_by_role(
        "navigation", name={"en": "Language", "fr": "Langue", "es": "Idioma"}[language]
    )
    current = switcher.locator("[aria-current=page]")
    expect(current).to_have_attribute("lang", language)
    expect(current).to_have_attribute("href", f"/{language}/events/{event.slug}/")
    for other in LANGUAGES:
        link = switcher.locator(f"a[hreflang={other}]")
        expect(link).to_have_attribute("href", f"/{other}/events/{event.slug}/")
        alternate = page.locator(f"link[rel=alternate][hreflang={other}]")
        expect(alternate).to_have_attribute(
            "href", f"{live_server.url}/{other}/events/{event.slug}/"
        )
    expect(page.locator("link[rel=alternate][hreflang=x-default]")).to_have_attribute(
        "href", f"{live_server.url}/events/{event.slug}/"
    )


def test_language_switcher_keeps_the_page_and_the_search(live_server, page, demo):
    page.goto(f"{live_server.url}/en/search/?q=migration")

    page.get_by_role("link", name="Español").click()

    expect(page).to_have_url(f"{live_server.url}/es/search/?q=migration")
    expect(page.locator("html")).to_have_attribute("lang", "es")


def test_unprefixed_address_redirects_to_the_browser_language(live_server, chromium, demo):
    context = chromium.new_context(locale="fr-FR")
    tab = context.new_page()
    event = demo["event"]

    tab.goto(f"{live_server.url}/events/{event.slug}/")

    expect(tab).to_have_url(f"{live_server.url}/fr/events/{event.slug}/")
    expect(tab.get_by_role("heading", level=1)).to_have_text(TITLES["fr"])
    context.close()


def test_document_in_two_languages_is_one_entry_and_each_language_downloads(
    live_server, page, demo
):
    document = demo["document"]
    french = document.translations.get()
    page.goto(f"{live_server.url}/fr/events/{demo['event'].slug}/")

    entry = page.locator(".document-languages", has=page.locator(f"a[href$='/{french.pk}/']"))
    expect(entry).to_have_count(1)
    with translation.override("fr"):
        kind = document.get_kind_display()
    assert entry.evaluate(SEEN_TEXT) == f"{kind} (EN, FR)"
    links = {
        language: entry.locator(f"a[hreflang={language}]").get_attribute("href")
        for language in ("en", "fr")
    }
    assert links == {
        "en": f"/fr/documents/{document.pk}/",
        "fr": f"/fr/documents/{french.pk}/",
    }
    for language, expected in (("en", document), ("fr", french)):
        response = page.request.get(f"{live_server.url}{links[language]}")
        assert response.status == 200
        with expected.file.open("rb") as stored:
            assert response.body() == stored.read()


def test_arabic_names_and_designations_read_right_to_left(live_server, page, demo):
    page.goto(f"{live_server.url}/en/events/{demo['event'].slug}/")

    name = page.get_by_role("link", name="ليلى الحسيني")
    expect(name).to_have_count(1)
    assert name.evaluate("element => element.matches(':dir(rtl)')")
    designation = page.get_by_text("وزيرة الهجرة", exact=True)
    assert designation.evaluate("element => element.matches(':dir(rtl)')")
    assert page.locator("main").evaluate("element => element.matches(':dir(ltr)')")


@pytest.mark.parametrize("language", LANGUAGES)
def test_staff_statistics_page_meets_wcag_21_aa(live_server, page, screenshot, demo, language):
    UserFactory(
        username="statistician", password=PASSWORD, is_staff=True, groups=["Secretariat viewers"]
    )
    event = demo["event"]
    page.goto(f"{live_server.url}/admin/login/?next=/{language}/events/{event.slug}/statistics/")
    page.locator("#id_username").fill("statistician")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#login-form [type=submit]").click()

    expect(page).to_have_url(f"{live_server.url}/{language}/events/{event.slug}/statistics/")
    # Charts first; each table behind its "Show as table" disclosure, opened by a click.
    expect(page.locator("table").first).to_be_hidden()
    page.locator("details.figure-table > summary").first.click()
    expect(page.locator("table").first).to_be_visible()
    page.evaluate("document.querySelectorAll('details.figure-table').forEach(d => d.open = true)")
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        violations, report = axe_violations(page)
        assert violations == [], report
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= width, f"statistics scroll sideways at {width}px ({overflow}px)"
    screenshot(page, f"statistics-{language}")
