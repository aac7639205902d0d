"""Public feeds of a published programme: iCalendar, frab schedule (JSON and XML), programme.json.

Everything here reads the days list built by queries.public_programme_for_feeds(): public
documents only, and never a person's email, phone or gender.
"""

import datetime
import re
import uuid
from xml.etree import ElementTree as ET  # we only write XML, never parse it

import icalendar
from django.conf import settings
from django.utils.text import slugify
from django.utils.translation import get_language, gettext

from programme.exports import appearance_country, printed_name
from programme.links import document_url, event_url, person_url, slot_url

GENERATOR = "Plenary"
FRAB_TIMESLOT = "00:15"
FRAB_TIME_ZONE_PATTERN = r"^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$"
GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://plenary.invalid/")


def slot_guid(slot):
    """A UUID that stays the same for a slot across versions of the programme."""
    return str(uuid.uuid5(GUID_NAMESPACE, f"session/{slot.pk}"))


def person_guid(person):
    return str(uuid.uuid5(GUID_NAMESPACE, f"person/{person.pk}"))


def room_guid(event, name):
    return str(uuid.uuid5(GUID_NAMESPACE, f"event/{event.pk}/room/{name}"))


def slot_start(event, day, slot):
    return datetime.datetime.combine(day.date, slot.start_time, tzinfo=event.tzinfo)


def slot_end(event, day, slot):
    if slot.end_time is None:
        return None
    return datetime.datetime.combine(day.date, slot.end_time, tzinfo=event.tzinfo)


def room_name(event, slot):
    return slot.room or event.venue or gettext("Plenary")


def location(event, slot):
    return ", ".join(str(part) for part in (slot.room, event.venue, event.city) if part)


def person_line(appearance):
    """“Moderator: Ms. Amy Pope, Director General, IOM” for descriptions."""
    line = f"{appearance.role.label}: {printed_name(appearance.honorific, appearance.person)}"
    designation = appearance.printed_designation
    return f"{line}, {designation}" if designation else line


def slot_description(slot, base):
    """People and roles, the slot's description, its video and its documents, as plain text."""
    lines = [person_line(appearance) for appearance in slot.appearances.all()]
    if slot.description:
        lines += ["", str(slot.description)]
    if slot.video_url:
        lines += ["", f"{gettext('Video of the slot')}: {slot.video_url}"]
    documents = _documents_of(slot)
    if documents:
        lines += ["", gettext("Documents:")]
        lines += [f"{document.title}: {document_url(base, document)}" for document in documents]
    return "\n".join(lines).strip()


# iCalendar -------------------------------------------------------------------------------------


def _vevent(event, day, slot, base, host):
    vevent = icalendar.Event()
    vevent.add("uid", f"session-{slot.pk}@{host}")
    vevent.add("dtstamp", slot.updated_at)
    vevent.add("last-modified", slot.updated_at)
    vevent.add("sequence", slot.version)
    vevent.add("dtstart", slot_start(event, day, slot))
    end = slot_end(event, day, slot)
    if end is not None:
        vevent.add("dtend", end)
    vevent.add("summary", str(slot.heading))
    description = slot_description(slot, base)
    if description:
        vevent.add("description", description)
    place = location(event, slot)
    if place:
        vevent.add("location", place)
    vevent.add("url", slot_url(base, slot, event))
    vevent.add("categories", [str(slot.get_kind_display())])
    vevent.add("status", "CONFIRMED")
    return vevent


def calendar(event, slots, base, host):
    """A VCALENDAR with one VEVENT per (day, session) pair and the event's VTIMEZONE."""
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//{GENERATOR}//Programme//{(get_language() or 'en').upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", str(event))
    cal.add("x-wr-timezone", event.time_zone)
    for day, slot in slots:
        cal.add_component(_vevent(event, day, slot, base, host))
    cal.add_missing_timezones()
    return cal.to_ical()


def all_slots(days):
    return [(day, slot) for day in days for slot in day.slots.all()]


# frab schedule ---------------------------------------------------------------------------------


def frab_acronym(event):
    """The event's slug as a frab acronym (lowercase letters, digits, underscores, 4+)."""
    return event.slug.lower().replace("-", "_").ljust(4, "_")


