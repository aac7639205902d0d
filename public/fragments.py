"""The programme's slots and the A–Z list's speakers as cached fragments, each under a key
that changes when something it shows changes.

An edit empties the event's cached pages (``core.cache`` generations), but most of a big
programme did not change: each slot is kept as a fragment of HTML (with its schema.org
sub-event), and each person of the A–Z list as one too. A fragment's key is made of:

- a *stamp* of its slot or person, in the page's language: the save and delete receivers
  (``public.invalidation``) replace the stamps of the slots and people that show the object
  changed, in the languages whose text changed (a Spanish title leaves the English and
  French fragments alone), now and again when the transaction commits;
- the tokens of every page (``core.cache.bump_all``, after changes that send no signal)
  and of the event's fragments (bumped with the event's pages by a save of the event, an
  import, an embargo lifting);
- what the page gives it: the language, the event's slug and time zone, the date of the
  slot's day, the site's address (the schema.org data are absolute), and a digest of the
  templates and translation catalogues that print it (a deployment changes every key).

The stamps are read before the rows, so a fragment rendered from rows read before a change
is stored under a stamp that the change replaces: a fragment never shows stale data. The
programme page reads the stamps of its slots first and then the rows of the slots whose
fragment is not stored only: after an edit of one slot, that slot is rendered and the page
assembled from the other slots' fragments.

The page around the slots is kept too (:class:`ProgrammeShell`), with each day's list of
slots: while it is current, the page is assembled from it and the slots' fragments without
a query, or, after an edit of a slot, with that slot's rows alone read (five queries).

Only visitors who cannot see unpublished content get fragments from the cache: what staff
see (drafts, placeholders, staff marks) is rendered for them and never stored.
"""

import functools
import hashlib
import logging
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from modeltranslation.utils import get_language as translated_language

from conference.visibility import can_see_unpublished
from core.cache import for_everyone, fragment_generations, generations, shell_generations
from core.recent import RecentValues
from public import display, printing, queries, seo
from public import jinja2 as public_jinja2
from public.jinja2 import jinja
from public.printing import SlotPrinting, render_slot
from public.seo import SubEvents, script_json, sub_events_member, sub_events_of

logger = logging.getLogger(__name__)

FRAGMENT = "plenary:fragment:{kind}:{pk}:{digest}"
SPEAKER_TEMPLATE = "includes/speaker.html"  # in templates/jinja2/
# The templates and the modules fragments are printed by: a change to one of them (a
# deployment) changes every key, as does a change of the translation catalogues.
FRAGMENT_TEMPLATES = (SPEAKER_TEMPLATE,)
FRAGMENT_MODULES = (display, printing, seo, public_jinja2)
# The fragments each process holds besides the cache (core.recent): a key names one version
# of a fragment, so the copy is never stale. The big programme's slots take 600 KB a language.
recent = RecentValues(limit=32 * 1024 * 1024)


@functools.cache
def _release():
    """A digest of the fragment templates and modules, this module (what is stored) and the
    translation catalogues of this process."""
    digest = hashlib.blake2b(digest_size=8)
    environment = jinja()
    for name in FRAGMENT_TEMPLATES:
        source, _filename, _uptodate = environment.loader.get_source(environment, name)
        digest.update(source.encode())
    for module in FRAGMENT_MODULES:
        digest.update(Path(module.__file__).read_bytes())
    digest.update(Path(__file__).read_bytes())  # what a fragment is stored as
    for folder in settings.LOCALE_PATHS:
        for catalogue in sorted(folder.glob("*/LC_MESSAGES/django.mo")):
            digest.update(f"{catalogue}:{catalogue.stat().st_mtime_ns}".encode())
    return digest.hexdigest()


def fragment_keys(kind, event, pks, each=None, common=()):
    """The key of the fragment of each object (primary keys ``pks``) of the event (anything
    with its ``slug`` and ``time_zone``), read from the stamps in one round trip; None when
    the cache cannot be read (every fragment is rendered and none stored). ``each``: per
    object, what else it prints that its stamp does not follow; ``common``: the same for
    all."""
    language = translated_language()  # as modeltranslation's descriptors resolve it
    try:
        tokens = fragment_generations(event.slug, kind, pks, language)
    except Exception:
        logger.exception("The fragment cache could not be read; rendering every fragment")
        return None
    shown = [get_language(), language, _release(), event.slug, event.time_zone, *common]
    shown = "|".join([*shown, *tokens[:2]])
    keys = []
    for index, (pk, stamp) in enumerate(zip(pks, tokens[2:], strict=True)):
        own = each[index] if each is not None else ""
        digest = hashlib.blake2b(f"{shown}|{stamp}|{own}".encode(), digest_size=16).hexdigest()
        keys.append(FRAGMENT.format(kind=kind, pk=pk, digest=digest))
    return keys


