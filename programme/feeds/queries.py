"""The feeds' queries: a published programme's rows for the calendars, frab, programme.json
and the PDF, in a constant number of queries, each feed reading only what it prints."""

from itertools import starmap
from typing import NamedTuple

from django.conf import settings

from conference.enums import EventStatus
from conference.models import Day
from core.rows import instances
from documents.models import Document
from programme.models import Appearance, Slot
from programme.queries import APPEARANCE_PRINTED_ORDER, translated

FEEDS_PRINTING_ALL = "all"


class FeedRows(NamedTuple):
    """A published programme's rows for the feeds, each list in printed order."""

    days: list
    slots: list
    appearances: list  # with person, role and organisation (AppearanceRow: calendar, frab)
    slot_documents: list  # public ones only (DocumentLink rows for the calendar and frab)
    appearance_documents: list


# Columns the feeds never print: not read (dates are the slowest to convert), and the
# private ones (a person's email, phone and gender) never leave the database for a feed.
_FEED_SKIPS = {
    "slot": ("created_at",),
    "appearance": (
        *("created_at", "updated_at", "organisation__website"),
        *(
            f"person__{name}"
            for name in (
                *("created_at", "updated_at", "email", "phone", "gender", "photo"),
                # the feeds print the appearance's position, organisation and country
                *("version", "organisation_id", "country", "language"),
                *(f"position_{code}" for code, _name in settings.LANGUAGES),
            )
        ),
    ),
    "document": (  # is_public: a public document's, always true
        *("created_at", "updated_at", "is_public", "content_type"),
        *("embargoed_until_delivered", "delivered_at", "embargo_lifts_at"),
    ),
}


class DocumentLink(NamedTuple):
    """A public document as the calendar and frab link to it, its title read by translated()."""

    pk: int
    title: str
    kind: str
    slot_id: int | None
    appearance_id: int | None


class AppearanceRow(NamedTuple):
    """An appearance as the calendar and frab print it, its texts read by translated(); the
    columns only frab prints (a person's address, biography and moment in the video) are
    None in the calendar's rows."""

    pk: int
    slot_id: int
    role_label: str
    honorific: str
    given_names: str
    family_names: str
    designation: str
    position: str
    organisation_name: str | None
    acronym: str | None
    country: str
    person_id: int | None = None
    person_slug: str | None = None
    biography: str | None = None
    video_start: int | None = None


def _document_links(documents):
    rows = documents.annotate(link_title=translated("title"))
    fields = ("pk", "link_title", "kind", "slot_id", "appearance_id")
    return list(map(DocumentLink._make, rows.values_list(*fields)))


def _appearance_rows(appearances, feed):
    rows = appearances.annotate(
        line_role=translated("role__label"),
        line_designation=translated("designation"),
        line_position=translated("position"),
        line_organisation=translated("organisation__name"),
    )
    fields = [
        *("pk", "slot_id", "line_role", "honorific"),
        *("person__given_names", "person__family_names", "line_designation", "line_position"),
        *("line_organisation", "organisation__acronym", "country"),
    ]
    if feed == "frab":
        rows = rows.annotate(line_biography=translated("person__biography"))
        fields += ["person_id", "person__slug", "line_biography", "video_start"]
    return list(starmap(AppearanceRow, rows.values_list(*fields)))


