"""The speaker's side and the staff's side of personal links, in one place.

A speaker proposes a designation and uploads documents through a personal link; nothing is
applied or made public until staff accept it. Every acceptance is a reversion revision with
the staff member and a comment, so the history shows who let what through.
"""

import reversion
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from documents.enums import DocumentKind
from documents.models import Document
from programme.contribution_models import (
    ContributionLink,
    DesignationProposal,
    DocumentSubmission,
    ProfileSubmission,
)
from programme.enums import LinkState, PublishWhen, ReviewStatus
from speakers.models import Organisation

# What a speaker may send, and what is held until delivered unless they say otherwise.
SPEAKER_KINDS = [
    DocumentKind.REMARKS,
    DocumentKind.STATEMENT,
    DocumentKind.OPENING_REMARKS,
    DocumentKind.KEYNOTE_ADDRESS,
    DocumentKind.PRESENTATION,
    DocumentKind.OTHER,
]
HELD_BY_DEFAULT = {
    DocumentKind.REMARKS,
    DocumentKind.STATEMENT,
    DocumentKind.OPENING_REMARKS,
    DocumentKind.KEYNOTE_ADDRESS,
}


def default_publish(kind):
    return PublishWhen.DELIVERED if kind in HELD_BY_DEFAULT else PublishWhen.NOW


def issue_links(appearances, user=None, valid_until=None):
    """One new link per appearance: [(appearance, plain token)], the tokens shown once."""
    issued = []
    with transaction.atomic():
        for appearance in appearances:
            _link, token = ContributionLink.issue(appearance, user=user, valid_until=valid_until)
            issued.append((appearance, token))
    return issued


def revoke(links):
    return links.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())


def note_opened(link):
    if link.first_opened_at is None:
        link.first_opened_at = timezone.now()
        link.save(update_fields=["first_opened_at"])


def note_used(link):
    link.last_used_at = timezone.now()
    link.save(update_fields=["last_used_at"])


# The designation ----------------------------------------------------------------------------


def printed_fields(appearance):
    """The name and designation as the programme prints them for this appearance."""
    person = appearance.person
    return {
        "honorific": appearance.honorific,
        "given_names": person.given_names,
        "family_names": person.family_names,
        "position": appearance.position,
        "organisation": appearance.organisation.name if appearance.organisation_id else "",
        "country": str(appearance.country or ""),
    }


def proposal_diff(proposal):
    """[(field label, printed, proposed)] for the fields the speaker changed."""
    printed = printed_fields(proposal.appearance)
    rows = []
    for name in printed:
        proposed = str(getattr(proposal, name) or "")
        if proposed != printed[name]:
            label = DesignationProposal._meta.get_field(name).verbose_name
            rows.append((str(label), printed[name], proposed))
    return rows


def propose_designation(link, data):
    proposal = DesignationProposal.objects.create(appearance=link.appearance, link=link, **data)
    note_used(link)
    return proposal


def find_organisation(name):
    if not name:
        return None
    return (
        Organisation.objects.filter(name__iexact=name).first()
        or Organisation.objects.filter(acronym__iexact=name).first()
    )


def accept_designation(proposal, user):
    """Apply the proposal to its appearance (this occasion only); names to the person."""
    appearance = proposal.appearance
    person = appearance.person
    organisation = find_organisation(proposal.organisation)
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(
            _("Accepted the designation proposed by the speaker (%(changes)s).")
            % {"changes": ", ".join(row[0] for row in proposal_diff(proposal)) or "-"}
        )
        appearance.honorific = proposal.honorific
        appearance.position = proposal.position
        appearance.country = proposal.country
        appearance.designation = ""
        if organisation is not None or not proposal.organisation:
            appearance.organisation = organisation
        else:
            # An organisation Plenary does not know yet: printed as proposed.
            parts = [proposal.position, proposal.organisation, proposal.country.name]
            appearance.designation = ", ".join(str(part) for part in parts if part)
        appearance.save()
        if (person.given_names, person.family_names) != (
            proposal.given_names,
            proposal.family_names,
        ):
            person.given_names = proposal.given_names
            person.family_names = proposal.family_names
            person.save()
        proposal.mark(ReviewStatus.ACCEPTED, user)


