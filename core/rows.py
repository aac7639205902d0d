"""Model instances built straight from database rows, for long read-only lists (feeds).

Django builds each row of a queryset through ``Model.__init__``, which sends two signals
and, on translated models, goes through django-modeltranslation's constructor: on the big
conference's feeds (about 4,800 rows) that was a third of a render. :func:`instances` reads
the same columns with ``values_list()`` and puts them in the instance's ``__dict__``, as
``Model.from_db`` would, so the model's own properties, methods and translated-field
descriptors work unchanged (one implementation of a slot's heading, a document's address …).

The instances are for reading: no ``pre_init``/``post_init`` signal was sent for them
(nothing of ours listens; ImageField dimensions are not refreshed), and related rows are
those the caller asked for in ``related`` (a foreign key not named there is loaded by a query
when read, as on any instance).
"""

import functools
import inspect
from dataclasses import dataclass

from django.db.models.base import ModelState
from modeltranslation import settings as translation_settings
from modeltranslation.fields import NONE, TranslationFieldDescriptor
from modeltranslation.thread_context import fallbacks_enabled
from modeltranslation.utils import build_localized_fieldname, get_language, resolution_order


@functools.cache
def columns(model):
    """The attribute names of the model's concrete columns (``day_id``, ``title_fr`` …).

    The untranslated column of a translated field (``title``) is left out: its descriptor
    reads the per-language columns only.
    """
    return tuple(
        field.attname
        for field in model._meta.concrete_fields
        if not isinstance(
            inspect.getattr_static(model, field.name, None), TranslationFieldDescriptor
        )
    )


@functools.cache
def _translated_fields(model):
    """(name, its descriptor) of each translated field of the model."""
    found = []
    for field in model._meta.concrete_fields:
        descriptor = inspect.getattr_static(model, field.name, None)
        if isinstance(descriptor, TranslationFieldDescriptor):
            found.append((field.name, descriptor))
    return tuple(found)


@functools.lru_cache(maxsize=256)
def _resolvers(model, language, names, with_fallbacks=True):
    """(field name, its columns in the order its descriptor tries them, undefined, default)."""
    resolvers = []
    for name, descriptor in _translated_fields(model):
        columns = [
            build_localized_fieldname(name, code)
            for code in resolution_order(language, descriptor.fallback_languages)
        ]
        if not set(columns) <= set(names):
            continue  # a column not read: the descriptor will load it when asked
        default = descriptor.field.get_default()
        undefined = (
            default if descriptor.fallback_undefined is NONE else descriptor.fallback_undefined
        )
        fallback = descriptor.fallback_value
        if not with_fallbacks or fallback is NONE:
            fallback = default
        resolvers.append((name, columns, undefined, fallback))
    return tuple(resolvers)


@functools.lru_cache(maxsize=256)
def unread_columns(model, language):
    """The columns of translated fields that no descriptor reads in this language (those of
    languages it does not fall back to: ``title_es`` when the page is in French)."""
    unread = set()
    for name, descriptor in _translated_fields(model):
        read = resolution_order(language, descriptor.fallback_languages)
        unread.update(
            build_localized_fieldname(name, code)
            for code in translation_settings.AVAILABLE_LANGUAGES
            if code not in read
        )
    return frozenset(unread)


def field_columns(model, names):
    """The columns of the model's fields ``names``, a translated field's in every language
    (``label``: ``label_en``, ``label_fr`` …)."""
    found = set()
    for name in names:
        fields = [name]
        if isinstance(inspect.getattr_static(model, name, None), TranslationFieldDescriptor):
            languages = translation_settings.AVAILABLE_LANGUAGES
            fields = [build_localized_fieldname(name, code) for code in languages]
        found.update(model._meta.get_field(field).attname for field in fields)
    return found


def _texts(values, resolvers):
    """What each translated field's descriptor would return, read from the row's values."""
    texts = {}
    for name, columns, undefined, fallback in resolvers:
        texts[name] = fallback
        for column in columns:
            value = values[column]
            if value is not None and value != undefined:
                texts[name] = value
                break
    return texts


def text(instance, name):
    """A translated field of an instance in the active language, as ``getattr`` gives it.

    Instances from :func:`instances` carry it resolved once, when they were built: reading
    it through the descriptor costs a look-up of the active language each time, which was
    most of a big feed's render.
    """
    texts = instance.__dict__.get("_texts")
    if texts is not None and name in texts:
        return texts[name]
    return getattr(instance, name)


