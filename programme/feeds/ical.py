"""The programme, or one slot, as an iCalendar file in the event's time zone."""

import icalendar
from django.utils.translation import get_language

from programme.feeds.data import GENERATOR, location, slot_description
from programme.links import slot_url


def _vevent(event, item, base, host):
    slot = item.slot
    vevent = icalendar.Event()
    vevent.add("uid", f"session-{slot.pk}@{host}")
    vevent.add("dtstamp", slot.updated_at)
    vevent.add("last-modified", slot.updated_at)
    vevent.add("sequence", item.sequence)
    vevent.add("dtstart", item.starts_at)
    if item.ends_at is not None:
        vevent.add("dtend", item.ends_at)
    vevent.add("summary", str(slot.heading))
    description = slot_description(item, base)
    if description:
        vevent.add("description", description)
    place = location(event, slot)
    if place:
        vevent.add("location", place)
    vevent.add("url", slot_url(base, slot, event))
    vevent.add("categories", [str(slot.get_kind_display())])
    vevent.add("status", "CANCELLED" if slot.cancelled else "CONFIRMED")
    return vevent


def calendar(event, slots, base, host):
    """A VCALENDAR with one VEVENT per slot (programme_data().slots) and the event's VTIMEZONE."""
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//{GENERATOR}//Programme//{(get_language() or 'en').upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", str(event))
    cal.add("x-wr-timezone", event.time_zone)
    cal.add("x-wr-caldesc", event.time_zone_statement)
    for item in slots:
        cal.add_component(_vevent(event, item, base, host))
    cal.add_missing_timezones()
    return cal.to_ical()
