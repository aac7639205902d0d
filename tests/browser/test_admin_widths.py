"""At 1280 px no admin change page of the demo data is wider than the window."""

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse
from playwright.sync_api import expect

from tests.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "Geneva-plenary-2018!"
WIDER_THAN_THE_WINDOW = """() => {
    const root = document.documentElement;
    const wide = [...document.querySelectorAll("#content *")]
        .filter(element => element.getBoundingClientRect().right > root.clientWidth)
        .filter(element => element.parentElement.getBoundingClientRect().right <= root.clientWidth)
        .slice(0, 3)
        .map(element => element.tagName.toLowerCase() + "." + [...element.classList].join(".")
             + "#" + element.id + " " + Math.round(element.getBoundingClientRect().width));
    return {scroll: root.scrollWidth, client: root.clientWidth, wide: wide};
}"""


def change_pages():
    """One change page per registered ModelAdmin, for the first row of the demo data."""
    pages = []
    for model in admin.site._registry:
        obj = model._default_manager.order_by("pk").first()
        if obj is None:
            continue
        opts = model._meta
        try:
            address = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        except NoReverseMatch:
            continue
        pages.append((opts.label, address))
    return pages


def test_no_admin_change_page_of_the_demo_scrolls_sideways_at_1280(live_server, chromium):
    call_command("load_demo", verbosity=0)
    UserFactory(username="secretariat", password=PASSWORD, is_staff=True, is_superuser=True)
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("#id_username").fill("secretariat")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#login-form [type=submit]").click()
    expect(page.locator("#user-tools")).to_be_visible()

    pages = change_pages()
    assert len(pages) >= 10
    too_wide = []
    for label, address in pages:
        page.goto(f"{live_server.url}{address}")
        page.wait_for_load_state("load")
        expect(page.locator("#content")).to_be_visible()
        width = page.evaluate(WIDER_THAN_THE_WINDOW)
        if width["scroll"] > width["client"]:
            too_wide.append(f"{label} {address}: {width['scroll']} px ({width['wide']})")
    context.close()
    print("\n".join(too_wide))
    assert too_wide == []
