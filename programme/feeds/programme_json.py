"""programme.json: our own complete public description of a published programme."""

import orjson
from django.conf import settings
from django.utils.translation import get_language
from django_countries.fields import Country

from core.choices import choice_label
from core.rows import text
from programme.exports import printed_name
from programme.feeds.data import country_code
from programme.links import document_url_function, event_url
from speakers.enums import OrganisationCategory

PROGRAMME_JSON_FORMAT = "plenary-programme"
PROGRAMME_JSON_VERSION = 1


class _Labels:
    """What a programme prints of a kind, a country or an organisation, worked out once per
    render (a big programme repeats them on thousands of rows): each value is the one the
    model's own method or property gives."""

    def __init__(self, base):
        self.document_address = document_url_function(base)
        self.kinds, self.countries, self.organisations = {}, {}, {}

    def kind(self, document):
        if document.kind not in self.kinds:
            self.kinds[document.kind] = str(document.get_kind_display())
        return self.kinds[document.kind]

    def country(self, appearance):
        """appearance_country() as {"code", "name"}, or None."""
        code = country_code(appearance)
        if not code and appearance.organisation is not None:
            code = country_code(appearance.organisation)
        if not code:
            return None
        if code not in self.countries:
            country = Country(code=code)
            self.countries[code] = {"code": country.code, "name": str(country.name)}
        return self.countries[code]

    def organisation(self, entry):
        organisation = entry.appearance.organisation
        if organisation is None:
            return None
        if organisation.pk not in self.organisations:
            self.organisations[organisation.pk] = {
                "name": str(entry.organisation_name),
                "acronym": organisation.acronym,
                "category": organisation.category,
                "category_label": choice_label(OrganisationCategory, organisation.category),
            }
        return self.organisations[organisation.pk]


def _document_json(labels, document):
    return {
        "id": document.pk,
        "title": str(text(document, "title")),
        "kind": document.kind,
        "kind_label": labels.kind(document),
        "language": document.language,
        "format": str(document.format_label),
        "file_size": document.file_size,
        "url": labels.document_address(document.pk),
        "translation_of": document.translation_of_id,
    }


def _appearance_json(labels, entry):
    appearance = entry.appearance
    person = appearance.person
    return {
        "role": {
            "name": appearance.role.name,
            "label": entry.role_label,
            "listed_before_speakers": appearance.role.listed_before_speakers,
        },
        "person": {
            "id": person.pk,
            "slug": person.slug,
            "url": entry.person_url,
            "honorific": appearance.honorific,
            "given_names": person.given_names,
            "family_names": person.family_names,
            "name": printed_name(appearance.honorific, person),
        },
        "position": text(appearance, "position"),
        "organisation": labels.organisation(entry),
        "country": labels.country(appearance),
        "designation": entry.designation,
        # When the person starts speaking in the slot's video: seconds, as a clock reads,
        # and the video's address at that moment (None when not recorded).
        "video_start": appearance.video_start,
        "video_moment": appearance.video_moment or None,
        "video_moment_url": appearance.video_moment_url or None,
        "documents": [_document_json(labels, d) for d in entry.documents],
    }


def _slot_json(labels, item):
    slot = item.slot
    return {
        "id": slot.pk,
        "guid": item.guid,
        "url": item.url,
        "start": item.starts_at.isoformat(),
        "end": item.ends_at.isoformat() if item.ends_at else None,
        "kind": slot.kind,
        "kind_label": item.kind_label,
        # A number as before (4); a printed “IV” or “4a” as text; null when none.
        "number": int(slot.number) if str(slot.number).isdigit() else (slot.number or None),
        "title": item.title,
        "heading": item.heading,
        "description": item.slot_description,
        "room": item.room,
        "video_url": slot.video_url,
        "participants": [_appearance_json(labels, entry) for entry in item.appearances],
        "documents": [_document_json(labels, d) for d in item.documents],
    }


def programme_json(data, base):
    """The programme of programme_data() with the event's documents (format in the README)."""
    event = data.event
    labels = _Labels(base)
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
            "time_zone_statement": event.time_zone_statement,
            "website": event.website,
            "version": event.version,
            "published_at": event.published_at.isoformat() if event.published_at else None,
            "updated_at": event.updated_at.isoformat(),
        },
        "days": [
            {
                "date": day.date.isoformat(),
                "label": str(day.label),
                "slots": [_slot_json(labels, item) for item in day.slots],
            }
            for day in data.days
        ],
        "documents": [_document_json(labels, d) for d in data.documents],
    }


def programme_json_bytes(data, base):
    """programme.json (bytes, UTF-8), as json.dumps(indent=2, ensure_ascii=False) wrote it."""
    return orjson.dumps(programme_json(data, base), option=orjson.OPT_INDENT_2)
