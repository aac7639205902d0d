"""What an import plan must not do without a person's say-so, read from the plan alone.

- A date no meeting can have (a typo such as 0001 for 2018) is refused: it would widen the
  event to year 1.
- New dates for a *published* event change what visitors already read: the admin's preview
  asks for a tick, ``import_programme`` for ``--allow-date-change``.

And what the officer should look at first: the people the parser read with low confidence
(``ParsedPerson.confidence``), which the admin's preview lists at the top and marks.
"""

from django.utils.translation import gettext as _

from programme.importer import ProgrammeImportError
from programme.parser import split_lines
from speakers.names import normalise_name

# The years a programme's day may fall in (the admin form and --year accept the same).
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100


class DateChangeNotConfirmed(ProgrammeImportError):
    """The import would change a published event's dates and nobody said that is meant."""


def implausible_dates(plan):
    return sorted(
        {day.date for day in plan.days if not EARLIEST_YEAR <= day.date.year <= LATEST_YEAR}
    )


def date_refusal(plan):
    """Why the plan's dates cannot be imported, or None."""
    dates = implausible_dates(plan)
    if not dates:
        return None
    return _(
        "The text has a day dated %(dates)s, which cannot be right: check the year in the "
        "day headings (a programme's days fall between %(earliest)s and %(latest)s). "
        "Nothing was imported."
    ) % {
        "dates": ", ".join(date.isoformat() for date in dates),
        "earliest": EARLIEST_YEAR,
        "latest": LATEST_YEAR,
    }


def published_date_change(plan):
    """A sentence saying how the import moves a published event's dates, or None."""
    event = plan.event
    if event is None or not event.is_published:
        return None
    if (plan.start_date, plan.end_date) == (event.start_date, event.end_date):
        return None
    return _(
        "“%(event)s” is published: its dates will change from %(old_start)s – %(old_end)s "
        "to %(new_start)s – %(new_end)s."
    ) % {
        "event": event.title,
        "old_start": event.start_date.isoformat(),
        "old_end": event.end_date.isoformat(),
        "new_start": plan.start_date.isoformat(),
        "new_end": plan.end_date.isoformat(),
    }


def check_plan(plan, *, date_change_allowed, how_to_allow):
    """Raise ProgrammeImportError for impossible dates or an unconfirmed published date change.

    Passed as (part of) ``on_plan`` to :func:`programme.importer.import_programme`: the
    error rolls the import back before anything is written.
    """
    refusal = date_refusal(plan)
    if refusal:
        raise ProgrammeImportError(refusal)
    change = published_date_change(plan)
    if change and not date_change_allowed:
        raise DateChangeNotConfirmed(f"{change} {how_to_allow}")


def _check_key(slot_title, name):
    """How a person read with low confidence is found again among the plan's people."""
    title = slot_title[:500] or _("Untitled slot")
    return normalise_name(title), normalise_name(name[:300])


def lines_to_check(parsed, text):
    """The people the parser read with low confidence (a guess the officer should check
    first), in printed order: their lines, the first line as printed, and the reading."""
    printed = split_lines(text)
    items = []
    for day in parsed.days:
        for slot in day.slots:
            for person in slot.people:
                if person.confidence != "low" or not person.lines:
                    continue
                first = person.lines[0]
                items.append(
                    {
                        "line": first,
                        "lines": list(person.lines),
                        "text": printed[first - 1] if 0 < first <= len(printed) else "",
                        "person": person,
                        "key": _check_key(slot.title, person.name),
                    }
                )
    return items


def mark_people_to_check(plan, to_check):
    """Set ``to_check`` on each person of the plan that was read with low confidence."""
    keys = {item["key"] for item in to_check}
    for day in plan.days:
        for slot in day.slots:
            for person in slot.people:
                person.to_check = _check_key(slot.title, person.name) in keys
