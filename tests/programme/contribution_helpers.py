"""A future event with two speakers in one slot, and the speaker's link to open it."""

import datetime

from django.utils import timezone

from documents.enums import DocumentKind
from programme.contribution_models import (
    ContributionLink,
    DesignationProposal,
    DocumentSubmission,
    ProfileSubmission,
)
from programme.enums import MessageKind
from programme.message_models import ContributionMessage, ContributionMessageTemplate
from programme.models import Appearance
from tests.factories import (
    AppearanceFactory,
    DayFactory,
    DocumentFactory,
    EventFactory,
    SlotFactory,
)


def future_programme(days_ahead=10):
    """A published event in ten days: one slot, two speakers, a remarks placeholder each."""
    start = timezone.localdate() + datetime.timedelta(days=days_ahead)
    event = EventFactory(
        published=True,
        start_date=start,
        end_date=start + datetime.timedelta(days=1),
        time_zone="Europe/Zurich",
    )
    day = DayFactory(event=event, date=start)
    slot = SlotFactory(day=day, title="Panel on labour mobility", start_time=datetime.time(10))
    first = AppearanceFactory(slot=slot, position="Minister of Labour")
    second = AppearanceFactory(slot=slot, position="Ambassador", order=1)
    for appearance in (first, second):
        DocumentFactory(appearance=appearance, title="Remarks", file="", kind=DocumentKind.REMARKS)
    return event, slot, first, second


def contribute_url(token, language="en"):
    return f"/{language}/contribute/{token}/"


def link_for(appearance, **kwargs):
    _link, token = ContributionLink.issue(appearance, **kwargs)
    return token


def speaker_sent_something(event):
    """A link, a proposal, an upload, a biography, a message text and a message sent for the
    event's last appearance (for admin tests)."""
    speaker = Appearance.objects.filter(slot__day__event=event).last()
    link, _token = ContributionLink.issue(speaker)
    DesignationProposal.objects.create(appearance=speaker, link=link, family_names="Dialogue")
    document = DocumentFactory(appearance=speaker, is_public=False)
    DocumentSubmission.objects.create(appearance=speaker, link=link, document=document)
    ProfileSubmission.objects.create(appearance=speaker, link=link, biography="Dialogue expert.")
    ContributionMessageTemplate.objects.create(
        event=event,
        kind=MessageKind.LINK,
        language="en",
        subject="Dialogue: your link",
        body="Dear {name}, {link}",
    )
    ContributionMessage.objects.create(
        appearance=speaker,
        kind=MessageKind.LINK,
        language="en",
        sent_to="speaker@example.org",
        subject="Dialogue: your link",
    )
    return link