def reject(item, user):
    """Refuse what the speaker sent: a placeholder goes back to waiting, a new upload goes."""
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(_("Rejected what the speaker sent."))
        item.mark(ReviewStatus.REJECTED, user)
        if isinstance(item, ProfileSubmission):
            item.photo.delete(save=False)
        elif isinstance(item, DocumentSubmission):
            document = item.document
            document.file.delete(save=False)
            if item.replaced_placeholder:
                document.file = ""
                document.embargoed_until_delivered = False
                document.save()
            else:
                document.delete()


# Documents ----------------------------------------------------------------------------------


def document_to_fill(appearance, kind, language):
    """The placeholder of that kind (same language first), or a pending upload to replace."""
    documents = appearance.documents.filter(kind=kind)
    placeholders = sorted(
        documents.filter(file="", url=""), key=lambda document: document.language != language
    )
    if placeholders:
        return placeholders[0]
    pending = documents.filter(
        language=language, is_public=False, submissions__status=ReviewStatus.PENDING
    )
    return pending.first()


def upload_document(link, kind, language, file, publish):
    """Store an upload as a document hidden from the public until staff accept it.

    Raises ValidationError with the same checks and limits as a staff upload.
    """
    appearance = link.appearance
    document = document_to_fill(appearance, kind, language)
    superseded = DocumentSubmission.objects.none()
    replaced_placeholder = False
    if document is None:
        with translation.override("en"):
            title = str(DocumentKind(kind).label)
        document = Document(appearance=appearance, kind=kind, title=title)
    else:
        superseded = document.submissions.filter(status=ReviewStatus.PENDING)
        replaced_placeholder = document.is_placeholder or any(
            earlier.replaced_placeholder for earlier in superseded
        )
    document.language = language
    document.file = file
    document.is_public = False
    document.embargoed_until_delivered = publish == PublishWhen.DELIVERED
    document.full_clean()
    with transaction.atomic():
        superseded.update(status=ReviewStatus.REJECTED, reviewed_at=timezone.now())
        document.save()
        submission = DocumentSubmission.objects.create(
            appearance=appearance,
            link=link,
            document=document,
            publish=publish,
            replaced_placeholder=replaced_placeholder,
        )
        note_used(link)
    return submission


def accept_document(submission, user):
    document = submission.document
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(
            _("Accepted the document sent by the speaker: %(title)s.") % {"title": document.title}
        )
        document.is_public = True
        document.embargoed_until_delivered = submission.publish == PublishWhen.DELIVERED
        document.save()
        submission.mark(ReviewStatus.ACCEPTED, user)


def accept(item, user):
    if isinstance(item, DocumentSubmission):
        accept_document(item, user)
    elif isinstance(item, ProfileSubmission):
        accept_profile(item, user)
    else:
        accept_designation(item, user)


def pending_in_slots(slots):
    """Everything speakers sent for these slots that awaits review, oldest first."""
    items = []
    for model in (DesignationProposal, DocumentSubmission, ProfileSubmission):
        items.extend(
            model.objects.filter(appearance__slot__in=slots, status=ReviewStatus.PENDING)
            .select_related("appearance__person", "appearance__organisation")
            .order_by("sent_at", "pk")
        )
    return sorted(items, key=lambda item: item.sent_at)


def accept_all(slots, user):
    """Accept every pending item of the slots, each with its own entry in the history."""
    items = pending_in_slots(slots)
    for item in items:
        accept(item, user)
    return len(items)


# Biography and photo -------------------------------------------------------------------------


def send_profile(link, biography, photo):
    """Store a biography and/or photo for review; raises ValidationError like a staff upload."""
    submission = ProfileSubmission(
        appearance=link.appearance, link=link, biography=biography.strip(), photo=photo
    )
    submission.full_clean()
    with transaction.atomic():
        submission.save()
        note_used(link)
    return submission


def accept_profile(submission, user):
    """The biography and photo become the person's (shown on their public page)."""
    person = submission.appearance.person
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(_("Accepted the biography and photo sent by the speaker."))
        if submission.biography.strip():
            person.biography = submission.biography.strip()
        if submission.photo:
            with submission.photo.open("rb") as photo:
                name = submission.photo.name.rsplit("/", 1)[-1]
                person.photo = ContentFile(photo.read(), name=name)
        person.save()
        submission.mark(ReviewStatus.ACCEPTED, user)


def link_states(links):
    """{state: count} for a checklist or a message."""
    counts = dict.fromkeys(LinkState.values, 0)
    for link in links:
        counts[link.state] += 1
    return counts
