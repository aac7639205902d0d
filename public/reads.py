"""The programme page's reads, each compiled once per process, language and audience
(``core.prepared``): the ORM compiling them again for each page took most of their time.
An event by its address; then everything of the event by its key (``event``), in the page's
language and its fallbacks only, the columns no page prints left out."""

from django.db.models import Count, Max

from conference.models import Day, Event
from core.prepared import PreparedRead
from core.rows import columns, field_columns
from documents.queries import every_document_of_visible_event, visible_photos
from programme.models import ChangeEntry, Role, Slot
from programme.queries import appearances_in_printed_order
from speakers.models import Organisation, Person

# Columns no page prints: bookkeeping, unread by the queries that read rows as values.
UNPRINTED_COLUMNS = ("created_at", "updated_at", "version")
# What the programme prints of a person beside an appearance: the name and the profile's
# address (the appearance has its own position and designation). The rest is not read: a
# biography in three languages, and the private fields.
PERSON_PRINTED_COLUMNS = ("id", "given_names", "family_names", "slug")
# Of a role: its label, and whether it is listed before the speakers. Of an organisation:
# what the designation prints, its name and acronym.
ROLE_PRINTED_FIELDS = ("id", "label", "listed_before_speakers")
ORGANISATION_PRINTED_FIELDS = ("id", "name", "acronym")
# Nor a document's type: its download sends it, the page does not.
DOCUMENT_SKIPS = (*UNPRINTED_COLUMNS, "content_type")

VISIBLE_EVENT = PreparedRead(
    lambda unpublished, slug: Event.objects.visible(unpublished).filter(slug=slug),
    related=["series"],
)
EVENT_DAYS = PreparedRead(
    lambda _, event: Day.objects.filter(event=event).order_by("date"),
    skip=UNPRINTED_COLUMNS,
    all_languages=False,
)


def _event_slots(event):
    return Slot.objects.filter(day__event=event).order_by("order", "start_time")


def _event_appearances(event):
    return appearances_in_printed_order().filter(slot__day__event=event)


EVENT_SLOT_OUTLINES = PreparedRead(
    lambda _, event: _event_slots(event).rewrite(False).values_list("pk", "day_id"),
    as_rows=True,
)
EVENT_SLOTS = PreparedRead(
    lambda _, event: _event_slots(event), skip=UNPRINTED_COLUMNS, all_languages=False
)


def appearance_skips():
    """The columns of an appearance, its person, role and organisation that the programme
    does not print."""
    printed = {
        ("person", Person): PERSON_PRINTED_COLUMNS,
        ("role", Role): field_columns(Role, ROLE_PRINTED_FIELDS),
        ("organisation", Organisation): field_columns(Organisation, ORGANISATION_PRINTED_FIELDS),
    }
    return [
        *UNPRINTED_COLUMNS,
        *(
            f"{path}__{name}"
            for (path, model), kept in printed.items()
            for name in columns(model)
            if name not in kept
        ),
    ]


EVENT_APPEARANCES = PreparedRead(
    lambda _, event: _event_appearances(event),
    related=["person", "role", "organisation"],
    skip=appearance_skips,
    all_languages=False,
)
# The event's own documents, its slots' and its appearances', those under embargo at ``now``
# left out (``documents.queries.every_document_of_visible_event``).
EVENT_DOCUMENTS = PreparedRead(
    lambda unpublished, event, now: every_document_of_visible_event(
        unpublished, event, now
    ).order_by("order", "pk"),
    skip=DOCUMENT_SKIPS,
    all_languages=False,
)
EVENT_PHOTOS = PreparedRead(
    lambda unpublished, event: (
        visible_photos(unpublished).filter(event=event).order_by("order", "pk")
    ),
    all_languages=False,
)
# How many public changes the event has at ``now`` and when the latest was listed.
EVENT_CHANGES = PreparedRead(
    lambda _, event, now: (
        ChangeEntry.objects.public(now)
        .filter(event=event)
        .order_by()
        .values_list("event")
        .annotate(count=Count("pk"), latest=Max("publish_at"))
    ),
    as_rows=True,
)