def _build(model, names, values, db, resolvers):
    instance = model.__new__(model)
    row = instance.__dict__
    row.update(zip(names, values, strict=True))
    if resolvers:
        row["_texts"] = _texts(row, resolvers)
    state = instance._state = ModelState()
    state.adding = False
    state.db = db
    return instance


def instances(queryset, related=(), skip=(), *, all_languages=True):
    """The rows of the queryset as instances, each with its ``related`` foreign keys attached.

    ``related`` lists foreign keys of the queryset's model (``"person"``, ``"organisation"``);
    their rows are read in the same query (a join) and attached as ``select_related()``
    would, one instance per related row (the 800 appearances of a big programme share their
    five roles, as ``prefetch_related()`` would share them); a null key gives None.
    ``skip`` names columns not to read (``"created_at"``, ``"person__email"``): deferred, as
    with ``defer()``, they cost a query if read. With ``all_languages=False``, the columns of
    the languages the active one does not fall back to are not read either (a third of the
    columns of a big feed's people, in English): the translated fields read as they would,
    ``title_es`` is deferred.
    """
    values, plan = planned(queryset, related, skip, all_languages=all_languages)
    return plan.build(values)


@dataclass(frozen=True)
class RowPlan:
    """How a row of values is made into an instance and its related ones (:func:`planned`),
    in the language active when it was made."""

    model: type
    own: tuple  # the model's columns, first in the row
    joined: tuple  # (foreign key, its model, its columns, where they are in the row, pk index,
    # its resolvers)
    db: str
    resolvers: tuple

    def build(self, rows):
        """The instances of the rows (tuples of values in the plan's order)."""
        model, own, db, resolvers = self.model, self.own, self.db, self.resolvers
        joined = [(*found, {None: None}) for found in self.joined]
        result = []
        own_values = slice(0, len(own))
        for row in rows:
            instance = _build(model, own, row[own_values], db, resolvers)
            for field, target, target_columns, where, pk_index, target_resolvers, built in joined:
                pk = row[where.start + pk_index]
                if pk not in built:
                    built[pk] = _build(target, target_columns, row[where], db, target_resolvers)
                field.set_cached_value(instance, built[pk])
            result.append(instance)
        return result


def planned(queryset, related=(), skip=(), *, all_languages=True):
    """(the queryset as the ``values_list()`` of the columns :func:`instances` reads, the
    :class:`RowPlan` that builds its rows into instances)."""
    model = queryset.model
    if hasattr(queryset, "rewrite"):
        queryset = queryset.rewrite(False)  # modeltranslation: the columns as they are named
    skip = set(skip)
    if not all_languages:
        language = get_language()
        skip.update(unread_columns(model, language))
        for path in related:
            target = model._meta.get_field(path).related_model
            skip.update(f"{path}__{name}" for name in unread_columns(target, language))
    own = tuple(name for name in columns(model) if name not in skip)
    names = list(own)
    joined = []  # (foreign key, its model, its columns, where they are in the row, pk index)
    for path in related:
        field = model._meta.get_field(path)
        target = field.related_model
        target_columns = tuple(name for name in columns(target) if f"{path}__{name}" not in skip)
        where = slice(len(names), len(names) + len(target_columns))
        joined.append(
            (field, target, target_columns, where, target_columns.index(target._meta.pk.attname))
        )
        names += [f"{path}__{name}" for name in target_columns]
    language, with_fallbacks = get_language(), fallbacks_enabled()
    plan = RowPlan(
        model=model,
        own=own,
        joined=tuple(
            (*found, _resolvers(found[1], language, found[2], with_fallbacks)) for found in joined
        ),
        db=queryset.db,
        resolvers=_resolvers(model, language, own, with_fallbacks),
    )
    return queryset.values_list(*names), plan


@functools.cache
def column_languages(model, languages):
    """{column: the languages whose text reads it} for each per-language column of the
    model's translated fields: ``title_fr`` is read in French, ``title_en`` in every language
    that falls back to English."""
    found = {}
    for name, descriptor in _translated_fields(model):
        for language in languages:
            for code in resolution_order(language, descriptor.fallback_languages):
                found.setdefault(build_localized_fieldname(name, code), set()).add(language)
    return found