def _feed_rows(event, feed=FEEDS_PRINTING_ALL, *, all_days=True, **slot_lookups):
    """FeedRows of the event's slots (those matching ``slot_lookups``, ``pk__in=[…]``) in five
    queries (four with all_days=False), instances built from rows (the event's days, or with
    all_days=False only those of the slots, read with them). The ``feed`` ("calendar",
    "frab" or FEEDS_PRINTING_ALL) reads only what it prints: the calendar and frab read
    their appearances as AppearanceRow rows and documents as DocumentLink rows (instances for
    the big conference's 800 appearances and 1,500 documents were a third of a render)."""
    # modeltranslation's rewriting of lookups set aside from the start: none of these
    # filters names a translated field, and the rows are read by column.
    slots = Slot.objects.rewrite(False).filter(day__event=event, **slot_lookups)
    slots = slots.order_by("order", "start_time", "pk")
    day_field, slot_field = Day._meta.get_field("event"), Slot._meta.get_field("day")
    if all_days:
        days = instances(event.days.order_by("date"), all_languages=False)
        slots = instances(slots, skip=_FEED_SKIPS["slot"], all_languages=False)
        by_pk = {day.pk: day for day in days}
        for slot in slots:
            slot_field.set_cached_value(slot, by_pk[slot.day_id])
    else:
        slots = instances(slots, related=["day"], skip=_FEED_SKIPS["slot"], all_languages=False)
        days = sorted({slot.day.pk: slot.day for slot in slots}.values(), key=lambda d: d.date)
        by_pk = {day.pk: day for day in days}
        for slot in slots:  # one instance per day, whose event is set below
            slot_field.set_cached_value(slot, by_pk[slot.day_id])
    for day in days:
        day_field.set_cached_value(day, event)

    def of_slots(*path):  # the slots' lookups through path ("appearance", "slot")
        path = "__".join(path)
        lookups = {f"{path}__{name}": value for name, value in slot_lookups.items()}
        return {f"{path}__day__event": event, **lookups}

    released_documents = Document.objects.rewrite(False).released().order_by("order", "pk")

    def documents(*path):
        # Two queries, each led by the event's slots through an index: the documents of
        # either (an OR) made SQLite read every document of the site. Public ones, as
        # Document.objects.public() chooses them: a document has one target, so its event
        # is the one its slot is read through, whose publication is checked there (public()
        # reaches it through three chains of joins, to build and to run: 2% of a render).
        published = {f"{'__'.join(path)}__day__event__status": EventStatus.PUBLISHED}
        queryset = released_documents.filter(**of_slots(*path), **published)
        if feed == FEEDS_PRINTING_ALL:
            return instances(queryset, skip=_FEED_SKIPS["document"], all_languages=False)
        return _document_links(queryset)

    appearances = Appearance.objects.rewrite(False).filter(**of_slots("slot"))
    appearances = appearances.order_by(*APPEARANCE_PRINTED_ORDER)
    if feed == FEEDS_PRINTING_ALL:
        appearances = instances(
            appearances,
            related=["person", "role", "organisation"],
            skip=_FEED_SKIPS["appearance"],
            all_languages=False,
        )
    else:
        appearances = _appearance_rows(appearances, feed)
    return FeedRows(
        days=days,
        slots=slots,
        appearances=appearances,
        slot_documents=documents("slot"),
        appearance_documents=documents("appearance", "slot"),
    )


def public_programme_for_feeds(event, feed=FEEDS_PRINTING_ALL):
    """A published event's days, slots, people and public documents, for feeds and the PDF
    (``feed``: see _feed_rows). Read as rows (core.rows.instances): the feeds print every
    slot, and building thousands of model instances the usual way was a third of a big
    feed's render."""
    return _feed_rows(event, feed)


def public_event_documents(event):
    """Documents attached to the event itself (not to a slot), public ones only."""
    return Document.objects.public().filter(event=event).order_by("order", "pk")


def slot_for_feed(event, pk):
    """FeedRows of one slot of a published event (and its day), for its calendar, or None."""
    rows = _feed_rows(event, "calendar", all_days=False, pk=pk)
    return rows if rows.slots else None


# A visitor's personal agenda (the slot ids kept in their browser, sent in the address) ------

AGENDA_MAX_SLOTS = 200


def agenda_slot_ids(text):
    """The slot ids of ``?slots=12,15,19``: numbers only, each once, at most AGENDA_MAX_SLOTS."""
    ids = {int(part) for part in (text or "").split(",") if part.strip().isdigit()}
    return sorted(ids)[:AGENDA_MAX_SLOTS]


def slots_for_agenda(event, ids):
    """FeedRows of those of ``ids`` that are slots of the event, with their days, people and
    public documents, for a calendar (ids of other events' slots, or of no slot, are left out)."""
    return _feed_rows(event, "calendar", all_days=False, pk__in=ids)
