"""A staff member logs in through the real form and adds a slot with two speakers."""

import datetime

import pytest
from playwright.sync_api import expect

from programme.models import Appearance, Slot
from tests.factories import DayFactory, EventFactory, PersonFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "Geneva-plenary-2018!"


def pick_autocomplete(page, select_id, search, choice):
    """Open the select2 widget that replaces <select id=select_id>, search, click the choice."""
    page.locator(f"#{select_id} + .select2 .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(search)
    option = page.locator(".select2-results__option", has_text=choice)
    expect(option).to_have_count(1)
    option.click()
    expect(page.locator(f"#select2-{select_id}-container")).to_contain_text(choice)


def test_editor_adds_slot_with_two_speakers(live_server, page, screenshot):
    UserFactory(
        username="secretariat", password=PASSWORD, is_staff=True, groups=["Secretariat editors"]
    )
    event = EventFactory(title="International Dialogue on Migration 2018")
    DayFactory(event=event, date=datetime.date(2018, 10, 8), label="DAY ONE")
    PersonFactory(honorific="Ms.", given_names="Amina", family_names="Okonkwo")
    PersonFactory(honorific="Mr.", given_names="Tomás", family_names="Villanueva")

    page.goto(f"{live_server.url}/admin/")
    expect(page).to_have_url(f"{live_server.url}/admin/login/?next=/admin/")
    screenshot(page, "admin-login")
    page.get_by_label("Username").fill("secretariat")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()

    page.goto(f"{live_server.url}/admin/programme/slot/add/")
    expect(page.get_by_role("heading", name="Add slot")).to_be_visible()
    pick_autocomplete(page, "id_day", "DAY ONE", "DAY ONE")
    page.locator("#id_start_time").fill("10:00")
    page.locator("#id_end_time").fill("11:30")
    page.locator("#id_number").fill("2")
    page.locator("#id_title_en").fill("Youth and migration: a shared future")
    page.locator("#id_title_fr").fill("Jeunesse et migration : un avenir commun")

    pick_autocomplete(page, "id_appearances-0-person", "Okonkwo", "Amina Okonkwo")
    page.locator("#id_appearances-0-role").select_option(label="Moderator")
    page.locator(".add-row a").first.click()
    expect(page.locator("#id_appearances-1-person")).to_be_attached()
    pick_autocomplete(page, "id_appearances-1-person", "Villanueva", "Tomás Villanueva")
    page.locator("#id_appearances-1-role").select_option(label="Speaker")
    screenshot(page, "admin-add-slot")

    page.get_by_role("button", name="Save", exact=True).click()

    success = page.locator(".messagelist .success")
    expect(success).to_contain_text("was added successfully")
    expect(success).to_contain_text("Youth and migration: a shared future")
    screenshot(page, "admin-slot-added")

    slot = Slot.objects.get()
    assert slot.title_en == "Youth and migration: a shared future"
    assert slot.title_fr == "Jeunesse et migration : un avenir commun"
    assert (slot.day.date, slot.number) == (datetime.date(2018, 10, 8), "2")
    assert (slot.start_time, slot.end_time) == (datetime.time(10), datetime.time(11, 30))
    appearances = Appearance.objects.filter(slot=slot).select_related("person", "role")
    assert sorted((p.person.full_name, p.role.name) for p in appearances) == [
        ("Amina Okonkwo", "Moderator"),
        ("Tomás Villanueva", "Speaker"),
    ]


def test_back_office_speaks_the_browser_language_until_another_is_chosen(
    live_server, chromium, screenshot
):
    UserFactory(
        username="secretaria", password=PASSWORD, is_staff=True, groups=["Secretariat editors"]
    )
    context = chromium.new_context(locale="fr-CH", viewport={"width": 1280, "height": 900})
    tab = context.new_page()

    tab.goto(f"{live_server.url}/admin/")
    expect(tab.locator("html")).to_have_attribute("lang", "fr")
    tab.get_by_label("Nom d’utilisateur").fill("secretaria")
    tab.get_by_label("Mot de passe").fill(PASSWORD)
    tab.get_by_role("button", name="Connexion").click()
    expect(tab.get_by_role("heading", name="Site d’administration")).to_be_visible()
    expect(tab.get_by_role("link", name="Créneaux", exact=True)).to_be_visible()
    screenshot(tab, "admin-index-fr")

    tab.get_by_role("button", name="Español").click()

    expect(tab.locator("html")).to_have_attribute("lang", "es")
    expect(tab.get_by_role("heading", name="Sitio administrativo")).to_be_visible()
    expect(tab.get_by_role("link", name="Franjas horarias", exact=True)).to_be_visible()
    tab.goto(f"{live_server.url}/admin/programme/slot/add/")
    expect(tab.get_by_role("heading", name="Añadir franja horaria")).to_be_visible()
    screenshot(tab, "admin-add-slot-es")
    context.close()