def _duration(start, end):
    if end is None:
        return "00:00"
    minutes = int((end - start).total_seconds() // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _frab_slug(event, slot):
    title = slugify(str(slot.title))[:50].strip("-_") or "slot"
    return f"{frab_acronym(event)}-{slot.pk}-{title}"


def _reference_type(document):
    return "slides" if document.kind == "presentation" else "paper"


def _documents_of(slot):
    documents = list(slot.documents.all())
    for appearance in slot.appearances.all():
        documents.extend(appearance.documents.all())
    return documents


class _EmptyDay:
    """A date of the event without a programme yet (frab needs at least one day)."""

    class _NoSlots:
        def all(self):
            return []

    slots = _NoSlots()

    def __init__(self, date):
        self.date = date


def _days_or_event_dates(event, days):
    days = list(days)
    if days:
        return days
    count = (event.end_date - event.start_date).days + 1
    return [_EmptyDay(event.start_date + datetime.timedelta(days=n)) for n in range(count)]


def _frab_day_bounds(event, day):
    slots = list(day.slots.all())
    if not slots:
        start = datetime.datetime.combine(day.date, datetime.time(0, 0), tzinfo=event.tzinfo)
        return start, start.replace(hour=23, minute=59)
    starts = [slot_start(event, day, s) for s in slots]
    ends = [slot_end(event, day, s) or slot_start(event, day, s) for s in slots]
    return min(starts), max(ends)


def frab_schedule(event, days, base):
    """The schedule as a dict in the frab / c3voc schedule.json format."""
    language = get_language() or settings.LANGUAGE_CODE
    rooms = {}
    frab_days = []
    for index, day in enumerate(_days_or_event_dates(event, days), start=1):
        day_start, day_end = _frab_day_bounds(event, day)
        day_rooms = {}
        for slot in day.slots.all():
            start = slot_start(event, day, slot)
            end = slot_end(event, day, slot)
            room = room_name(event, slot)
            rooms.setdefault(room, room_guid(event, room))
            links = []
            if slot.video_url:
                links.append(
                    {
                        "type": "media",
                        "url": slot.video_url,
                        "title": gettext("Video of the session"),
                    }
                )
            day_rooms.setdefault(room, []).append(
                {
                    "guid": slot_guid(slot),
                    "id": slot.pk,
                    "date": start.isoformat(),
                    "start": start.strftime("%H:%M"),
                    "duration": _duration(start, end),
                    "room": room,
                    "slug": _frab_slug(event, slot),
                    "url": slot_url(base, slot, event),
                    "title": str(slot.heading),
                    "subtitle": "",
                    "track": str(slot.get_kind_display()),
                    "type": slot.kind,
                    "language": language,
                    "abstract": slot.description,
                    "description": slot_description(slot, base),
                    "logo": "",
                    "persons": [
                        {
                            "id": p.person.pk,
                            "guid": person_guid(p.person),
                            "public_name": printed_name(p.honorific, p.person),
                            "url": person_url(base, p.person),
                            "biography": p.person.biography or None,
                        }
                        for p in slot.appearances.all()
                    ],
                    "links": links,
                    "attachments": [
                        {
                            "type": _reference_type(d),
                            "url": document_url(base, d),
                            "title": str(d.title),
                        }
                        for d in _documents_of(slot)
                    ],
                }
            )
        frab_days.append(
            {
                "index": index,
                "date": day.date.isoformat(),
                "day_start": day_start.isoformat(),
                "day_end": day_end.isoformat(),
                "rooms": day_rooms,
            }
        )
    conference = {
        "acronym": frab_acronym(event),
        "title": str(event),
        "start": event.start_date.isoformat(),
        "end": event.end_date.isoformat(),
        "daysCount": len(frab_days),
        "timeslot_duration": FRAB_TIMESLOT,
        "url": event_url(base, event),
        "rooms": [{"name": name, "guid": guid} for name, guid in rooms.items()],
        "days": frab_days,
    }

    if re.search(FRAB_TIME_ZONE_PATTERN, event.time_zone):
        conference["time_zone_name"] = event.time_zone
    return {
        "$schema": "https://c3voc.de/schedule/schema.json",
        "generator": {"name": GENERATOR},
        "schedule": {
            "version": str(event.version),
            "base_url": base,
            "conference": conference,
        },
    }


def _text(parent, tag, value, **attributes):
    element = ET.SubElement(parent, tag, {k: str(v) for k, v in attributes.items()})
    element.text = "" if value is None else str(value)
    return element


def frab_schedule_xml(schedule):
    """The same schedule as frab schedule.xml (bytes, UTF-8)."""
    data = schedule["schedule"]
    conference = data["conference"]
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", {"name": GENERATOR})
    _text(root, "url", conference["url"])
    _text(root, "version", data["version"])
    conf = ET.SubElement(root, "conference")
    _text(conf, "title", conference["title"])
    _text(conf, "acronym", conference["acronym"])
    _text(conf, "start", conference["start"])
    _text(conf, "end", conference["end"])
    _text(conf, "days", conference["daysCount"])
    _text(conf, "timeslot_duration", conference["timeslot_duration"])
    _text(conf, "base_url", data["base_url"])
    _text(conf, "url", conference["url"])
    if "time_zone_name" in conference:
        _text(conf, "time_zone_name", conference["time_zone_name"])
    room_guids = {room["name"]: room["guid"] for room in conference["rooms"]}
    for day in conference["days"]:
        day_element = ET.SubElement(
            root,
            "day",
            {
                "index": str(day["index"]),
                "date": day["date"],
                "start": day["day_start"],
                "end": day["day_end"],
            },
        )
        for name, slots in day["rooms"].items():
            room_element = ET.SubElement(
                day_element, "room", {"name": name, "guid": room_guids[name]}
            )
            for slot in slots:
                element = ET.SubElement(
                    room_element, "event", {"id": str(slot["id"]), "guid": slot["guid"]}
                )
                for tag in (
                    "room",
                    "title",
                    "subtitle",
                    "type",
                    "date",
                    "start",
                    "duration",
                    "abstract",
                    "slug",
                    "track",
                ):
                    _text(element, tag, slot[tag])
                persons = ET.SubElement(element, "persons")
                for person in slot["persons"]:
                    _text(
                        persons,
                        "person",
                        person["public_name"],
                        id=person["id"],
                        guid=person["guid"],
                    )
                _text(element, "language", slot["language"])
                _text(element, "description", slot["description"])
                links = ET.SubElement(element, "links")
                for link in slot["links"]:
                    _text(links, "link", link["title"], href=link["url"], type=link["type"])
                attachments = ET.SubElement(element, "attachments")
                for attachment in slot["attachments"]:
                    _text(
                        attachments,
                        "attachment",
                        attachment["title"],
                        href=attachment["url"],
                        type=attachment["type"],
                    )
                _text(element, "url", slot["url"])
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


# programme.json --------------------------------------------------------------------------------

PROGRAMME_JSON_FORMAT = "plenary-programme"
PROGRAMME_JSON_VERSION = 1


def _document_json(base, document):
    return {
        "id": document.pk,
        "title": str(document.title),
        "kind": document.kind,
        "kind_label": str(document.get_kind_display()),
        "language": document.language,
        "format": str(document.format_label),
        "file_size": document.file_size,
        "url": document_url(base, document),
        "translation_of": document.translation_of_id,
    }


def _appearance_json(base, appearance):
    person = appearance.person
    organisation = appearance.organisation
    country = appearance_country(appearance)
    return {
        "role": {
            "name": appearance.role.name,
            "label": str(appearance.role.label),
            "listed_before_speakers": appearance.role.listed_before_speakers,
        },
        "person": {
            "id": person.pk,
            "slug": person.slug,
            "url": person_url(base, person),
            "honorific": appearance.honorific,
            "given_names": person.given_names,
            "family_names": person.family_names,
            "name": printed_name(appearance.honorific, person),
        },
        "position": appearance.position,
        "organisation": (
            {
                "name": str(organisation.name),
                "acronym": organisation.acronym,
                "category": organisation.category,
                "category_label": str(organisation.get_category_display()),
            }
            if organisation
            else None
        ),
        "country": {"code": country.code, "name": str(country.name)} if country else None,
        "designation": appearance.printed_designation,
        "documents": [_document_json(base, d) for d in appearance.documents.all()],
    }


def programme_json(event, days, event_documents, base):
    """Our own complete public description of a published programme (format in the README)."""
    return {
        "format": PROGRAMME_JSON_FORMAT,
        "format_version": PROGRAMME_JSON_VERSION,
        "language": get_language() or settings.LANGUAGE_CODE,
        "event": {
            "slug": event.slug,
            "url": event_url(base, event),
            "title": str(event.title),
            "subtitle": str(event.subtitle),
            "edition": str(event.edition),
            "description": str(event.description),
            "venue": str(event.venue),
            "city": str(event.city),
            "country": {"code": event.country.code, "name": str(event.country.name)}
            if event.country
            else None,
            "start_date": event.start_date.isoformat(),
            "end_date": event.end_date.isoformat(),
            "time_zone": event.time_zone,
            "website": event.website,
            "version": event.version,
            "published_at": event.published_at.isoformat() if event.published_at else None,
            "updated_at": event.updated_at.isoformat(),
        },
        "days": [
            {
                "date": day.date.isoformat(),
                "label": str(day.label),
                "slots": [
                    {
                        "id": slot.pk,
                        "guid": slot_guid(slot),
                        "url": slot_url(base, slot, event),
                        "start": slot_start(event, day, slot).isoformat(),
                        "end": end.isoformat() if (end := slot_end(event, day, slot)) else None,
                        "kind": slot.kind,
                        "kind_label": str(slot.get_kind_display()),
                        "number": slot.number,
                        "title": str(slot.title),
                        "heading": str(slot.heading),
                        "description": str(slot.description),
                        "room": str(slot.room),
                        "video_url": slot.video_url,
                        "participants": [_appearance_json(base, p) for p in slot.appearances.all()],
                        "documents": [_document_json(base, d) for d in slot.documents.all()],
                    }
                    for slot in day.slots.all()
                ],
            }
            for day in days
        ],
        "documents": [_document_json(base, d) for d in event_documents],
    }
