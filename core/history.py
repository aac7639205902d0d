"""History and undo in the admin: django-reversion with a readable “what changed”.

Every programme model is registered with reversion (in its app's admin.py, with the
relations a revert or a recovery must bring back), and every ModelAdmin of those models
derives from HistoryAdmin: saves made in the admin are recorded with who and when, the
history page says what changed between versions, and the revert page lists the fields the
chosen version will change back.
"""

import contextlib
from collections import defaultdict

import reversion
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from django.db.models import CharField, F
from django.db.models.functions import Cast
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import truncatechars
from django.urls import reverse
from django.utils.translation import gettext as _
from reversion.admin import VersionAdmin
from reversion.errors import RevertError
from reversion.models import Version
from reversion.utils import mute_signals

from core.admin_forms import name_expected_date_format, with_mapped_errors
from core.admin_labels import labelled_choice_field, labelled_queryset, object_label
from core.cache import bulk_changes

# Bookkeeping columns that change on every save and say nothing to a reader.
SKIPPED_FIELDS = {"version", "created_at", "updated_at", "file_size", "content_type"}
EMPTY = "—"


def _translated_base_names(model):
    """Fields that modeltranslation splits into title_en, title_fr …: show those instead."""
    try:
        from modeltranslation.translator import NotRegistered, translator
    except ImportError:  # pragma: no cover
        return set()
    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