def _stored(keys):
    """The fragments stored under these keys: those this process holds, the others from the
    cache (and held from now on)."""
    found = recent.get_many(keys)
    if len(found) == len(keys):
        return found
    try:
        read = cache.get_many([key for key in keys if key not in found])
    except Exception:
        logger.exception("The fragment cache could not be read; rendering every fragment")
        return found
    recent.set_many(read)
    return found | read


def _store(rendered):
    if not rendered:
        return
    recent.set_many(rendered)
    try:
        cache.set_many(rendered, timeout=settings.PAGE_CACHE_TIMEOUT)
    except Exception:
        logger.exception("The fragment cache could not store %s fragments", len(rendered))


def render_speaker(event, speaker):
    return _render(SPEAKER_TEMPLATE, event=event, speaker=speaker)


def _render(template_name, **context):
    return mark_safe(jinja().get_template(template_name).render(**context))


class SlotFragments:
    """The programme page's slots, found in the cache before their rows are read and
    rendered for the others: ``public.queries.event_programme(…, fragments=lookup)``, then
    :meth:`attach`. Sets ``slot.fragment`` and ``slot.sub_event`` (schema.org) on every slot,
    and ``day.fragments``, the day's slots' fragments one after the other."""

    def __init__(self, request):
        self.request = request
        self.base = request.build_absolute_uri("/")
        self.keys = {}

    def lookup(self, event, slots):
        """The primary keys of the slots (outlines) whose fragment is not stored."""
        dates = [slot.day.date.isoformat() for slot in slots]
        keys = fragment_keys("slot", event, [slot.pk for slot in slots], dates, [self.base])
        if keys is None:
            return [slot.pk for slot in slots]
        found = _stored(keys)
        missing = []
        for slot, key in zip(slots, keys, strict=True):
            self.keys[slot.pk] = key
            stored = found.get(key)
            if stored is None:
                missing.append(slot.pk)
            else:
                slot.fragment, slot.sub_event = mark_safe(stored[0].decode()), stored[1]
        return missing

    def attach(self, event, days):
        """Render every slot not found by :meth:`lookup` and store it if it was looked up."""
        rendered = {}
        sub_events = SubEvents(self.request, event)
        printing = SlotPrinting.of(event)
        for day in days:
            for index, slot in enumerate(day.slot_list):
                if isinstance(slot, queries.SlotOutline):
                    continue
                slot.fragment = render_slot(event, slot, printing)
                slot.sub_event = sub_events.of(slot)
                if slot.pk in self.keys:
                    # Stored as UTF-8: the page assembled from the shell is bytes.
                    rendered[self.keys[slot.pk]] = (slot.fragment.encode(), slot.sub_event)
                day.slot_list[index] = queries.outline(slot)
        _store(rendered)
        for day in days:  # joined here rather than by a loop of the page's template
            day.fragments = mark_safe("\n".join(slot.fragment for slot in day.slot_list))


def programme_with_fragments(request, slug):
    """The programme of an event (``public.queries.event_programme``) with each slot's
    fragment: from the cache for visitors who cannot see unpublished content."""
    slots = SlotFragments(request)
    cached = settings.FRAGMENT_CACHE_ENABLED and not can_see_unpublished(request.user)
    lookup = slots.lookup if cached else None
    programme = queries.event_programme(slug, request.user, fragments=lookup)
    slots.attach(programme.event, programme.days)
    return programme


