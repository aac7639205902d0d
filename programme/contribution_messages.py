"""E-mail to speakers: their personal link, and reminders of what is still missing.

Each message carries a new personal link (Plenary keeps only a fingerprint of a token, so an
earlier link cannot be written again; earlier links stay valid). The text is the event's own
for that kind and language (``ContributionMessageTemplate``) or the default below, in the
person's preferred language. Each message sent is logged on the appearance. A person without
an e-mail address gets no message: staff copy the link from the page that follows.
"""

import dataclasses
import logging
import re
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _

from programme.checklist import MISSING, checklist_row, with_checklist_data
from programme.contribution_models import ContributionLink
from programme.enums import MessageKind
from programme.message_models import ContributionMessage, ContributionMessageTemplate

logger = logging.getLogger(__name__)

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def default_text(kind, language):
    """(subject, body) of a message by default, in that language."""
    with translation.override(language):
        if kind == MessageKind.REMINDER:
            subject = _("Reminder: your contribution to {event}")
            body = _(
                "Dear {name},\n\n"
                "For “{slot}” ({when}) at {event}, the secretariat is still waiting for:\n\n"
                "{missing}\n\n"
                "You can send it through your personal link, without an account:\n\n"
                "{link}\n\n"
                "The link is for you alone and is valid until {valid_until}.\n\n"
                "With thanks,\nThe secretariat"
            )
        else:
            subject = _("Your contribution to {event}")
            body = _(
                "Dear {name},\n\n"
                "You appear as {role} in “{slot}” ({when}) at {event}.\n\n"
                "Through your personal link, without an account, you can check how your "
                "name and title will be printed, send a short biography and a photo, and "
                "send the text of your remarks or your presentation:\n\n"
                "{link}\n\n"
                "The link is for you alone and is valid until {valid_until}.\n\n"
                "With thanks,\nThe secretariat"
            )
        return str(subject), str(body)


def fill(text, values):
    """Replace {name} placeholders by their values; unknown ones stay as they are."""
    return PLACEHOLDER.sub(lambda match: str(values.get(match.group(1), match.group(0))), text)


def missing_lines(row):
    """What the person has still to send, one line each, in the active language."""
    lines = []
    if not row.designation_confirmed:
        lines.append(_("the confirmation of how your name and title will be printed"))
    for document, status in row.documents:
        if status == MISSING:
            lines.append(f"{document.get_kind_display()} ({document.language.upper()})")
    return "\n".join(f"- {line}" for line in lines)


def person_language(person):
    codes = [code for code, _name in settings.LANGUAGES]
    return person.language if person.language in codes else settings.LANGUAGE_CODE


def message_values(row, link, url):
    appearance = row.appearance
    slot = appearance.slot
    event = slot.day.event
    when = f"{formats.date_format(slot.day.date, 'DATE_FORMAT')}, {slot.start_time:%H:%M}"
    return {
        "name": appearance.person.full_name,
        "event": event.title,
        "slot": slot.title,
        "when": f"{when} ({event.time_zone})",
        "role": appearance.role.label,
        "link": url,
        "valid_until": formats.date_format(link.valid_until, "DATE_FORMAT"),
        "missing": missing_lines(row),
    }


@dataclasses.dataclass
class Outcome:
    appearance: object
    url: str
    sent_to: str = ""
    error: str = ""


class Texts:
    """The event's own texts, looked up once per event."""

    def __init__(self):
        self.by_event = {}

    def get(self, event, kind, language):
        if event.pk not in self.by_event:
            self.by_event[event.pk] = {
                (text.kind, text.language): text
                for text in ContributionMessageTemplate.objects.filter(event=event)
            }
        text = self.by_event[event.pk].get((kind, language))
        if text is None:
            return default_text(kind, language)
        return text.subject, text.body


def send_messages(appearances, kind, user, absolute_url):
    """Send kind of message to the people of the appearances; [Outcome], in programme order.

    Reminders go only to those still missing something. ``absolute_url`` turns a path into
    the address the person opens (``request.build_absolute_uri``).
    """
    rows = [checklist_row(appearance) for appearance in with_checklist_data(appearances)]
    if kind == MessageKind.REMINDER:
        rows = [row for row in rows if row.missing]
    texts = Texts()
    outcomes = []
    connection = get_connection()
    try:
        connection.open()  # one connection for the batch
    except (smtplib.SMTPException, OSError):
        logger.warning("The mail server could not be reached; each message will say so")
    try:
        for row in rows:
            outcomes.append(_send_one(row, kind, user, absolute_url, texts, connection))
    finally:
        connection.close()
    return outcomes


def _send_one(row, kind, user, absolute_url, texts, connection):
    appearance = row.appearance
    person = appearance.person
    language = person_language(person)
    link, token = ContributionLink.issue(appearance, user=user)
    with translation.override(language):
        url = absolute_url(reverse("public:contribute", kwargs={"token": token}))
        if not person.email:
            return Outcome(appearance, url)
        subject, body = texts.get(appearance.slot.day.event, kind, language)
        values = message_values(row, link, url)
        subject = " ".join(fill(subject, values).split())  # no line break in a subject
        message = EmailMessage(
            subject,
            fill(body, values),
            to=[person.email],
            connection=connection,
            headers={"Content-Language": language},
        )
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("A message to %s could not be sent: %s", person.email, error)
        return Outcome(appearance, url, error=str(error) or error.__class__.__name__)
    ContributionMessage.objects.create(
        appearance=appearance,
        kind=kind,
        language=language,
        sent_to=person.email,
        subject=subject[:200],
        sent_by=user if user and user.is_authenticated else None,
    )
    return Outcome(appearance, url, sent_to=person.email)
