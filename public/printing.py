"""A slot of the programme printed as HTML: the piece a programme page repeats for each of
its slots (the big programme's 120), and :mod:`public.fragments` caches.

Printed in Python, as :func:`public.display.people_lists` and
:func:`public.display.document_links` print the people and documents inside it: through a
template, each slot cost a macro call, a dozen look-ups and as many escapes of values that
need none, some tenth of a big programme's cold render. Every value is escaped as Django's
``conditional_escape`` escapes it (``public.display.escaped``), so the page is the same byte
for byte as the template printed it.
"""

import functools
from dataclasses import dataclass, field

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext

from core.choices import PLACEHOLDERS, row_url_function
from core.rows import text
from documents.models import Document
from public.display import PersonLinks, document_links, escaped, label_documents, people_lists
from public.templatetags.languages import fallback_lang_in
from public.templatetags.plenary import iso_minutes, markdown

CALENDAR_VIEW = "public:session-ics"  # its arguments: the event's slug, the slot's number
NUMBER_PLACEHOLDER = PLACEHOLDERS[1]


@functools.lru_cache(maxsize=256)
def _calendar_address(slug, language, prefix, urlconf):
    return reverse(CALENDAR_VIEW, urlconf=urlconf, args=[slug, NUMBER_PLACEHOLDER])


def calendar_url_function(event):
    """The address of the calendar file of a slot of the event (a function of the slot): the
    view reversed once per event and language."""
    address = _calendar_address(event.slug, get_language(), get_script_prefix(), get_urlconf())
    if address.count(NUMBER_PLACEHOLDER) != 1:
        return lambda slot: reverse(CALENDAR_VIEW, args=[event.slug, slot.pk])
    return lambda slot: address.replace(NUMBER_PLACEHOLDER, str(slot.pk))


@dataclass(frozen=True)
class SlotPrinting:
    """What every slot of a page is printed with, looked up once per page (:meth:`of`) rather
    than for each of its slots: the language, the links to people's pages
    (``public.display.PersonLinks``, each made once per page), the addresses of a
    document's download and of a slot's calendar file (functions), and the formats of
    documents translated once per page (``public.display.label_documents``)."""

    language: str
    person_links: object
    download_url: object
    calendar_url: object
    formats: dict = field(default_factory=dict)

    @classmethod
    def of(cls, event):
        return cls(
            language=get_language(),
            person_links=PersonLinks(),
            download_url=row_url_function(*Document.DOWNLOAD_VIEW),
            calendar_url=calendar_url_function(event),
        )


def render_slot(event, slot, printing=None):
    """A slot as ``public.queries`` arranged it (``appearance_list``, ``listed_documents`` …)
    as the programme prints it (HTML, ending with a newline); ``printing``: the page's
    :class:`SlotPrinting`, made here if not given. No query."""
    printing = printing or SlotPrinting.of(event)
    language = printing.language
    documents = list(slot.listed_documents)
    for appearance in slot.appearance_list:
        documents += appearance.listed_documents
    # All of the slot's at once: each label made once.
    label_documents(documents, language, printing.download_url, printing.formats)
    messages = _messages(language)
    anchor = slot.anchor
    cancelled = slot.cancelled
    modifiers = " slot--break" if slot.is_break else ""
    heading = escaped(slot.heading)
    if cancelled:
        modifiers += " slot--cancelled"
        title = f'<del class="slot__title" dir="auto">{heading}</del>'
    else:
        title = f'<span class="slot__title" dir="auto">{heading}</span>'
    parts = [
        f'<article class="slot{modifiers}" id="{anchor}" aria-labelledby="{anchor}-heading">\n'
        f'  <h3 class="slot__heading" id="{anchor}-heading">{slot_time(slot)} {title}</h3>\n  '
    ]
    if cancelled:
        parts.append(f'<p class="slot__cancelled"><strong>{messages["cancelled"]}</strong>')
        note = slot.cancellation_note
        if note:
            lang = fallback_lang_in(language, slot, "cancellation_note")
            parts.append(f': <span dir="auto"{lang}>{escaped(note)}</span>')
        parts.append("</p>")
    parts.append('\n  <p class="slot__links">')
    if slot.video_url:
        video = escaped(slot.video_url)
        parts.append(f'<a class="video-link" href="{video}">{messages["video"]}</a> ')
    parts.append(
        f'<a class="self-link" href="#{anchor}">{messages["link"]}</a> '
        f'<a class="calendar-link" href="{escaped(printing.calendar_url(slot))}" '
        f'type="text/calendar">{messages["calendar"]}</a>'
    )
    room = text(slot, "room")
    if room:
        parts.append(f' <span class="slot__room" dir="auto">{escaped(room)}</span>')
    parts.append("</p>\n  ")
    description = text(slot, "description")
    if description:
        lang = fallback_lang_in(language, slot, "description")
        parts.append(
            f'<div class="slot__description" dir="auto"{lang}>{markdown(description)}</div>'
        )
    parts.append(f"\n  {people_lists(slot, language, printing.person_links)}\n  ")
    if slot.listed_documents:
        parts.append(
            f'<div class="slot__documents"><h4>{messages["documents"]}</h4>'
            f"{document_links(slot.listed_documents)}</div>"
        )
    parts.append("\n</article>\n")
    return SafeString("".join(parts))  # every value escaped above


@functools.lru_cache(maxsize=16)
def _messages(language):
    """What every slot says, in the active language ``language``, escaped."""
    return {
        "cancelled": escaped(gettext("Cancelled")),
        "video": escaped(gettext("Video of the session")),
        "link": escaped(gettext("Link to this slot")),
        "calendar": escaped(gettext("Add to calendar")),
        "documents": escaped(gettext("Documents of this slot")),
    }


def slot_time(slot):
    """A slot's times, “10:00–11:30”, each in a ``<time>`` with its datetime in the event's
    zone (HTML)."""
    start = f'<time datetime="{iso_minutes(slot.starts_at)}">{_clock(slot.start_time)}</time>'
    ends_at = slot.ends_at
    if ends_at:
        end = f'–<time datetime="{iso_minutes(ends_at)}">{_clock(slot.end_time)}</time>'
        return SafeString(f'<span class="slot-time">{start}{end}</span>')
    return SafeString(f'<span class="slot-time">{start}</span>')


@functools.lru_cache(maxsize=1024)
def _clock(value):
    """A time of day as Django's ``time`` filter prints it with "H:i" (in every language):
    a programme prints the same few times hundreds of times."""
    return f"{value.hour:02d}:{value.minute:02d}"
