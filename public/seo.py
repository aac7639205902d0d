"""What search engines and link previews read: summaries and schema.org data."""

import functools

import markdown as markdown_lib
import orjson
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import formats
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from core.choices import row_url_function
from speakers.models import Person

DESCRIPTION_LENGTH = 30  # words


def summary(text, words=DESCRIPTION_LENGTH):
    """The first paragraph of a Markdown text as plain words, cut at a word boundary."""
    if not text:
        return ""
    first = str(text).strip().split("\n\n", 1)[0]
    return Truncator(_plain(first)).words(words)


@functools.lru_cache(maxsize=1024)
def _plain(paragraph):
    """A Markdown paragraph as plain words, kept per process: a programme page prints its
    event's summary twice (description and schema.org data), and Markdown is slow."""
    return " ".join(strip_tags(markdown_lib.markdown(paragraph)).split())


def event_summary(event):
    parts = [event.edition, event.subtitle]
    lead = " – ".join(str(part) for part in parts if part)
    return summary(event.description) or lead or str(event.title)


def _place(event):
    address = {"@type": "PostalAddress"}
    if event.city:
        address["addressLocality"] = event.city
    if event.country:
        address["addressCountry"] = event.country.code
    place = {"@type": "Place", "address": address}
    if event.venue:
        place["name"] = event.venue
    return place


# What orjson does not write itself (lazy texts) and times (which it would write otherwise)
# are written as Django's encoder writes them.
_DJANGO_JSON = DjangoJSONEncoder()


def json_text(data):
    """JSON as the page's schema.org block holds it (before ``json_ld`` escapes it): compact,
    in UTF-8 (orjson: the big programme writes 120 sub-events, ten times faster than the
    standard library's encoder)."""
    option = orjson.OPT_PASSTHROUGH_DATETIME
    return orjson.dumps(data, default=_DJANGO_JSON.default, option=option).decode()


JSON_SCRIPT_ESCAPES = {">": "\\u003E", "<": "\\u003C", "&": "\\u0026"}


def script_json(text):
    """JSON text as a page's data block holds it: <, > and & escaped, so that the data
    cannot close the element (each character alone: the same text escaped in pieces)."""
    # str.replace per character rather than str.translate: the same text, many times faster
    # on the big programme's 130 KB block.
    for character, escaped in JSON_SCRIPT_ESCAPES.items():
        text = text.replace(character, escaped)
    return mark_safe(text)


def sub_events_of(days):
    """The sub-events of the days' slots (``slot.sub_event``), breaks having none."""
    return [slot.sub_event for day in days for slot in day.slot_list if slot.sub_event]


def sub_events_member(sub_events):
    """The sub-events as the last member of the event's JSON text, as :func:`json_text`
    would write it (nothing when there are none)."""
    return f',"subEvent":[{",".join(sub_events)}]' if sub_events else ""


def event_json_text(request, event, photos=()):
    """schema.org Event for the programme as JSON text, without its sub-events."""
    url = request.build_absolute_uri(event.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": str(event),
        "url": url,
        "startDate": event.start_date.isoformat(),
        "endDate": event.end_date.isoformat(),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "location": _place(event),
        "inLanguage": request.LANGUAGE_CODE,
    }
    description = event_summary(event)
    if description:
        data["description"] = description
    if event.series_id:
        data["superEvent"] = {
            "@type": "EventSeries",
            "name": event.series.name,
            "url": request.build_absolute_uri(event.series.get_absolute_url()),
        }
    if photos:
        data["image"] = [request.build_absolute_uri(photo.image.url) for photo in photos[:3]]
    return json_text(data)


class SubEvents:
    """The slots of one programme page as schema.org sub-events of its event (JSON text).

    The event's address and place, and each person as a performer, are built once per page
    (a person in several slots): the big programme lists 800 performers.
    """

    def __init__(self, request, event):
        self.request = request
        self.url = request.build_absolute_uri(event.get_absolute_url())
        self.place = _place(event)
        self.person_url = row_url_function(*Person.PUBLIC_VIEW)  # reversed once
        # A reversed path is already an ASCII URI: the site's origin before it is what
        # build_absolute_uri() would give.
        self.origin = request.build_absolute_uri("/").removesuffix("/")
        self.performers = {}

    def _performer(self, person):
        """A person as a performer: the name and the page's address, made once per page."""
        performer = self.performers.get(person.id)
        if performer is None:
            performer = self.performers[person.id] = {
                "@type": "Person",
                "name": person.full_name,
                "url": self.origin + self.person_url(person.slug),
            }
        return performer

    def of(self, slot):
        """The slot's sub-event; None for a break."""
        if slot.is_break:
            return None
        sub_event = {
            "@type": "Event",
            "name": str(slot.heading),
            "url": f"{self.url}#{slot.anchor}",
            "startDate": slot.starts_at.isoformat(timespec="minutes"),
            "location": self.place,
        }
        if slot.ends_at:
            sub_event["endDate"] = slot.ends_at.isoformat(timespec="minutes")
        people = slot.leaders + slot.speakers
        if people:
            sub_event["performer"] = [self._performer(appearance.person) for appearance in people]
        if slot.video_url:
            sub_event["recordedIn"] = {"@type": "VideoObject", "url": slot.video_url}
        return json_text(sub_event)


def slot_summary(event, slot):
    """For link previews of a slot: its description, else when, where and who."""
    if slot.description:
        return summary(slot.description)
    when = formats.date_format(slot.starts_at, "DATE_FORMAT")
    time = slot.start_time.strftime("%H:%M")
    people = ", ".join(appearance.person.full_name for appearance in slot.appearances.all()[:6])
    parts = [f"{event.title}, {when}, {time}", people]
    return Truncator(" – ".join(part for part in parts if part)).words(DESCRIPTION_LENGTH)
