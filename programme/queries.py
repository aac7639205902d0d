"""One named query per page: everything the page needs, in a constant number of queries."""

from collections import defaultdict
from itertools import islice
from typing import NamedTuple

from django.conf import settings
from django.db.models import CharField, Count, F, Prefetch, Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language

from conference.enums import EventStatus
from documents.models import Document
from programme.models import Appearance, Role, Slot
from speakers.models import Organisation, Person

APPEARANCE_PRINTED_ORDER = ["-role__listed_before_speakers", "order", "pk"]


def appearances_in_printed_order():
    """Roles listed before the speakers first, then the speakers, each in their order."""
    return Appearance.objects.select_related("person", "role", "organisation").order_by(
        *APPEARANCE_PRINTED_ORDER
    )


def programme_overview_for_admin(event):
    """The event's days with their slots and people, for the read-only admin overview."""
    slots = Slot.objects.order_by("order", "start_time").prefetch_related(
        Prefetch("appearances", queryset=appearances_in_printed_order())
    )
    return event.days.order_by("date").prefetch_related(Prefetch("slots", queryset=slots))


# Exports and statistics (the feeds read theirs in programme.feeds.queries) ---------------
#
# `events` is a queryset of conference.Event (one event, or all events of a series). Exports
# read their rows from one database cursor in chunks of EXPORT_CHUNK_SIZE and fetch the
# related rows of each chunk with one more query, so queries grow with the number of chunks,
# not rows, and memory stays flat. The related rows are attached by hand rather than with
# prefetch_related(): a prefetch cache ties each instance to its related rows in reference
# cycles that only the cyclic garbage collector frees, and the peak memory then grows with
# the length of the export.

EXPORT_CHUNK_SIZE = 500

# Long texts an export never prints: not read for every row of a long export.
_LONG_TEXTS = ["description", *(f"description_{code}" for code, _name in settings.LANGUAGES)]


def in_chunks(queryset, chunk_size=EXPORT_CHUNK_SIZE):
    """Lists of up to chunk_size rows of the queryset, read from one database cursor."""
    iterator = queryset.iterator(chunk_size=chunk_size)
    while chunk := list(islice(iterator, chunk_size)):
        yield chunk


def _grouped(queryset, key):
    groups = defaultdict(list)
    for row in queryset:
        groups[getattr(row, key)].append(row)
    return groups


APPEARANCE_EXPORT_ORDER = [
    "slot__day__event__start_date",
    "slot__day__event_id",
    "slot__day__date",
    "slot__order",
    "slot__start_time",
    "slot_id",
    *APPEARANCE_PRINTED_ORDER,
]


def appearances_for_export(events):
    """Every appearance in the events with person, role, organisation and slot, in order."""
    long_texts = [
        *(f"slot__day__event__{name}" for name in _LONG_TEXTS),
        *(f"slot__{name}" for name in _LONG_TEXTS),
        *(
            f"person__{name}"
            for name in ["biography", *(f"biography_{c}" for c, _n in settings.LANGUAGES)]
        ),
    ]
    return (
        appearances_in_printed_order()
        .filter(slot__day__event__in=events)
        .select_related("slot__day__event")
        .defer(*long_texts)
        .order_by(*APPEARANCE_EXPORT_ORDER)
    )


class ParticipantLookups(NamedTuple):
    """The small tables a participants export looks up by key, read once."""

    slots: dict  # pk: (event_id, date, start, end, number, title, video_url)
    events: dict  # pk: Event
    roles: dict  # pk: label
    organisations: dict  # pk: (name, acronym, category, country code)


def participant_lookups(events):
    """ParticipantLookups for the events: four queries, translated texts resolved in SQL."""
    slots = (
        Slot.objects.filter(day__event__in=events)
        .rewrite(False)
        .annotate(export_title=translated("title"))
        .values_list(
            "pk", "day__event_id", "day__date", "start_time", "end_time", "number",
            "export_title", "video_url",
        )
    )  # fmt: skip
    organisations = (
        Organisation.objects.filter(
            pk__in=Appearance.objects.filter(slot__day__event__in=events).values("organisation")
        )
        .rewrite(False)
        .annotate(export_name=translated("name"))
        .values_list("pk", "export_name", "acronym", "category", "country")
    )
    return ParticipantLookups(
        slots={row[0]: row[1:] for row in slots},
        events={event.pk: event for event in events.order_by()},
        roles={role.pk: str(role.label) for role in Role.objects.all()},
        organisations={row[0]: row[1:] for row in organisations},
    )


def participants_for_export(events, chunk_size=EXPORT_CHUNK_SIZE * 4):
    """(appearance row, its documents) per appearance in export order, as tuples.

    An appearance row is (pk, slot_id, role_id, honorific, given names, family names,
    gender, position, designation, organisation_id, country code); a document is
    (appearance_id, title, file, url, pk). Two queries per chunk, nothing kept between chunks.
    """
    appearances = (
        Appearance.objects.filter(slot__day__event__in=events)
        .rewrite(False)
        .annotate(
            export_position=translated("position"), export_designation=translated("designation")
        )
        .order_by(*APPEARANCE_EXPORT_ORDER)
        .values_list(
            "pk", "slot_id", "role_id", "honorific", "person__given_names",
            "person__family_names", "person__gender", "export_position", "export_designation",
            "organisation_id", "country",
        )
    )  # fmt: skip
    for chunk in in_chunks(appearances, chunk_size):
        documents = defaultdict(list)
        # By the chunk's slots (a few dozen keys, not thousands); a slot that continues in
        # the next chunk has its documents read again there.
        for document in (
            Document.objects.filter(appearance__slot__in={row[1] for row in chunk})
            .rewrite(False)
            .annotate(export_title=translated("title"))
            .order_by("order", "pk")
            .values_list("appearance_id", "export_title", "file", "url", "pk")
        ):
            documents[document[0]].append(document)
        for row in chunk:
            yield row, documents.get(row[0], ())