class SpeakerFragments:
    """The A–Z list's speakers, found in the cache before their appearances are read and
    rendered for the others: ``public.queries.event_speakers(…, fragments=lookup)``, then
    :meth:`letters`."""

    def __init__(self):
        self.keys = {}

    def lookup(self, event, speakers):
        """The speakers whose fragment is not stored (all of them if the cache cannot be
        read); the others get theirs."""
        keys = fragment_keys("speaker", event, [speaker.person.pk for speaker in speakers])
        if keys is None:
            return speakers
        found = _stored(keys)
        missing = []
        for speaker, key in zip(speakers, keys, strict=True):
            self.keys[speaker.person.pk] = key
            stored = found.get(key)
            if stored is None:
                missing.append(speaker)
            else:
                speaker.fragment = mark_safe(stored)
        return missing

    def letters(self, event, letters):
        """The A–Z list as the page prints it: each letter with its speakers' fragments,
        those not found by :meth:`lookup` rendered (and stored if they were looked up).

        Only the fragments are kept: the rows read for the speakers (each appearance with
        its own slot, day and event) are freed as soon as they are printed, rather than left
        to the garbage collector with the page's template context.
        """
        rendered = {}
        for _letter, speakers in letters:
            for speaker in speakers:
                if hasattr(speaker, "fragment"):
                    continue
                speaker.fragment = render_speaker(event, speaker)
                key = self.keys.get(speaker.person.pk)
                if key is not None:
                    rendered[key] = str(speaker.fragment)
        _store(rendered)
        return [(letter, [speaker.fragment for speaker in group]) for letter, group in letters]


def speakers_with_fragments(request, slug):
    """The event and its A–Z list (``public.queries.event_speakers``) as fragments: from the
    cache for visitors who cannot see unpublished content."""
    speakers = SpeakerFragments()
    cached = settings.FRAGMENT_CACHE_ENABLED and not can_see_unpublished(request.user)
    lookup = speakers.lookup if cached else None
    event, letters = queries.event_speakers(slug, request.user, fragments=lookup)
    return event, speakers.letters(event, letters)


# The programme page around its slots ------------------------------------------------------------

SHELL = "plenary:fragment:shell:{digest}"
# Where the slots and their schema.org data go in a shell: a mark no text of the page can
# hold (drawn by each process; escaped text and Markdown cannot make it).
HOLE = f"plenary-hole-{secrets.token_hex(8)}-"
HOLES = re.compile(re.escape(HOLE) + r"(\d+|events)\.")
SUB_EVENTS_HOLE = f"{HOLE}events."


