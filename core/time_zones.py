"""Saying in which time zone times are: “Times are Geneva time, CEST (UTC+2)”."""

import datetime
import functools
import zoneinfo

from django.utils.translation import gettext, gettext_lazy

UNIVERSAL = {"UTC", "Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "UCT", "Universal", "Zulu"}


def zone_city(name):
    """A city-like name from an IANA zone: “America/New_York” → “New York”; None for UTC
    and for the Etc/ zones, which name an offset, not a place."""
    if name in UNIVERSAL or name.startswith("Etc/") or "/" not in name:
        return None
    return name.rsplit("/", 1)[1].replace("_", " ")


def utc_offset(offset):
    """A timedelta as “UTC+2”, “UTC−5”, “UTC+5:30”, “UTC±0”."""
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "UTC±0"
    sign = "+" if minutes > 0 else "\N{MINUS SIGN}"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def zone_at(name, date):
    """(abbreviation or "", offset such as “UTC+2”) of the zone at noon on that date.

    Zones without a letter abbreviation (tzdata writes “+04” for them) get none.
    """
    moment = datetime.datetime.combine(date, datetime.time(12), tzinfo=zoneinfo.ZoneInfo(name))
    abbreviation = moment.tzname() or ""
    if not abbreviation.isalpha() or abbreviation == "UTC":
        abbreviation = ""
    return abbreviation, utc_offset(moment.utcoffset())


def time_zone_statement(name, date, place=""):
    """“Times are Geneva time, CEST (UTC+2)”: the zone of times shown for that date.

    ``place`` names the zone when given (an event's city, which visitors know better than
    the city the zone database chose); otherwise the zone's own city, if it has one.
    """
    abbreviation, offset = zone_at(name, date)
    city = zone_city(name)
    place = (place or city) if city else ""
    if not place:
        if offset == "UTC±0":
            return gettext("Times are in UTC")
        return gettext("Times are %(offset)s") % {"offset": offset}
    if abbreviation:
        return gettext("Times are %(place)s time, %(abbreviation)s (%(offset)s)") % {
            "place": place,
            "abbreviation": abbreviation,
            "offset": offset,
        }
    return gettext("Times are %(place)s time (%(offset)s)") % {"place": place, "offset": offset}


@functools.cache
def time_zone_choices():
    """Every IANA zone for a select, grouped by region and sorted: (“America”, [(“America/
    New_York”, “New York”) …]) …; UTC and the zones of no region come first."""
    groups, single = {}, []
    for name in sorted(zoneinfo.available_timezones()):
        if name.startswith(("Etc/", "SystemV/")) or name in {"Factory", "localtime"}:
            continue
        region, _, place = name.partition("/")
        if place and region[0].isupper():
            groups.setdefault(region, []).append((name, place.replace("_", " ")))
        elif name == "UTC":
            single.insert(0, (name, name))
        else:  # older names the database still accepts: GMT, Japan, EST5EDT …
            groups.setdefault(gettext_lazy("Other"), []).append((name, name))
    other = groups.pop(gettext_lazy("Other"), [])
    return [*single, *sorted(groups.items()), *([(gettext_lazy("Other"), other)] if other else [])]
