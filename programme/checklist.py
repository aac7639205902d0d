"""The per-event checklist for staff: what each appearance has sent, and what is missing.

For each appearance: whether its designation is confirmed (a proposal accepted), whether the
person has a biography and a photo, each expected document (a placeholder is expected and
missing; a file awaiting review is received; a public file is accepted), and the state of
its latest personal link. Built in four queries, whatever the size of the event.
"""

import dataclasses

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from documents.models import Document
from programme.contribution_models import ContributionLink, DesignationProposal
from programme.enums import ReviewStatus
from programme.models import Appearance

CONFIRMED = _("confirmed")
PROPOSED = _("correction awaiting review")
UNCONFIRMED = _("not confirmed")
ACCEPTED = _("accepted")
RECEIVED = _("received, awaiting review")
MISSING = _("missing")
NO_LINK = _("no link")

CHECKLIST_COLUMNS = [
    "date",
    "start",
    "slot",
    "person",
    "role",
    "designation",
    "biography",
    "photo",
    "documents",
    "link",
    "missing",
]


@dataclasses.dataclass
class ChecklistRow:
    appearance: Appearance
    designation: str
    designation_confirmed: bool
    biography: bool
    photo: bool
    documents: list  # [(document, status)]
    link_state: str
    missing: int


@dataclasses.dataclass
class ChecklistSlot:
    slot: object
    rows: list
    missing: int


def document_status(document):
    if document.is_placeholder:
        return MISSING
    if document.is_public:
        return ACCEPTED
    return RECEIVED


def checklist_row(appearance):
    statuses = {proposal.status for proposal in appearance.designation_proposals.all()}
    if ReviewStatus.ACCEPTED in statuses:
        designation, confirmed = CONFIRMED, True
    elif ReviewStatus.PENDING in statuses:
        designation, confirmed = PROPOSED, False
    else:
        designation, confirmed = UNCONFIRMED, False
    documents = [(document, document_status(document)) for document in appearance.documents.all()]
    links = list(appearance.contribution_links.all())
    person = appearance.person
    missing = sum(status == MISSING for _document, status in documents) + (not confirmed)
    return ChecklistRow(
        appearance=appearance,
        designation=designation,
        designation_confirmed=confirmed,
        biography=bool(person.biography.strip()),
        photo=bool(person.photo),
        documents=documents,
        link_state=links[0].state.label if links else NO_LINK,
        missing=missing,
    )


def event_checklist(event, *, only_missing=False):
    """[ChecklistSlot] in programme order, each with its appearances and their missing count."""
    appearances = (
        Appearance.objects.filter(slot__day__event=event)
        .select_related("person", "role", "slot__day")
        .prefetch_related(
            Prefetch("documents", queryset=Document.objects.order_by("order", "pk")),
            Prefetch(
                "contribution_links",
                queryset=ContributionLink.objects.order_by("-created_at", "-pk"),
            ),
            Prefetch("designation_proposals", queryset=DesignationProposal.objects.all()),
        )
        .order_by("slot__day__date", "slot__order", "slot__start_time", "order", "pk")
    )
    slots = {}
    for appearance in appearances:
        row = checklist_row(appearance)
        if only_missing and not row.missing:
            continue
        entry = slots.setdefault(appearance.slot_id, ChecklistSlot(appearance.slot, [], 0))
        entry.rows.append(row)
        entry.missing += row.missing
    return list(slots.values())


def checklist_table(event):
    """Header and rows of the checklist CSV."""
    rows = []
    for entry in event_checklist(event):
        slot = entry.slot
        for row in entry.rows:
            appearance = row.appearance
            rows.append(
                [
                    slot.day.date.isoformat(),
                    slot.start_time.strftime("%H:%M"),
                    slot.title,
                    appearance.person.full_name,
                    appearance.role.label,
                    str(row.designation),
                    row.biography,
                    row.photo,
                    "\n".join(
                        f"{document.get_kind_display()} ({document.language.upper()}): {status}"
                        for document, status in row.documents
                    ),
                    str(row.link_state),
                    row.missing,
                ]
            )
    return CHECKLIST_COLUMNS, rows
