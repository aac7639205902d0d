"""The frab / c3voc schedule of a published programme, as JSON and as schedule.xml."""

import datetime
import re
from xml.etree import ElementTree as ET  # we only write XML, never parse it

import orjson
from django.conf import settings
from django.utils.text import slugify
from django.utils.translation import get_language, gettext

from programme.feeds.data import GENERATOR, ProgrammeDay, person_guid, room_guid
from programme.links import event_url

FRAB_TIMESLOT = "00:15"
FRAB_TIME_ZONE_PATTERN = r"^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$"


def frab_acronym(event):
    """The event's slug as a frab acronym (lowercase letters, digits, underscores, 4+)."""
    return event.slug.lower().replace("-", "_").ljust(4, "_")


def _duration(start, end):
    if end is None:
        return "00:00"
    minutes = int((end - start).total_seconds() // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _frab_slug(item):
    """From a ProgrammeSlot: its title read once (the field's own reading looks up the
    active language each time)."""
    title = slugify(item.title)[:50].strip("-_") or "slot"
    return f"{frab_acronym(item.event)}-{item.slot.pk}-{title}"


def _reference_type(document):
    return "slides" if document.kind == "presentation" else "paper"


def _days_or_event_dates(event, days):
    """The programme's days, else every date of the event (frab needs at least one day)."""
    if days:
        return days
    count = (event.end_date - event.start_date).days + 1
    return [ProgrammeDay(date=event.start_date + datetime.timedelta(days=n)) for n in range(count)]


def _frab_day_bounds(event, day):
    if not day.slots:
        start = datetime.datetime.combine(day.date, datetime.time(0, 0), tzinfo=event.tzinfo)
        return start, start.replace(hour=23, minute=59)
    starts = [item.starts_at for item in day.slots]
    ends = [item.ends_at or item.starts_at for item in day.slots]
    return min(starts), max(ends)


def _person(base, entry):
    """A frab person: one name per person id (no honorific, which the programme prints per
    appearance); the honorific and the designation as printed go in fields of their own,
    which the JSON schema allows and the XML schema does not (the XML keeps them in the
    event's description)."""
    return {
        "id": entry.person_id,
        "guid": person_guid(entry.person_id),
        "public_name": entry.public_name,
        "honorific": entry.honorific,
        "designation": entry.designation,
        "url": entry.person_url,
        "biography": entry.biography or None,
    }


def frab_event(item, language):
    """One slot (a ProgrammeSlot) as a frab event."""
    slot, start, end = item.slot, item.starts_at, item.ends_at
    links = []
    if slot.video_url:
        links.append(
            {"type": "media", "url": slot.video_url, "title": gettext("Video of the session")}
        )
        links += _video_moment_links(item)
    return {
        "guid": item.guid,
        "id": slot.pk,
        "date": start.isoformat(),
        "start": start.strftime("%H:%M"),
        "duration": _duration(start, end),
        "room": item.room_name,
        "slug": _frab_slug(item),
        "url": item.url,
        "title": item.heading,
        "subtitle": "",
        "track": item.kind_label,
        "type": slot.kind,
        "language": language,
        "abstract": item.slot_description,
        "description": item.description,
        "logo": "",
        "persons": []
        if slot.is_break
        else [_person(item.base, entry) for entry in item.appearances],
        "links": links,
        "attachments": [
            {"type": _reference_type(document), "url": url, "title": title}
            for document, title, url in item.document_links
        ],
    }


def _video_moment_links(item):
    """One media link per person whose moment in the video is known: frab has no field for
    it, and a link (JSON and XML alike) keeps the schedule schema-valid."""
    if item.slot.is_break:
        return []
    return [
        {
            "type": "media",
            "url": entry.video_moment_url,
            "title": gettext("Video: %(name)s from %(moment)s")
            % {"name": entry.public_name, "moment": entry.video_moment},
        }
        for entry in item.appearances
        if entry.video_moment_url
    ]


def frab_schedule(data, base):
    """The schedule (of programme_data()) as a dict in the frab / c3voc schedule.json format."""
    event = data.event
    language = get_language() or settings.LANGUAGE_CODE
    rooms = {}
    frab_days = []
    for index, day in enumerate(_days_or_event_dates(event, data.days), start=1):
        day_start, day_end = _frab_day_bounds(event, day)
        day_rooms = {}
        for item in day.slots:
            room = item.room_name
            if room not in rooms:
                rooms[room] = room_guid(event, room)
            day_rooms.setdefault(room, []).append(frab_event(item, language))
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
            "version": data.version or str(event.version),
            "base_url": base,
            "conference": conference,
        },
    }


def frab_schedule_json(schedule):
    """schedule.json (bytes, UTF-8), as json.dumps(indent=2, ensure_ascii=False) wrote it."""
    return orjson.dumps(schedule, option=orjson.OPT_INDENT_2)


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