def slots_for_export(events):
    """Every slot of the events with the number of its documents, in programme order."""
    return (
        Slot.objects.filter(day__event__in=events)
        .select_related("day__event")
        .defer(*(f"day__event__{name}" for name in _LONG_TEXTS))
        .annotate(
            slot_document_count=Count("documents", distinct=True),
            appearance_document_count=Count("appearances__documents", distinct=True),
        )
        .order_by(
            "day__event__start_date", "day__event_id", "day__date", "order", "start_time", "pk"
        )
    )


def slots_with_people(events, chunk_size=EXPORT_CHUNK_SIZE):
    """(slot, its appearances in printed order): two queries per chunk of slots."""
    for chunk in in_chunks(slots_for_export(events), chunk_size):
        people = _grouped(
            appearances_in_printed_order().filter(slot__in=[s.pk for s in chunk]),
            "slot_id",
        )
        for slot in chunk:
            yield slot, people.get(slot.pk, [])


def documents_for_export(events):
    """Every document attached to the events, their slots or their appearances."""
    return (
        Document.objects.filter(
            Q(event__in=events)
            | Q(slot__day__event__in=events)
            | Q(appearance__slot__day__event__in=events)
        )
        .select_related(
            "event",
            "slot__day__event",
            "appearance__slot__day__event",
            "appearance__person",
            "appearance__role",
            "translation_of",
        )
        .annotate(
            export_event_start=Coalesce(
                "event__start_date",
                "slot__day__event__start_date",
                "appearance__slot__day__event__start_date",
            ),
            export_event_id=Coalesce(
                "event_id", "slot__day__event_id", "appearance__slot__day__event_id"
            ),
            export_date=Coalesce("slot__day__date", "appearance__slot__day__date"),
            export_slot_order=Coalesce("slot__order", "appearance__slot__order"),
            export_slot_id=Coalesce("slot_id", "appearance__slot_id"),
        )
        .order_by(
            "export_event_start",
            "export_event_id",
            F("export_date").asc(nulls_first=True),
            F("export_slot_order").asc(nulls_first=True),
            F("export_slot_id").asc(nulls_first=True),
            F("appearance__order").asc(nulls_first=True),
            "order",
            "pk",
        )
    )


def roles_in_order():
    return Role.objects.order_by("order", "name")


def people_for_export(events, roles):
    """Everyone appearing in the events, with their appearances counted in total and per role."""
    per_role = {
        f"appearances_as_{role.pk}": Count("appearances", filter=Q(appearances__role=role))
        for role in roles
    }
    return (
        Person.objects.filter(appearances__slot__day__event__in=events)
        .select_related("organisation")
        .annotate(
            appearance_count=Count("appearances"),
            published_appearances=Count(
                "appearances",
                filter=Q(appearances__slot__day__event__status=EventStatus.PUBLISHED),
            ),
            **per_role,
        )
        .order_by("family_names", "given_names", "pk")
    )


def translated(path):
    """The active language's column of a translated field across a relation, English if empty.

    modeltranslation rewrites a model's own fields in ``values()`` but not related lookups
    such as ``role__label``, which would read the original (English) column.
    """
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    fallback = F(f"{path}_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}")
    text = CharField()
    if language not in dict(settings.LANGUAGES):
        return Coalesce(fallback, F(path), output_field=text)
    return Coalesce(
        NullIf(F(f"{path}_{language}"), Value(""), output_field=text),
        fallback,
        F(path),
        output_field=text,
    )


def appearances_for_statistics(events):
    """One light row per appearance: the fields the statistics count, in programme order."""
    return (
        Appearance.objects.filter(slot__day__event__in=events)
        .annotate(
            slot_title=translated("slot__title"),
            event_title=translated("slot__day__event__title"),
            role_label=translated("role__label"),
        )
        .order_by(
            "slot__day__event__start_date",
            "slot__day__event_id",
            "slot__day__date",
            "slot__order",
            "slot__start_time",
            "slot_id",
        )
        .values(
            "slot_id",
            "person_id",
            "slot__number",
            "slot_title",
            "slot__start_time",
            "slot__day__date",
            "event_title",
            "role_id",
            "role_label",
            "role__order",
            "person__gender",
            "organisation__category",
            "organisation__country",
            "country",
        )
    )


def document_kinds_for_statistics(events):
    """(kind, number of documents) for the documents attached anywhere in the events."""
    return (
        documents_for_export(events)
        .order_by()
        .values("kind")
        .annotate(count=Count("pk", distinct=True))
        .order_by("kind")
    )
