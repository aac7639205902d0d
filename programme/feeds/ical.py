"""The programme, or one slot, as an iCalendar file (RFC 5545) in the event's time zone.

Written directly, line by line, as the `icalendar` library wrote it before (same properties
in the same order, same escaping and folding), because the library took more than half of
a big calendar's time. The library still makes the VTIMEZONE (once per time zone and
process) and reads every calendar back in the tests.
"""

import datetime
import functools

import icalendar
from django.utils.translation import get_language

from programme.feeds.data import GENERATOR

CRLF = b"\r\n"
FOLD = b"\r\n "
LINE_OCTETS = 74  # a content line is folded before it reaches 75 octets (RFC 5545 3.1)
BACKSLASH, CARET = 0x5C, 0x5E


def escape_text(text):
    """A TEXT value escaped as RFC 5545 3.3.11 asks (and as `icalendar` escapes it)."""
    return (
        text.replace(r"\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", r"\;")
        .replace(",", r"\,")
        .replace("\r\n", r"\n")
        .replace("\n", r"\n")
        .replace("\r", r"\n")
    )


def fold(line):
    """A content line (bytes, UTF-8) folded into pieces of at most 74 octets, never inside a
    character, and (as `icalendar` does) never just after a backslash or caret, which
    starts the next piece instead."""
    if len(line) <= LINE_OCTETS:
        return line
    pieces = []
    start, end_of_line = 0, len(line)
    while end_of_line - start > LINE_OCTETS:
        end = start + LINE_OCTETS
        while line[end] & 0xC0 == 0x80:  # inside a multi-byte character: cut before it
            end -= 1
        if line[end - 1] in (BACKSLASH, CARET):
            end -= 1
        pieces.append(line[start:end])
        start = end
    pieces.append(line[start:])
    return FOLD.join(pieces)


def text_line(name, value):
    return fold(f"{name}:{escape_text(str(value))}".encode())


def unknown_line(name, value):
    """An X- property as `icalendar` writes one (a value of unknown type, not escaped:
    clients and the library read X-WR-CALNAME back as it is); only line breaks, which
    would end the line, are written as the escape \\n."""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("\n", r"\n")
    return fold(f"{name}:{text}".encode())


def _stamp(moment):
    """20181008T080000 (and Z for UTC)."""
    return (
        f"{moment.year:04}{moment.month:02}{moment.day:02}"
        f"T{moment.hour:02}{moment.minute:02}{moment.second:02}"
    )


@functools.lru_cache(maxsize=32)
def _time_zone(tzinfo):
    """(";TZID=Europe/Zurich" or "", "" or "Z", the VTIMEZONE block) for the event's zone."""
    sample = datetime.datetime(2000, 1, 1, tzinfo=tzinfo)
    value = icalendar.vDatetime(sample)
    parameters = value.params.to_ical().decode()
    suffix = "Z" if value.is_utc() else ""
    calendar = icalendar.Calendar()
    component = icalendar.Event()
    component.add("dtstart", sample)
    calendar.add_component(component)
    calendar.add_missing_timezones()
    vtimezone = b"".join(zone.to_ical() for zone in calendar.timezones)
    return (f";{parameters}" if parameters else ""), suffix, vtimezone


def _local(name, moment, zone):
    parameters, suffix, _vtimezone = zone
    return f"{name}{parameters}:{_stamp(moment)}{suffix}".encode()


def _utc(moment):
    """20181008T080000Z: the moment in UTC."""
    return f"{_stamp(moment.astimezone(datetime.UTC))}Z"


def vevent(item, host, zone):
    """The VEVENT of one slot (a ProgrammeSlot), in the order `icalendar` wrote them:
    SUMMARY, DTSTART, DTEND, DTSTAMP, UID, SEQUENCE, then the others A to Z."""
    slot = item.slot
    updated_at = _utc(slot.updated_at)  # DTSTAMP and LAST-MODIFIED
    lines = [
        b"BEGIN:VEVENT",
        text_line("SUMMARY", item.heading),
        _local("DTSTART", item.starts_at, zone),
    ]
    if item.ends_at is not None:
        lines.append(_local("DTEND", item.ends_at, zone))
    lines += [
        f"DTSTAMP:{updated_at}".encode(),
        text_line("UID", f"session-{slot.pk}@{host}"),
        f"SEQUENCE:{int(item.sequence)}".encode(),
        text_line("CATEGORIES", item.kind_label),
    ]
    if item.description:
        lines.append(text_line("DESCRIPTION", item.description))
    lines.append(f"LAST-MODIFIED:{updated_at}".encode())
    if item.location:
        lines.append(text_line("LOCATION", item.location))
    lines += [
        b"STATUS:CANCELLED" if slot.cancelled else b"STATUS:CONFIRMED",
        fold(f"URL:{item.url}".encode()),
        b"END:VEVENT",
        b"",
    ]
    return CRLF.join(lines)


def calendar(event, slots, host):
    """A VCALENDAR with one VEVENT per slot (ProgrammeSlot) and the event's VTIMEZONE (bytes)."""
    zone = _time_zone(event.tzinfo)
    lines = [
        b"BEGIN:VCALENDAR",
        b"VERSION:2.0",
        text_line("PRODID", f"-//{GENERATOR}//Programme//{(get_language() or 'en').upper()}"),
        b"CALSCALE:GREGORIAN",
        unknown_line("X-WR-CALDESC", event.time_zone_statement),
        unknown_line("X-WR-CALNAME", str(event)),
        unknown_line("X-WR-TIMEZONE", event.time_zone),
        b"",
    ]
    parts = [CRLF.join(lines)]
    if slots:
        parts.append(zone[2])
    parts += [vevent(item, host, zone) for item in slots]
    parts.append(b"END:VCALENDAR\r\n")
    return b"".join(parts)
