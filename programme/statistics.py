"""Figures the governing bodies ask for: who spoke, for whom, from where, how balanced.

compute_statistics(events) reads one light row per appearance and the documents per kind
(two queries whatever the size) and counts in Python. Each figure comes with its share of
the total; appearances with nothing recorded are counted as such, never dropped.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from core.choices import choice_label
from documents.enums import DocumentKind
from programme.models import slot_heading
from programme.queries import appearances_for_statistics, document_kinds_for_statistics
from programme.regions import UNRegion, un_region
from speakers.enums import Gender, OrganisationCategory

GENDER_ORDER = [Gender.FEMALE, Gender.MALE, Gender.OTHER, Gender.NOT_RECORDED]
# Bar colours (SVG fill attributes), distinguishable in print and for colour-blind readers.
GENDER_FILLS = {
    Gender.FEMALE: "#6a3d9a",
    Gender.MALE: "#1f78b4",
    Gender.OTHER: "#33a02c",
    Gender.NOT_RECORDED: "#b3b3b3",
}


# Bar charts are drawn in a 640-unit wide SVG: labels on the left, bars, then the count.
CHART_ROW = 24
CHART_LABEL_WIDTH = 260
CHART_BAR_WIDTH = 250
SEGMENT_LABEL_WIDTH = 24


def _svg(number):
    """A coordinate for an SVG attribute: always a dot as decimal separator."""
    return f"{number:.1f}"


def _short(label, length=34):
    """A label short enough for the chart (the table beside it gives it in full)."""
    return label if len(label) <= length else label[: length - 1] + "…"


def _percent(value):
    return formats.number_format(value * 100, 1) + " %"


def share(count, total):
    return count / total if total else 0.0


@dataclass
class Bar:
    label: str
    count: int
    share: float

    @property
    def percent(self):
        """The share in per cent (a number: templates format it for the language)."""
        return self.share * 100


@dataclass
class Breakdown:
    """A one-dimensional count: appearances by role, documents by kind …"""

    key: str
    title: str
    bars: list
    total: int

    @property
    def chart(self):
        """Geometry of the horizontal bar chart, the longest bar filling the bar area."""
        widest = max((bar.count for bar in self.bars), default=0)
        rows = [
            {
                "bar": bar,
                "label": _short(bar.label),
                "y": _svg(index * CHART_ROW),
                "text_y": _svg(index * CHART_ROW + CHART_ROW * 0.65),
                "width": _svg(CHART_BAR_WIDTH * bar.count / widest if widest else 0),
                "count_x": _svg(
                    CHART_LABEL_WIDTH + 6 + CHART_BAR_WIDTH * bar.count / widest if widest else 0
                ),
            }
            for index, bar in enumerate(self.bars)
        ]
        return {"rows": rows, "height": _svg(max(len(rows), 1) * CHART_ROW)}

    @property
    def description(self):
        """The chart in words, for screen readers: “Speaker: 30 (78.9 %); …”."""
        return "; ".join(f"{bar.label}: {bar.count} ({_percent(bar.share)})" for bar in self.bars)


@dataclass
class GenderRow:
    label: str
    cells: list  # one Bar per gender, in GENDER_ORDER
    total: int


@dataclass
class GenderTable:
    key: str
    title: str
    rows: list
    columns: list = field(default_factory=lambda: [Gender(g).label for g in GENDER_ORDER])

    @property
    def legend(self):
        return [{"label": Gender(g).label, "fill": GENDER_FILLS[g]} for g in GENDER_ORDER]

    @property
    def chart(self):
        """Geometry of one stacked bar per row (shares of the row's appearances)."""
        rows = []
        for index, row in enumerate(self.rows):
            x = CHART_LABEL_WIDTH
            segments = []
            for gender, cell in zip(GENDER_ORDER, row.cells, strict=True):
                width = (CHART_BAR_WIDTH + 60) * cell.share
                segments.append(
                    {
                        "x": _svg(x),
                        "width": _svg(width),
                        "fill": GENDER_FILLS[gender],
                        "cell": cell,
                        # The figure is printed on the segment when it fits.
                        "labelled": width >= SEGMENT_LABEL_WIDTH and cell.count > 0,
                        "text_x": _svg(x + width / 2),
                        "text_fill": "#000000" if gender == Gender.NOT_RECORDED else "#ffffff",
                    }
                )
                x += width
            rows.append(
                {
                    "row": row,
                    "label": _short(row.label),
                    "y": _svg(index * CHART_ROW),
                    "text_y": _svg(index * CHART_ROW + CHART_ROW * 0.65),
                    "segments": segments,
                }
            )
        return {"rows": rows, "height": _svg(max(len(rows), 1) * CHART_ROW)}

    @property
    def description(self):
        """The chart in words, for screen readers, one row after the other."""
        return " ".join(
            f"{row.label}: "
            + ", ".join(f"{cell.label} {cell.count} ({_percent(cell.share)})" for cell in row.cells)
            + "."
            for row in self.rows
        )


@dataclass
class Statistics:
    appearances: int
    people: int
    slots: int
    breakdowns: list
    gender_tables: list

    def rows_for_csv(self):
        """(section, group, label, count, share) for every figure on the page."""
        for breakdown in self.breakdowns:
            for bar in breakdown.bars:
                yield [breakdown.key, "", bar.label, bar.count, round(bar.share, 4)]
            yield [
                breakdown.key,
                "",
                gettext("Total"),
                breakdown.total,
                1.0 if breakdown.total else 0.0,
            ]
        for table in self.gender_tables:
            for row in table.rows:
                for bar in row.cells:
                    yield [table.key, row.label, bar.label, bar.count, round(bar.share, 4)]
                yield [table.key, row.label, gettext("Total"), row.total, 1.0 if row.total else 0.0]


STATISTICS_COLUMNS = ["section", "group", "label", "count", "share"]


def _breakdown(key, title, counter, total, *, order=None):
    """Bars largest first, or in the given order of labels; empty labels are never shown."""
    items = list(counter.items())
    if order is None:
        items.sort(key=lambda item: (-item[1], str(item[0])))
    else:
        position = {label: index for index, label in enumerate(order)}
        items.sort(key=lambda item: position.get(item[0], len(position)))
    bars = [Bar(str(label), count, share(count, total)) for label, count in items]
    return Breakdown(key, str(title), bars, total)


def _gender_row(label, counter):
    total = sum(counter.values())
    cells = [
        Bar(str(Gender(g).label), counter.get(g, 0), share(counter.get(g, 0), total))
        for g in GENDER_ORDER
    ]
    return GenderRow(str(label), cells, total)


def _slot_label(row):
    title = slot_heading(row["slot__number"], row["slot_title"])
    start = row["slot__start_time"].strftime("%H:%M") if row["slot__start_time"] else ""
    return f"{row['slot__day__date'].isoformat()} {start} {title}"


# Organisations whose people speak for no country: their country and region do not apply.
INTERNATIONAL_CATEGORIES = {OrganisationCategory.UN_SYSTEM, OrganisationCategory.IGO}


def compute_statistics(events, *, multiple_events=False):
    not_recorded = gettext("Not recorded")
    no_region = gettext("No region recorded")
    international = gettext("International (not applicable)")

    by_category, by_role, by_country, by_region = Counter(), Counter(), Counter(), Counter()
    gender_overall = Counter()
    gender_by_role, gender_by_slot = {}, {}
    role_order, slot_order = [], []
    appearances = 0
    people = set()
    slots = set()

    for row in appearances_for_statistics(events).iterator(chunk_size=2000):
        appearances += 1
        people.add(row["person_id"])
        slots.add(row["slot_id"])
        gender = row["person__gender"] or Gender.NOT_RECORDED

        category = row["organisation__category"]
        by_category[choice_label(OrganisationCategory, category) if category else not_recorded] += 1

        role = row["role_label"]
        if role not in gender_by_role:
            gender_by_role[role] = Counter()
            role_order.append((row["role__order"], role))
        by_role[role] += 1
        gender_by_role[role][gender] += 1

        if not row["country"] and category in INTERNATIONAL_CATEGORIES:
            by_country[international] += 1
            by_region[international] += 1
        else:
            code = row["country"] or row["organisation__country"] or ""
            by_country[countries.name(code) if code else not_recorded] += 1
            region = un_region(code)
            by_region[region.label if region else no_region] += 1

        slot = _slot_label(row)
        if multiple_events:
            slot = f"{row['event_title']} – {slot}"
        if row["slot_id"] not in gender_by_slot:
            gender_by_slot[row["slot_id"]] = (slot, Counter())
            slot_order.append(row["slot_id"])
        gender_by_slot[row["slot_id"]][1][gender] += 1
        gender_overall[gender] += 1

    roles_sorted = [label for _order, label in sorted(role_order)]
    document_counts = Counter(
        {
            choice_label(DocumentKind, item["kind"]): item["count"]
            for item in document_kinds_for_statistics(events)
        }
    )
    document_total = sum(document_counts.values())
    region_order = [str(region.label) for region in UNRegion] + [international, no_region]

    breakdowns = [
        _breakdown(
            "appearances_by_organisation_category",
            _("Appearances by organisation category"),
            by_category,
            appearances,
        ),
        _breakdown(
            "appearances_by_role",
            _("Appearances by role"),
            by_role,
            appearances,
            order=roles_sorted,
        ),
        _breakdown(
            "appearances_by_un_region",
            _("Appearances by UN region"),
            by_region,
            appearances,
            order=region_order,
        ),
        _breakdown("appearances_by_country", _("Appearances by country"), by_country, appearances),
        _breakdown("documents_by_kind", _("Documents by kind"), document_counts, document_total),
    ]
    gender_tables = [
        GenderTable(
            "gender_overall",
            str(_("Gender balance overall")),
            [_gender_row(gettext("All appearances"), gender_overall)],
        ),
        GenderTable(
            "gender_by_role",
            str(_("Gender balance per role")),
            [_gender_row(role, gender_by_role[role]) for role in roles_sorted],
        ),
        GenderTable(
            "gender_by_slot",
            str(_("Gender balance per slot")),
            [_gender_row(*gender_by_slot[pk]) for pk in slot_order],
        ),
    ]
    return Statistics(appearances, len(people), len(slots), breakdowns, gender_tables)
