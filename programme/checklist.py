"""The per-event checklist for staff: what each appearance has sent, and what is missing.

For each appearance: whether its designation is confirmed (a proposal accepted), whether the
person has a biography and a photo (or sent one), each expected document (a placeholder is
expected and missing; a file awaiting review is received; a public file is accepted), the
state of its personal links and the messages sent. Built in six queries, whatever the
size of the event.
"""

import dataclasses

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from documents.models import Document
from programme.contribution_models import (
    ContributionLink,
    DesignationProposal,
    ProfileSubmission,
)
from programme.enums import LinkState, ReviewStatus
from programme.message_models import ContributionMessage
from programme.models import Appearance

CONFIRMED = _("confirmed")
PROPOSED = _("correction awaiting review")
UNCONFIRMED = _("not confirmed")
ACCEPTED = _("accepted")
RECEIVED = _("received, awaiting review")
MISSING = _("missing")
NOT_SENT = _("not sent")
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
    "messages",
    "missing",
]


@dataclasses.dataclass
class ChecklistRow:
    appearance: Appearance
    designation: str
    designation_confirmed: bool
    biography: str
    photo: str
    documents: list  # [(document, status)]
    link_state: str
    messages: list  # [ContributionMessage], latest first
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


def profile_status(person, pending, field):
    """Accepted when the person has it, received when a speaker sent it, else not sent."""
    if getattr(person, field):
        return ACCEPTED
    if any(getattr(submission, field) for submission in pending):
        return RECEIVED
    return NOT_SENT


# Of several usable links (a message carries a new one), the furthest the person went.
PROGRESS = [LinkState.USED, LinkState.OPENED, LinkState.NEVER_OPENED]


def link_state(links):
    """The state of the person's links: the most advanced usable one, else the latest's."""
    if not links:
        return NO_LINK
    states = {link.state for link in links}
    for state in PROGRESS:
        if state in states:
            return state.label
    return links[0].state.label


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
    pending = [
        submission
        for submission in appearance.profile_submissions.all()
        if submission.status == ReviewStatus.PENDING
    ]
    return ChecklistRow(
        appearance=appearance,
        designation=designation,
        designation_confirmed=confirmed,
        biography=profile_status(person, pending, "biography"),
        photo=profile_status(person, pending, "photo"),
        documents=documents,
        link_state=link_state(links),
        messages=list(appearance.contribution_messages.all()),
        missing=missing,
    )


def with_checklist_data(appearances):
    """The appearances with what their checklist rows read, in programme order."""
    return (
        appearances.select_related("person", "role", "slot__day__event")
        .prefetch_related(
            Prefetch("documents", queryset=Document.objects.order_by("order", "pk")),
            Prefetch(
                "contribution_links",
                queryset=ContributionLink.objects.order_by("-created_at", "-pk"),
            ),
            Prefetch("designation_proposals", queryset=DesignationProposal.objects.all()),
            Prefetch("profile_submissions", queryset=ProfileSubmission.objects.all()),
            Prefetch(
                "contribution_messages",
                queryset=ContributionMessage.objects.select_related("sent_by"),
            ),
        )
        .order_by("slot__day__date", "slot__order", "slot__start_time", "order", "pk")
    )


def event_checklist(event, *, only_missing=False):
    """[ChecklistSlot] in programme order, each with its appearances and their missing count."""
    appearances = with_checklist_data(Appearance.objects.filter(slot__day__event=event))
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
                    str(row.biography),
                    str(row.photo),
                    "\n".join(
                        f"{document.get_kind_display()} ({document.language.upper()}): {status}"
                        for document, status in row.documents
                    ),
                    str(row.link_state),
                    "\n".join(
                        f"{message.sent_at:%Y-%m-%d %H:%M} UTC {message.get_kind_display()} "
                        f"({message.language.upper()}) {message.sent_to}"
                        for message in row.messages
                    ),
                    row.missing,
                ]
            )
    return CHECKLIST_COLUMNS, rows
