"""The programme's slots and the A–Z list's speakers as cached fragments, each under a
digest of what it shows.

An edit empties the event's cached pages (``core.cache`` generations), but most of a big
programme did not change: each slot is kept as a fragment of HTML whose key is a digest of
every row it prints, read by the page's own queries (no query of its own):

- the slot, and the date of its day and the time zone and slug of its event (its times and
  its calendar link);
- its appearances with their people, organisations and roles;
- its documents and its appearances' documents, with the translations listed with them;
- the language of the page, and the templates and translation catalogues that print it.

A fragment's key therefore changes exactly when something it shows changes, whichever way
the change was made (admin, importer, ``queryset.update()``): no receiver has to know about
fragments, and a fragment can never be stale. After an edit of one slot the page is
assembled from the other slots' fragments and that one slot is rendered again.

The list of speakers (A to Z) is assembled the same way from one fragment per person: the
person, and each appearance with its role, organisation, slot and day.

Only visitors who cannot see unpublished content get fragments from the cache: what staff
see (drafts, placeholders, staff marks) is rendered for them and never stored.
"""

import functools
import hashlib
import logging
import operator
import pickle

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from modeltranslation.utils import get_language as translated_language

from core.choices import PLACEHOLDERS, row_url_function
from core.rows import columns, unread_columns
from public.display import label_appearances, label_documents
from public.jinja2 import jinja
from speakers.models import Person

logger = logging.getLogger(__name__)

FRAGMENT = "plenary:fragment:{kind}:{pk}:{digest}"
SLOT_TEMPLATE = "includes/slot.html"  # in templates/jinja2/
SPEAKER_TEMPLATE = "includes/speaker.html"
# The templates fragments are made of: a change to one of them (a deployment) changes
# every key, as does a change of the translation catalogues.
PERSON_VIEW = Person.PUBLIC_VIEW
CALENDAR_VIEW = "public:session-ics"  # its arguments: the event's slug, the slot's number
NUMBER_PLACEHOLDER = PLACEHOLDERS[1]
FRAGMENT_TEMPLATES = (
    SLOT_TEMPLATE,
    SPEAKER_TEMPLATE,
    "includes/slot_time.html",
    "includes/document_links.html",
)

# Columns no fragment prints: bookkeeping. Left out of the keys, and unread by the queries
# that read rows as values (public.queries.event_programme).
UNPRINTED_COLUMNS = ("created_at", "updated_at", "version")

# Values of these classes are stored in a row as they are; other fields (files, countries)
# may hold an object or its text depending on what was read first, so they count as text.
PLAIN_VALUES = (str, int, float, bool, type(None))


@functools.lru_cache(maxsize=256)
def _columns(model, language):
    """A getter of every column of the model a row holds, and the positions kept as text.

    The untranslated column of a translated field (``title``) is left out: what is shown
    comes from its per-language columns (``title_en``, ``title_fr`` …), which are in. So are
    the rows read as values (``core.rows.instances``), which do not read it. Of those, only
    the columns of the page's language and the languages it falls back to are in: a
    fragment is made for one language, and the others are not read (``title_es`` in French).
    """
    names = set(columns(model)) - set(UNPRINTED_COLUMNS) - unread_columns(model, language)
    fields = [field for field in model._meta.concrete_fields if field.attname in names]
    as_text = [
        index
        for index, field in enumerate(fields)
        if isinstance(field, models.FileField) or type(field).__module__.split(".")[0] != "django"
    ]
    return operator.itemgetter(*(field.attname for field in fields)), as_text


def row_values(instance, language):
    """The values of every column of a loaded row the fragment may print in the language,
    read without going through descriptors."""
    values, as_text = _columns(type(instance), language)
    row = values(instance.__dict__)
    if as_text:
        row = list(row)
        for index in as_text:
            row[index] = None if row[index] is None else str(row[index])
    return row


@functools.cache
def _release():
    """A digest of the fragment templates and the translation catalogues of this process."""
    digest = hashlib.blake2b(digest_size=8)
    environment = jinja()
    for name in FRAGMENT_TEMPLATES:
        source, _filename, _uptodate = environment.loader.get_source(environment, name)
        digest.update(source.encode())
    for folder in settings.LOCALE_PATHS:
        for catalogue in sorted(folder.glob("*/LC_MESSAGES/django.mo")):
            digest.update(f"{catalogue}:{catalogue.stat().st_mtime_ns}".encode())
    return digest.hexdigest()


def _listed(documents):
    for document in documents:
        yield document
        yield from getattr(document, "listed_translations", ())


