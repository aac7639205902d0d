"""Statistics for staff: counts and shares, UN regions, gender balance, the page and its CSV."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_countries.data import COUNTRIES

from conference.models import Event
from programme.regions import UNRegion, un_region
from programme.statistics import compute_statistics
from tests.factories import (
    AppearanceFactory,
    DayFactory,
    DocumentFactory,
    EventFactory,
    EventSeriesFactory,
    OrganisationFactory,
    PersonFactory,
    SlotFactory,
    role,
)
from tests.programme.helpers import csv_dicts, streamed_text


@pytest.mark.parametrize(
    ("code", "region"),
    [
        ("CH", UNRegion.EUROPE),
        ("RU", UNRegion.EUROPE),
        ("MX", UNRegion.AMERICAS),
        ("BR", UNRegion.AMERICAS),
        ("GL", UNRegion.AMERICAS),
        ("JP", UNRegion.ASIA),
        ("TR", UNRegion.ASIA),
        ("CY", UNRegion.ASIA),
        ("MA", UNRegion.AFRICA),
        ("TZ", UNRegion.AFRICA),
        ("RE", UNRegion.AFRICA),
        ("FJ", UNRegion.OCEANIA),
        ("AU", UNRegion.OCEANIA),
        ("ch", UNRegion.EUROPE),
        ("AQ", None),
        ("", None),
        (None, None),
    ],
)
def test_un_regions_follow_the_m49_geoscheme(code, region):
    assert un_region(code) == region


def test_every_country_django_countries_knows_has_a_region_but_antarctica():
    without_region = sorted(code for code in COUNTRIES if un_region(code) is None)
    assert without_region == ["AQ"]


@pytest.fixture
def panel(db):
    """One event, two slots: 2 women, 1 man and 1 person whose gender is not recorded."""
    event = EventFactory(slug="balance", title="Balance")
    day = DayFactory(event=event)
    first = SlotFactory(day=day, order=1, number=1, title="Panel A")
    second = SlotFactory(day=day, order=2, number=2, title="Panel B")
    chile = OrganisationFactory(name="Government of Chile", category="government", country="CL")
    iom = OrganisationFactory(name="IOM", category="igo", country="")
    people = [
        PersonFactory(gender="female", organisation=chile, country="CL"),
        PersonFactory(gender="female", organisation=iom, country=""),
        PersonFactory(gender="male", organisation=chile, country="CL"),
        PersonFactory(gender="", organisation=None, country=""),
    ]
    AppearanceFactory(slot=first, person=people[0], role=role("Moderator"))
    AppearanceFactory(slot=first, person=people[1], role=role("Speaker"))
    AppearanceFactory(slot=first, person=people[2], role=role("Speaker"))
    AppearanceFactory(slot=second, person=people[3], role=role("Speaker"))
    DocumentFactory(event=event, kind="concept-note")
    DocumentFactory(slot=first, kind="agenda")
    DocumentFactory(appearance=first.appearances.first(), kind="remarks")
    return event


def bars(statistics, key):
    [breakdown] = [b for b in statistics.breakdowns if b.key == key]
    return {bar.label: (bar.count, round(bar.share, 4)) for bar in breakdown.bars}


def gender_rows(statistics, key):
    [table] = [t for t in statistics.gender_tables if t.key == key]
    return {row.label: {cell.label: cell.count for cell in row.cells} for row in table.rows}


def test_appearances_are_counted_by_category_role_country_and_region(panel):
    statistics = compute_statistics(Event.objects.filter(pk=panel.pk))
    assert statistics.appearances == 4
    assert bars(statistics, "appearances_by_organisation_category") == {
        "Member State government": (2, 0.5),
        "Intergovernmental or regional organisation": (1, 0.25),
        "Not recorded": (1, 0.25),
    }
    assert bars(statistics, "appearances_by_role") == {"Moderator": (1, 0.25), "Speaker": (3, 0.75)}
    # IOM speaks for no country: “not applicable”, apart from what was not recorded.
    assert bars(statistics, "appearances_by_country") == {
        "Chile": (2, 0.5),
        "International (not applicable)": (1, 0.25),
        "Not recorded": (1, 0.25),
    }
    assert bars(statistics, "appearances_by_un_region") == {
        "Americas": (2, 0.5),
        "International (not applicable)": (1, 0.25),
        "No region recorded": (1, 0.25),
    }
    assert bars(statistics, "documents_by_kind") == {
        "Agenda": (1, 0.3333),
        "Concept note": (1, 0.3333),
        "Remarks": (1, 0.3333),
    }


def test_gender_balance_per_slot_per_role_and_overall(panel):
    statistics = compute_statistics(Event.objects.filter(pk=panel.pk))
    overall = gender_rows(statistics, "gender_overall")
    assert overall == {
        "All appearances": {"Female": 2, "Male": 1, "Another gender": 0, "Not recorded": 1}
    }
    by_role = gender_rows(statistics, "gender_by_role")
    assert by_role["Moderator"] == {"Female": 1, "Male": 0, "Another gender": 0, "Not recorded": 0}
    assert by_role["Speaker"] == {"Female": 1, "Male": 1, "Another gender": 0, "Not recorded": 1}
    by_slot = list(gender_rows(statistics, "gender_by_slot").items())
    assert by_slot[0][0].endswith("Session 1: Panel A")
    assert by_slot[0][1] == {"Female": 2, "Male": 1, "Another gender": 0, "Not recorded": 0}
    assert by_slot[1][1] == {"Female": 0, "Male": 0, "Another gender": 0, "Not recorded": 1}


def test_statistics_page_shows_tables_and_svg_bars(panel, staff_client):
    response = staff_client.get(reverse("public:event-statistics", kwargs={"slug": panel.slug}))
    page = response.content.decode()
    assert "<h1>Statistics: Balance (Second session)</h1>" in page
    assert '<th scope="row">Member State government</th><td>2</td><td>50.0 %</td>' in page
    assert '<th scope="row">Not recorded</th>' in page
    assert "Gender balance per slot" in page
    assert page.count('<svg class="bar-chart"') == 8
    assert "<script" not in page
    assert "style=" not in page


def test_statistics_page_puts_tables_behind_a_disclosure_and_figures_on_the_bars(
    panel, staff_client
):
    page = staff_client.get(
        reverse("public:event-statistics", kwargs={"slug": panel.slug})
    ).content.decode()
    assert page.count("<summary>Show as table</summary>") == 8
    assert page.count('<details class="figure-table">') == 8
    # The chart carries its figures, on the bars and in words for screen readers.
    assert ">2 (50.0 %)</text>" in page
    assert 'aria-label="Appearances by role: Moderator: 1 (25.0 %); Speaker: 3 (75.0 %)"' in page
    assert 'text-anchor="middle" fill="#ffffff">2</text>' in page
    assert f'href="{panel.get_absolute_url()}">Back to Balance (Second session)</a>' in page
    assert reverse("public:event-statistics-xlsx", kwargs={"slug": panel.slug}) in page


def test_statistics_csv_has_the_same_figures(panel, staff_client):
    url = reverse("public:event-statistics-csv", kwargs={"slug": panel.slug})
    rows = csv_dicts(streamed_text(staff_client.get(url)))
    assert list(rows[0]) == ["section", "group", "label", "count", "share"]
    government = [
        row
        for row in rows
        if row["section"] == "appearances_by_organisation_category"
        and row["label"] == "Member State government"
    ]
    assert government == [
        {
            "section": "appearances_by_organisation_category",
            "group": "",
            "label": "Member State government",
            "count": "2",
            "share": "0.5",
        }
    ]
    overall = {r["label"]: r["count"] for r in rows if r["section"] == "gender_overall"}
    assert overall == {
        "Female": "2",
        "Male": "1",
        "Another gender": "0",
        "Not recorded": "1",
        "Total": "4",
    }


def test_demo_statistics_count_all_38_appearances(db, staff_client):
    call_command("load_demo", verbosity=0)
    url = reverse("public:event-statistics-csv", kwargs={"slug": "idm-2018-second-session"})
    rows = csv_dicts(streamed_text(staff_client.get(url)))
    totals = {row["section"]: row["count"] for row in rows if row["label"] == "Total"}
    assert totals["appearances_by_role"] == "38"
    assert totals["appearances_by_un_region"] == "38"
    assert totals["documents_by_kind"] == "43"


def test_series_statistics_cover_all_events_of_the_series(db, staff_client):
    series = EventSeriesFactory(slug="idm")
    EventFactory(series=series, slots=2, speakers_per_slot=1, published=True)
    EventFactory(series=series, slots=1, speakers_per_slot=1)
    EventFactory(slots=5, speakers_per_slot=1)
    response = staff_client.get(reverse("public:series-statistics", kwargs={"slug": series.slug}))
    assert "6 appearances" in response.content.decode()


def test_statistics_of_an_empty_event_say_there_is_nothing_to_count(db, staff_client):
    event = EventFactory()
    page = staff_client.get(
        reverse("public:event-statistics", kwargs={"slug": event.slug})
    ).content.decode()
    assert "0 appearances" in page
    assert "Nothing to count yet." in page


@pytest.mark.parametrize("slots", [1, 10])
def test_statistics_queries_do_not_grow(staff_client, django_assert_num_queries, slots):
    event = EventFactory(slots=slots, speakers_per_slot=3)
    with django_assert_num_queries(5):
        response = staff_client.get(reverse("public:event-statistics", kwargs={"slug": event.slug}))
    assert f"{slots * 4} appearances" in response.content.decode()


def test_statistics_in_french_use_the_french_role_labels_and_slot_titles(db, staff_client):
    from django.utils import translation

    slot = SlotFactory(title="Panel on remittances", number=2)
    slot.title_fr = "Table ronde sur les envois de fonds"
    slot.save()
    AppearanceFactory(slot=slot, role=role("Moderator"))
    AppearanceFactory(slot=slot, role=role("Speaker"))
    with translation.override("fr"):
        page = staff_client.get(
            reverse("public:event-statistics", kwargs={"slug": slot.day.event.slug})
        ).content.decode()
    assert "Modérateur" in page
    assert "Intervenant" in page
    assert "Table ronde sur les envois de fonds" in page
    assert "Panel on remittances" not in page


def test_series_page_leads_staff_to_the_statistics_and_exports(staff_client):
    series = EventSeriesFactory(slug="idm")
    EventFactory(series=series, published=True)
    url = reverse("public:series-detail", kwargs={"slug": "idm"})
    page = staff_client.get(url).content.decode()
    assert f'href="{reverse("public:series-statistics", kwargs={"slug": "idm"})}"' in page
    xlsx = reverse("public:series-export-xlsx", kwargs={"slug": "idm", "kind": "participants"})
    assert f'href="{xlsx}"' in page
    assert f'href="{xlsx}?include=drafts"' in page
    assert "statistics" not in Client().get(url).content.decode()


def test_event_admin_page_links_to_the_statistics_and_exports(panel, staff_client):
    page = staff_client.get(
        reverse("admin:conference_event_change", args=[panel.pk])
    ).content.decode()
    assert reverse("public:event-statistics", kwargs={"slug": panel.slug}) in page
    assert (
        reverse("public:event-export-xlsx", kwargs={"slug": panel.slug, "kind": "participants"})
        in page
    )
    assert reverse("public:event-list-of-speakers-pdf", kwargs={"slug": panel.slug}) in page