@functools.cache
def _shell_release():
    """A digest of the fragments' release, the Django templates, the template tags, the
    views that fill them and the static files' manifest: a deployment changes every
    shell's key."""
    digest = hashlib.blake2b(_release().encode(), digest_size=8)
    base = Path(settings.BASE_DIR)
    sources = [
        *sorted((base / "templates").rglob("*.html")),
        *sorted((base / "public" / "templatetags").glob("*.py")),
        base / "public" / "views.py",
        Path(settings.STATIC_ROOT) / "staticfiles.json",
    ]
    for source in sources:
        if source.is_file():
            digest.update(source.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class EventKey:
    """What a fragment's key takes of its event (:func:`fragment_keys`)."""

    slug: str
    time_zone: str


class ProgrammeShell:
    """The programme page around its slots, cached for visitors who cannot see unpublished
    content: after one slot's edit the page is its stored shell, the edited slot rendered
    from its own rows and the other slots' fragments.

    The page is rendered with a hole for each day's slots and one for their schema.org
    sub-events; the text between the holes is the shell. It is stored per language and
    address with the tokens of the generations it was rendered under
    (``core.cache.shell_generations``): every page's, the event's fragments' (a change of
    the event) and the event's shell's, which the receivers (``public.invalidation``) bump
    for every change that may show on it: the event, its series, days, photos, public
    changes and documents of its own, and a slot added, removed, moved or retimed (the
    shell lists each day's slots). A change that shows in slot fragments only (a title, a
    speaker, a designation) leaves it. The tokens are read before the rows, as the
    fragments' stamps are: a shell rendered from rows read before a change is stored under
    a token the change replaces.

    Staff (drafts, staff marks) get the same page rendered, never stored.
    """

    def __init__(self, request, slug):
        self.request = request
        self.slug = slug
        self.cached = (
            settings.FRAGMENT_CACHE_ENABLED
            and not can_see_unpublished(request.user)
            and not request.META.get("QUERY_STRING")
        )
        self.tokens = None  # the generations' tokens, once read
        self.entry = None  # the stored shell, when it is current
        if self.cached:
            shown = [get_language(), translated_language(), _shell_release()]
            shown.append(request.build_absolute_uri())
            digest = hashlib.blake2b("\n".join(shown).encode(), digest_size=16).hexdigest()
            self.key = SHELL.format(digest=digest)

    def stored_page(self):
        """The page from the stored shell and the slots' fragments, those not stored (after
        an edit) rendered from their own rows alone; None when the shell is not stored or
        not current (or the visitor is staff), or a slot is gone."""
        if not self.cached or not self._read():
            return None
        _tokens, time_zone, pieces, days = self.entry
        pks = [pk for _date, slots in days for pk in slots]
        dates = [date for date, slots in days for _pk in slots]
        base = self.request.build_absolute_uri("/")
        keys = fragment_keys("slot", EventKey(self.slug, time_zone), pks, dates, [base])
        if keys is None:
            return None
        found = _stored(keys)
        if len(found) < len(keys):
            missing = {pk: key for pk, key in zip(pks, keys, strict=True) if key not in found}
            rendered = self._render_slots(missing)
            if rendered is None:
                return None
            found |= rendered
        stored = iter(keys)
        fragments, sub_events = [], []
        for _date, slots in days:
            day = [found[next(stored)] for _pk in slots]
            fragments.append(b"\n".join(fragment for fragment, _sub_event in day))
            sub_events += [sub_event for _fragment, sub_event in day if sub_event]
        return _filled(pieces, fragments, sub_events)

    def _render_slots(self, keys):
        """The fragments of these slots (``{pk: key}``), rendered from their rows and
        stored; None if one of them is no longer the event's (deleted since the shell was
        read: the page is then rendered as a whole). Their keys were made from the stamps
        read before the rows, as :meth:`SlotFragments.lookup` makes them."""
        event, slots = queries.programme_slots(self.slug, self.request.user, list(keys))
        if len(slots) < len(keys):
            return None
        sub_events = SubEvents(self.request, event)
        printing = SlotPrinting.of(event)
        rendered = {
            keys[slot.pk]: (render_slot(event, slot, printing).encode(), sub_events.of(slot))
            for slot in slots
        }
        _store(rendered)
        return rendered

    def _read(self):
        """Read the generations and the stored shell in one round trip; True when the shell
        is current."""
        keys = shell_generations(self.slug)
        try:
            found = cache.get_many([*keys, self.key])
            if any(key not in found for key in keys):
                found.update(zip(keys, generations(keys), strict=True))  # started
        except Exception:
            logger.exception("The shell of the programme could not be read; rendering it")
            return False
        self.tokens = [found[key][0] for key in keys]
        entry = found.get(self.key)
        if entry is not None and entry[0] == self.tokens:
            self.entry = entry
        return self.entry is not None

    def render(self, template_name, context, event, days):
        """The page: the template rendered around holes, the days' fragments put in them
        (``public.fragments.SlotFragments.attach``). ``context["json_ld"]``: the event's
        schema.org data without its sub-events (``public.seo.event_json_text``); the
        shell is stored when the visitor may get it from the cache."""
        layout = [(day.date.isoformat(), [slot.pk for slot in day.slot_list]) for day in days]
        fragments = [day.fragments for day in days]
        encoded = [fragment.encode() for fragment in fragments]
        sub_events = sub_events_of(days)
        if self.entry is not None and self.entry[3] == layout:
            return _filled(self.entry[2], encoded, sub_events)
        try:
            for index, day in enumerate(days):
                day.fragments = mark_safe(f"{HOLE}{index}.")
            json_ld = context["json_ld"]
            shell = render_to_string(
                template_name,
                {**context, "json_ld": f"{json_ld[:-1]}{SUB_EVENTS_HOLE}}}"},
                self.request,
            )
        finally:
            for day, fragment in zip(days, fragments, strict=True):
                day.fragments = fragment
        pieces = [piece.encode() for piece in HOLES.split(shell)]
        if self.cached and self.tokens is not None and for_everyone(self.request):
            entry = (self.tokens, event.time_zone, pieces, layout)
            try:
                cache.set(self.key, entry, timeout=settings.PAGE_CACHE_TIMEOUT)
            except Exception:
                logger.exception("The shell of the programme could not be stored")
        return _filled(pieces, encoded, sub_events)


def _filled(pieces, fragments, sub_events):
    """The page in UTF-8: a shell's pieces (text, hole, text …) with each day's fragments
    and the sub-events (escaped for the page's data block) in their holes."""
    parts = []
    for index, piece in enumerate(pieces):
        if index % 2 == 0:
            parts.append(piece)
        elif piece == b"events":
            parts.append(script_json(sub_events_member(sub_events)).encode())
        else:
            parts.append(fragments[int(piece)])
    return b"".join(parts)