def display_value(field, value):
    """A field's stored value as a secretariat assistant would read it."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool) or isinstance(field, models.BooleanField):
        return _("yes") if value else _("no")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.many_to_one:
        related = field.related_model._base_manager.filter(pk=value).first()
        return str(related) if related is not None else _("#%(pk)s (deleted)") % {"pk": value}
    return truncatechars(str(value), 200)


def field_changes(model, old, new):
    """[(label, old value, new value)] for the fields that differ between two field dicts."""
    skipped = SKIPPED_FIELDS | _translated_base_names(model)
    changes = []
    for field in model._meta.concrete_fields:
        if field.primary_key or field.name in skipped or field.attname not in new:
            continue
        before = old.get(field.attname) if old is not None else None
        after = new.get(field.attname)
        if old is not None and (before == after or (before in (None, "") and after in (None, ""))):
            continue
        if old is None and after in (None, ""):
            continue
        changes.append(
            {
                "field": str(field.verbose_name),
                "old": display_value(field, before) if old is not None else None,
                "new": display_value(field, after),
            }
        )
    return changes


def current_field_dict(obj):
    return {field.attname: getattr(obj, field.attname) for field in obj._meta.concrete_fields}


def bump_versions(instances):
    """Raise the lock version of rows saved outside their own form (inlines, actions)."""
    for instance in instances:
        if instance.pk is None or getattr(instance, "_lock_version_raised", False):
            continue
        try:
            field = instance._meta.get_field("version")
        except FieldDoesNotExist:
            continue
        if isinstance(field, models.PositiveIntegerField):
            type(instance)._base_manager.filter(pk=instance.pk).update(version=F("version") + 1)


@contextlib.contextmanager
def bulk_revision(comment, user=None):
    """One history version for everything a bulk writer saves (an import, the demo, a new
    edition), with a comment saying where it came from, and one invalidation of the page
    cache at the end instead of one per row. Nothing is recorded if the block fails."""
    with bulk_changes(), reversion.create_revision():
        reversion.set_comment(comment)
        if user is not None and getattr(user, "is_authenticated", False):
            reversion.set_user(user)
        yield


# The history page of a record can also list the versions of the records it holds
# (an event: its days, slots, appearances and documents). At most this many of them are
# described per saved version; the rest are counted.
RELATED_PER_REVISION = 12


def _versions_of(queryset):
    content_type = ContentType.objects.get_for_model(queryset.model)
    ids = queryset.order_by().annotate(_version_id=Cast("pk", CharField())).values("_version_id")
    return Version.objects.filter(content_type=content_type, object_id__in=ids)


class HistoryAdmin(VersionAdmin):
    """VersionAdmin whose history and revert pages say what changed."""

    history_latest_first = True

    def history_related(self, obj):
        """Querysets of the records whose versions this record's history page lists too."""
        return []

    def _label(self, obj):
        """The row as the back office names it (object_label of core.admin_labels)."""
        obj = labelled_queryset(self, self.model._base_manager.filter(pk=obj.pk)).first() or obj
        return object_label(self, obj)

    def _current_labels(self, model, object_ids):
        """{object id: the row's label as the back office names it now} for rows that still
        exist (one query per model); a deleted row keeps the label its version stored."""
        model_admin = self.admin_site._registry.get(model)
        if model_admin is None:
            return {}
        rows = labelled_queryset(model_admin, model._base_manager.filter(pk__in=object_ids))
        return {str(row.pk): object_label(model_admin, row) for row in rows}

    def _revision_url(self, model, version):
        opts = model._meta
        if model not in self.admin_site._registry:
            return ""
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
            args=(version.object_id, version.pk),
        )

    def _described(self, model, versions, *, describe_first=True):
        """{version pk: (changes, first)} for the versions of one model, each compared with
        the previous version of the same record."""
        by_object = defaultdict(list)
        for version in versions:
            by_object[version.object_id].append(version)
        described = {}
        for object_versions in by_object.values():
            if not describe_first and len(object_versions) == 1:
                described[object_versions[0].pk] = ([], True)
                continue
            previous = None
            for version in object_versions:
                try:
                    fields = version.field_dict
                except Exception:  # data saved by an older schema
                    fields = None
                first = previous is None
                changes = field_changes(model, previous, fields) if fields else []
                described[version.pk] = ([] if first and not describe_first else changes, first)
                previous = fields if fields is not None else previous
        return described

    def history_view(self, request, object_id, extra_context=None):
        if not self.has_view_or_change_permission(request):
            return super().history_view(request, object_id, extra_context)
        versions = list(
            Version.objects.get_for_object_reference(self.model, unquote(object_id))
            .select_related("revision", "revision__user")
            .order_by("pk")
        )
        own = self._described(self.model, versions)
        actions = {}
        for version in versions:
            changes, first = own[version.pk]
            actions[version.revision_id] = {
                "revision": version.revision,
                "url": self._revision_url(self.model, version),
                "changes": changes,
                "first": first,
                "own": True,
                "related": [],
                "more": 0,
            }
        obj = self.model._base_manager.filter(pk=unquote(object_id)).first()
        for queryset in self.history_related(obj) if obj is not None else []:
            model = queryset.model
            related = list(
                _versions_of(queryset).select_related("revision", "revision__user").order_by("pk")
            )
            described = self._described(model, related, describe_first=False)
            labels = self._current_labels(model, {version.object_id for version in related})
            for version in related:
                action = actions.setdefault(
                    version.revision_id,
                    {
                        "revision": version.revision,
                        "url": self._revision_url(model, version),
                        "changes": [],
                        "first": False,
                        "own": False,
                        "related": [],
                        "more": 0,
                    },
                )
                changes, first = described[version.pk]
                if not first and not changes:
                    continue
                if len(action["related"]) >= RELATED_PER_REVISION:
                    action["more"] += 1
                    continue
                action["related"].append(
                    {
                        "name": str(model._meta.verbose_name).capitalize(),
                        "label": labels.get(version.object_id, version.object_repr),
                        "url": self._revision_url(model, version),
                        "changes": changes,
                        "first": first,
                    }
                )
        action_list = sorted(actions.values(), key=lambda action: action["revision"].pk)
        action_list.reverse()
        context = {"action_list": action_list, **(extra_context or {})}
        if obj is not None:
            context.setdefault("title", _("Change history: %s") % self._label(obj))
        return super().history_view(request, object_id, context)

    def _protected_by_revert(self, version):
        """What would stop reverting to this version (rows that protect rows it deletes),
        found by trying the revert in a transaction that is always rolled back."""

        class DryRun(Exception):
            pass

        signals = (pre_save, post_save, pre_delete, post_delete, m2m_changed)
        try:
            with transaction.atomic(using=version.db), mute_signals(*signals):
                version.revision.revert(delete=True)
                raise DryRun
        except DryRun:
            return []
        except models.ProtectedError as error:
            return list(error.protected_objects)
        except RevertError:
            return []  # reversion explains these itself

    def revision_view(self, request, object_id, version_id, extra_context=None):
        version = get_object_or_404(Version, pk=version_id, object_id=unquote(object_id))
        blockers = self._protected_by_revert(version)
        if blockers:
            names = sorted({str(blocker._meta.verbose_name_plural) for blocker in blockers})
            messages.error(
                request,
                _(
                    "This version cannot be restored: it would delete records that other "
                    "records still belong to (%(names)s, for example “%(example)s”). Move or "
                    "delete those first, or revert the records one by one."
                )
                % {"names": ", ".join(names), "example": blockers[0]},
            )
            opts = self.model._meta
            return redirect(
                reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_history",
                    args=[object_id],
                )
            )
        current = self.model._base_manager.filter(pk=unquote(object_id)).first()
        differences = []
        if current is not None:
            try:
                differences = field_changes(
                    self.model, current_field_dict(current), version.field_dict
                )
            except Exception:  # data saved by an older schema
                differences = []
        label = self._label(current) if current is not None else version.object_repr
        context = {
            "title": _("Revert %(name)s") % {"name": label},
            "subtitle": label,
            "version_differences": differences,
            "version_date": version.revision.date_created,
            "version_user": version.revision.user,
            **(extra_context or {}),
        }
        return super().revision_view(request, object_id, version_id, context)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        return name_expected_date_format(field)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return labelled_choice_field(self.admin_site, db_field, field)

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = with_mapped_errors(kwargs.get("form", self.form))
        return super().get_form(request, obj, change=change, **kwargs)

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            formset.form = with_mapped_errors(formset.form)
            yield formset, inline

    def _snapshot_before_deleting(self, request, objects):
        """A revision holding the rows (and what they follow) while they still exist, so
        that a record deleted through the ordinary delete page or the bulk action can be
        recovered even if it was never edited in the admin."""
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(_("Deleted."))
            for obj in objects:
                reversion.add_to_revision(obj)

    # Actions that save their own revisions: run outside the list's one revision.
    actions_with_own_revisions = frozenset({"delete_selected"})

    def changelist_view(self, request, extra_context=None):
        """VersionAdmin runs the list (and its actions) inside one revision, which is saved
        after the action: too late for rows the delete action removes. That action runs
        outside it, and delete_queryset saves its own revision first; so do the actions in
        ``actions_with_own_revisions`` (one revision per acceptance, say)."""
        action = request.POST.get("action")
        if request.method == "POST" and action in self.actions_with_own_revisions:
            context = {"has_change_permission": self.has_change_permission(request)}
            return super(VersionAdmin, self).changelist_view(
                request, {**context, **(extra_context or {})}
            )
        return super().changelist_view(request, extra_context)

    def delete_model(self, request, obj):
        self._snapshot_before_deleting(request, [obj])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        self._snapshot_before_deleting(request, list(queryset))
        super().delete_queryset(request, queryset)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        changed = [instance for instance, _fields in getattr(formset, "changed_objects", [])]
        bump_versions(changed)
