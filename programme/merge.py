"""Merging duplicate people into one, keeping every appearance and document.

Lives in `programme` because it moves appearances (programme knows speakers, not the reverse).
"""

from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext as _

from programme.changes import not_recorded
from programme.models import Appearance
from speakers.models import Person

# Fields of the kept person filled from the others when empty on the kept person.
FILLABLE_FIELDS = (
    "honorific",
    "given_names",
    "position",
    "organisation",
    "country",
    "biography",
    "photo",
    "email",
    "phone",
    "gender",
)
APPEARANCE_FIELDS = ("honorific", "position", "organisation", "country", "designation")


class MergeError(Exception):
    pass


def _fillable_attnames(model, names):
    """Each field and its translations (position_en, position_fr …), by column name."""
    wanted = set(names)
    for name in names:
        wanted.update(f"{name}_{language}" for language in ("en", "fr", "es"))
    return [field.attname for field in model._meta.concrete_fields if field.name in wanted]


def _is_empty(value):
    if value is None:
        return True
    if isinstance(value, FieldFile):
        return not value
    if hasattr(value, "code"):  # a django-countries Country
        return not value.code
    return value == ""


def _fill(target, source, attnames):
    """Copy into target each field that is empty there and set on source; return their names."""
    changed = []
    for attname in attnames:
        mine, theirs = getattr(target, attname), getattr(source, attname)
        if _is_empty(mine) and not _is_empty(theirs):
            setattr(target, attname, getattr(theirs, "code", theirs))
            changed.append(attname)
    return changed


def merge_comment(keep, others):
    return _(
        "Merged people %(others)s into %(keep)s (#%(pk)s). This version holds their state "
        "before the merge: revert it to undo the merge."
    ) % {
        "others": ", ".join(f"{person.full_name} (#{person.pk})" for person in others),
        "keep": keep.full_name,
        "pk": keep.pk,
    }


def merge_people(keep, others, user=None):
    """Move the appearances of `others` to `keep`, fill its empty fields, delete the others.

    One transaction. When the same person would then have the same role twice in a slot, one
    appearance is kept and the other's documents move to it. When django-reversion is
    installed and Person is registered, the state before the merge is saved as a revision
    (comment “Merged people …”) just before anything changes: reverting that revision from
    the kept person's history brings the others, their appearances and documents back.
    Returns a summary dictionary.
    """
    others = [person for person in others if person.pk != keep.pk]
    if not others:
        raise MergeError(_("Select at least two people, and keep one of them."))
    # The same people under one record: nothing a visitor is told about as a change.
    with transaction.atomic(), not_recorded():
        keep = Person.objects.select_for_update().get(pk=keep.pk)
        others = list(Person.objects.select_for_update().filter(pk__in=[p.pk for p in others]))
        comment = merge_comment(keep, others)
        revision_saved = _save_revision_before_merge(keep, others, comment, user)
        summary = {"moved": 0, "combined": 0, "documents_moved": 0, "filled": []}
        person_attnames = _fillable_attnames(Person, FILLABLE_FIELDS)
        appearance_attnames = _fillable_attnames(Appearance, APPEARANCE_FIELDS)
        kept_appearances = {
            (appearance.slot_id, appearance.role_id): appearance
            for appearance in keep.appearances.all()
        }
        for other in others:
            for appearance in other.appearances.order_by("pk"):
                key = (appearance.slot_id, appearance.role_id)
                twin = kept_appearances.get(key)
                if twin is None:
                    appearance.person = keep
                    appearance.save(update_fields=["person"])
                    kept_appearances[key] = appearance
                    summary["moved"] += 1
                    continue
                moved = appearance.documents.update(appearance=twin)
                summary["documents_moved"] += moved
                if _fill(twin, appearance, appearance_attnames):
                    twin.save()
                appearance.delete()
                summary["combined"] += 1
            summary["filled"] += _fill(keep, other, person_attnames)
        for other in others:
            other.delete()
        keep.save()
        summary["deleted"] = len(others)
        summary["comment"] = comment
        summary["revision"] = revision_saved
    return summary


def reversion_available():
    """True when django-reversion is installed and keeps the history of people."""
    try:
        import reversion
    except ImportError:
        return False
    from django.apps import apps

    return apps.is_installed("reversion") and reversion.is_registered(Person)


def _save_revision_before_merge(keep, others, comment, user):
    """Save the people, their appearances and documents as they are, in one revision."""
    if not reversion_available():
        return False
    import reversion

    with reversion.create_revision():
        reversion.set_comment(comment)
        if user is not None and getattr(user, "is_authenticated", False):
            reversion.set_user(user)
        for person in [keep, *others]:
            reversion.add_to_revision(person)
            for appearance in person.appearances.all():
                if reversion.is_registered(type(appearance)):
                    reversion.add_to_revision(appearance)
                for document in appearance.documents.all():
                    if reversion.is_registered(type(document)):
                        reversion.add_to_revision(document)
    # Saved at once unless an outer revision block is open (then saved when it closes, after
    # the merge: the merged-away people would then be missing from it).
    return not reversion.is_active()
