"""Keyboard only, on the programme page: the skip link first, then every link and control
in the order of the page, each with a focus indicator a sighted keyboard user can see."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from conference.models import Event

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FOCUSABLE = (
    "a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), "
    "select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])"
)

# Numbers every element a keyboard user can reach (visible, focusable, not tabindex=-1)
# in document order, so that the order of Tab stops can be compared with it.
NUMBER_FOCUSABLE = """selector => {
    // checkVisibility() also leaves out what a closed <details> holds (the embed snippet).
    const visible = element => element.getClientRects().length > 0
        && getComputedStyle(element).visibility !== "hidden"
        && element.checkVisibility({visibilityProperty: true});
    const elements = [...document.querySelectorAll(selector)].filter(visible);
    elements.forEach((element, index) => { element.dataset.tabStop = index; });
    return elements.length;
}"""

FOCUSED = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
        stop: element.dataset.tabStop ?? null,
        tag: element.tagName.toLowerCase(),
        id: element.id,
        text: (element.textContent || element.value || "").trim().slice(0, 60),
        focusVisible: element.matches(":focus-visible"),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
        shadow: style.boxShadow !== "none",
        onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
            && box.top < innerHeight && box.left < innerWidth,
    };
}"""


@pytest.fixture
def programme_url(live_server):
    call_command("load_demo", verbosity=0)
    return f"{live_server.url}/en/events/{Event.objects.get().slug}/"


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, programme_url):
    page.goto(programme_url)

    page.keyboard.press("Tab")
    first = page.evaluate(FOCUSED)
    assert first["text"] == "Skip to main content"
    assert first["onScreen"], "the skip link must appear when it has focus"
    assert first["outline"] or first["shadow"]

    page.keyboard.press("Enter")

    expect(page).to_have_url(f"{programme_url}#main")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    after = page.evaluate(FOCUSED)
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)"), (
        f"Tab after the skip link should stay in main, not go to {after}"
    )


@pytest.mark.parametrize("width", [1280, 375])
def test_tab_reaches_every_link_and_control_in_order_with_a_visible_focus(
    page, programme_url, width
):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(programme_url)
    count = page.evaluate(NUMBER_FOCUSABLE, FOCUSABLE)
    assert count > 100  # the demo programme: people, documents, videos, photos

    stops = []
    for _ in range(count):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))

    assert [stop["stop"] for stop in stops] == [str(index) for index in range(count)]
    invisible = [
        stop for stop in stops if not (stop["focusVisible"] and (stop["outline"] or stop["shadow"]))
    ]
    assert invisible == []
    off_screen = [stop for stop in stops if not stop["onScreen"]]
    assert off_screen == []