def slot_rows(slot):
    """Every row a slot's fragment prints, in the order it prints them."""
    rows = [slot]
    for appearance in slot.appearance_list:
        rows += [appearance, appearance.person, appearance.role]
        if appearance.organisation_id:
            rows.append(appearance.organisation)
        rows += _listed(appearance.listed_documents)
    rows += _listed(slot.listed_documents)
    return rows


def speaker_rows(speaker):
    """Every row a speaker's entry of the A–Z list prints: the person, each appearance with
    its role, organisation (in the designation), slot and day."""
    rows = [speaker.person]
    for appearance in speaker.appearances:
        rows += [appearance, appearance.role, appearance.slot, appearance.slot.day]
        if appearance.organisation_id:
            rows.append(appearance.organisation)
    return rows


def _key(kind, pk, event, rows, *shown_too):
    language = translated_language()  # as modeltranslation's descriptors resolve it
    shown = [
        get_language(),
        _release(),
        event.slug,
        event.time_zone,
        *shown_too,
        [row_values(row, language) for row in rows],
    ]
    # Pickled rather than repr()'d: twice as fast on a big programme's 4,800 rows, and as
    # exact (unpickling gives the values back, so different values never share a digest).
    digest = hashlib.blake2b(pickle.dumps(shown, protocol=5), digest_size=16).hexdigest()
    return FRAGMENT.format(kind=kind, pk=pk, digest=digest)


def fragment_key(event, day, slot):
    return _key("slot", slot.pk, event, slot_rows(slot), day.date)


def speaker_key(event, speaker):
    return _key("speaker", speaker.person.pk, event, speaker_rows(speaker))


@functools.lru_cache(maxsize=256)
def _calendar_address(slug, language, prefix, urlconf):
    return reverse(CALENDAR_VIEW, urlconf=urlconf, args=[slug, NUMBER_PLACEHOLDER])


def calendar_url(event, slot):
    """The address of a slot's calendar file: the view reversed once per event and language."""
    address = _calendar_address(event.slug, get_language(), get_script_prefix(), get_urlconf())
    if address.count(NUMBER_PLACEHOLDER) != 1:
        return reverse(CALENDAR_VIEW, args=[event.slug, slot.pk])
    return address.replace(NUMBER_PLACEHOLDER, str(slot.pk))


def render_slot(event, slot):
    """A slot as public.queries arranged it (``appearance_list``, ``listed_documents`` …)."""
    slot.calendar_url = calendar_url(event, slot)
    person_url = row_url_function(*PERSON_VIEW)
    documents = list(slot.listed_documents)
    for appearance in slot.appearance_list:
        documents += appearance.listed_documents
        appearance.person_url = person_url(appearance.person.slug)
    label_appearances(slot.appearance_list)
    label_documents(documents)  # all of the slot's at once: each label made once
    # The template's module is made once; rendering the template would make a new context
    # and import its macros at each slot.
    module = jinja().get_template(SLOT_TEMPLATE).module
    return mark_safe(str(module.slot_fragment(event, slot)))


def render_speaker(event, speaker):
    return _render(SPEAKER_TEMPLATE, event=event, speaker=speaker)


def _render(template_name, **context):
    return mark_safe(jinja().get_template(template_name).render(**context))


def _attach(items, key_of, render, *, cached):
    """Set ``item.fragment`` (its HTML) on every item: from the cache where ``cached``.

    One ``get_many`` for every item of the page and one ``set_many`` for those rendered.
    When the cache cannot be read, every item is rendered.
    """
    if not cached:
        for item in items:
            item.fragment = render(item)
        return
    keys = [key_of(item) for item in items]
    try:
        found = cache.get_many(keys)
    except Exception:
        logger.exception("The fragment cache could not be read; rendering every fragment")
        found = {}
    rendered = {}
    for item, key in zip(items, keys, strict=True):
        stored = found.get(key)
        if stored is None:
            item.fragment = rendered[key] = render(item)
        else:
            item.fragment = mark_safe(stored)
    if rendered:
        try:
            cache.set_many(rendered, timeout=settings.PAGE_CACHE_TIMEOUT)
        except Exception:
            logger.exception("The fragment cache could not store %s fragments", len(rendered))


def attach_slot_fragments(event, days, *, cached):
    """Set ``slot.fragment`` on every slot of the days (see :func:`_attach`)."""
    _attach(
        [slot for day in days for slot in day.slot_list],
        lambda slot: fragment_key(event, slot.day, slot),
        lambda slot: render_slot(event, slot),
        cached=cached,
    )


def attach_speaker_fragments(event, letters, *, cached):
    """Set ``speaker.fragment`` on every speaker of the A–Z list (see :func:`_attach`)."""
    _attach(
        [speaker for _letter, speakers in letters for speaker in speakers],
        lambda speaker: speaker_key(event, speaker),
        lambda speaker: render_speaker(event, speaker),
        cached=cached,
    )
