"""The programme page's slots as cached fragments, each under a digest of what it shows.

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

Only visitors who cannot see unpublished content get fragments from the cache: what staff
see (drafts, placeholders, staff marks) is rendered for them and never stored.
"""

import functools
import hashlib
import logging
import operator

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from public.display import label_documents
from public.jinja2 import jinja

logger = logging.getLogger(__name__)

FRAGMENT = "plenary:fragment:slot:{pk}:{digest}"
SLOT_TEMPLATE = "includes/slot.html"  # in templates/jinja2/
# The templates a slot fragment is made of: a change to one of them (a deployment) changes
# every key, as does a change of the translation catalogues.
FRAGMENT_TEMPLATES = (SLOT_TEMPLATE, "includes/slot_time.html", "includes/document_links.html")

# Values of these classes are stored in a row as they are; other fields (files, countries)
# may hold an object or its text depending on what was read first, so they count as text.
PLAIN_VALUES = (str, int, float, bool, type(None))


@functools.cache
def _columns(model):
    """A getter of every concrete column of the model, and the positions kept as text."""
    fields = model._meta.concrete_fields
    as_text = [
        index
        for index, field in enumerate(fields)
        if isinstance(field, models.FileField) or type(field).__module__.split(".")[0] != "django"
    ]
    return operator.itemgetter(*(field.attname for field in fields)), as_text


def row_values(instance):
    """The values of every column of a loaded row, read without going through descriptors."""
    values, as_text = _columns(type(instance))
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
    for appearance in slot.appearances.all():
        rows += [appearance, appearance.person, appearance.role]
        if appearance.organisation_id:
            rows.append(appearance.organisation)
        rows += _listed(appearance.listed_documents)
    rows += _listed(slot.listed_documents)
    return rows


def fragment_key(event, day, slot):
    shown = [
        get_language(),
        _release(),
        event.slug,
        event.time_zone,
        day.date,
        [row_values(row) for row in slot_rows(slot)],
    ]
    digest = hashlib.blake2b(repr(shown).encode(), digest_size=16).hexdigest()
    return FRAGMENT.format(pk=slot.pk, digest=digest)


def render_slot(event, slot):
    label_documents(slot.listed_documents)
    for appearance in slot.appearances.all():
        label_documents(appearance.listed_documents)
    return mark_safe(jinja().get_template(SLOT_TEMPLATE).render(event=event, slot=slot))  # noqa: S308


def attach_slot_fragments(event, days, *, cached):
    """Set ``slot.fragment`` (its HTML) on every slot: from the cache where ``cached``.

    One ``get_many`` for every slot of the page and one ``set_many`` for those rendered.
    When the cache cannot be read, every slot is rendered.
    """
    slots = [(day, slot) for day in days for slot in day.slot_list]
    if not cached:
        for _day, slot in slots:
            slot.fragment = render_slot(event, slot)
        return
    keys = {slot.pk: fragment_key(event, day, slot) for day, slot in slots}
    try:
        found = cache.get_many(list(keys.values()))
    except Exception:
        logger.exception("The fragment cache could not be read; rendering every slot")
        found = {}
    rendered = {}
    for _day, slot in slots:
        key = keys[slot.pk]
        if key in found:
            slot.fragment = mark_safe(found[key])
        else:
            slot.fragment = rendered[key] = render_slot(event, slot)
    if rendered:
        try:
            cache.set_many(rendered, timeout=settings.PAGE_CACHE_TIMEOUT)
        except Exception:
            logger.exception("The fragment cache could not store %s slots", len(rendered))
