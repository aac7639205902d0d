"""Optimistic locking for admin change forms: two people editing one record cannot
silently overwrite each other.

The change form carries the record's version number in a hidden field. On save the
version is checked (SELECT … FOR UPDATE on PostgreSQL) and the row is updated with
UPDATE … SET version = version + 1 WHERE version = <the version the form was loaded from>.
If someone else saved in between, nothing is saved and the form says so, showing the
current values. The model derives from core.models.VersionedModel (its `version` field).
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import ValidationError
from django.db import connections
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect
from django.utils.formats import localize
from django.utils.timezone import template_localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.history import current_field_dict, display_value

LOCK_FIELD = "lock_version"


class ConcurrentEditError(Exception):
    """The row changed between the form's check and its save: everything is rolled back."""


class LockVersionField(forms.IntegerField):
    """The version the form was loaded from. Never a change of its own: an inline row whose
    fields are untouched is not saved, whatever version it carries."""

    widget = forms.HiddenInput

    def has_changed(self, initial, data):
        return False


class LockingFormMixin(forms.Form):
    """Adds the hidden version field; the admin sets `version_base` and `current_version`."""

    lock_version = LockVersionField(required=False, label=gettext_lazy("version"))

    version_base = None  # what the hidden field starts with on a fresh form
    current_version = None  # callable: the version in the database now (None if deleted)
    check_unchanged = True  # False for inline rows: an untouched row overwrites nothing

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields[LOCK_FIELD].initial = (
                self.version_base if self.version_base is not None else self.instance.version
            )

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is None or self.current_version is None:
            return cleaned_data
        if not self.check_unchanged and not self.has_changed():
            return cleaned_data
        submitted = cleaned_data.get(LOCK_FIELD)
        current = self.current_version()
        self.checked_version = current
        if current is None:
            raise ValidationError(
                _("Someone else deleted this %(name)s while you were editing it.")
                % {"name": self.instance._meta.verbose_name}
            )
        if submitted != current:
            raise ValidationError(self.conflict_messages(current))
        return cleaned_data

    def conflict_messages(self, current_version):
        """The refusal, then the current value of each field that differs from the form."""
        model = type(self.instance)
        current = model._base_manager.get(pk=self.instance.pk)
        lines = [
            _(
                "Someone else changed this %(name)s after you opened it (it is now at version "
                "%(version)s%(by)s). Your changes have not been saved. The current values are "
                "listed below: reload the page to edit the current version, then make your "
                "changes again."
            )
            % {
                "name": model._meta.verbose_name,
                "version": current_version,
                "by": last_change_by(current),
            }
        ]
        now = current_field_dict(current)
        for name in self.changed_fields_against(current):
            field = model._meta.get_field(name)
            lines.append(
                _("%(field)s is now “%(value)s”.")
                % {
                    "field": str(field.verbose_name).capitalize(),
                    "value": display_value(field, now.get(field.attname)),
                }
            )
        return lines

    def changed_fields_against(self, current):
        """Model fields of this form whose submitted value differs from the current row."""
        names = []
        model_fields = {field.name: field for field in current._meta.get_fields()}
        for name in self.fields:
            if name == LOCK_FIELD or name not in self.cleaned_data or name not in model_fields:
                continue
            model_field = model_fields[name]
            if not model_field.concrete or model_field.many_to_many:
                continue
            value = self.cleaned_data[name]
            if model_field.many_to_one:
                value = value.pk if value is not None else None
                existing = getattr(current, model_field.attname)
            else:
                existing = getattr(current, model_field.attname)
            if (value or None) != (existing or None) and str(value) != str(existing):
                names.append(name)
        return names


def last_change_by(obj):
    """“, saved by anna at 28 Nov 2026 09:12” from the latest reversion version, if any."""
    from reversion.models import Version

    version = Version.objects.get_for_object(obj).select_related("revision__user").first()
    if version is None:
        return ""
    revision = version.revision
    when = localize(template_localtime(revision.date_created))
    if revision.user is not None:
        return _(", saved by %(user)s on %(when)s") % {
            "user": revision.user.get_username(),
            "when": when,
        }
    return _(", saved on %(when)s") % {"when": when}


class RefusesConcurrentEditsMixin:
    """A save that meets someone else's at the same moment is rolled back and the user told.

    Needed by every ModelAdmin whose own form or whose inlines are locked."""

    def _refuse(self, request):
        messages.error(
            request,
            _(
                "Someone else saved this record at the same moment. Your changes have not been "
                "saved: check the current version below and make them again."
            ),
        )
        return HttpResponseRedirect(request.get_full_path())

    def change_view(self, request, object_id, form_url="", extra_context=None):
        try:
            return super().change_view(request, object_id, form_url, extra_context)
        except ConcurrentEditError:
            return self._refuse(request)


def _database_version(model, pk, field="version"):
    """The row's version now; locked until the end of the transaction where one is open."""
    queryset = model._base_manager.filter(pk=pk)
    if connections[queryset.db].in_atomic_block:
        queryset = queryset.select_for_update()
    return queryset.values_list(field, flat=True).first()


class InlineLockingFormMixin(LockingFormMixin):
    """An inline row: checked against its own row when it was edited."""

    check_unchanged = False

    def current_version(self):
        return _database_version(type(self.instance), self.instance.pk)


class LockingInlineFormSet(BaseInlineFormSet):
    """Writes an edited row only if its version is still the one checked by the form
    (UPDATE … WHERE version = n), else rolls the whole page back."""

    def save_existing(self, form, obj, commit=True):
        checked = getattr(form, "checked_version", None)
        if commit and checked is not None:
            updated = (
                type(obj)
                ._base_manager.filter(pk=obj.pk, version=checked)
                .update(version=checked + 1)
            )
            if updated != 1:
                raise ConcurrentEditError
            obj.version = checked + 1
            obj._lock_version_raised = True
        return super().save_existing(form, obj, commit=commit)


class OptimisticLockingInlineMixin:
    """For inlines of models with a `version`: each row carries the version it was loaded
    from, and a row someone else saved since is refused like a stale main form. The parent
    ModelAdmin needs RefusesConcurrentEditsMixin (OptimisticLockingAdminMixin includes it)."""

    def get_formset(self, request, obj=None, **kwargs):
        base_form = kwargs.get("form", self.form)
        kwargs["form"] = type(
            f"Locking{base_form.__name__}", (InlineLockingFormMixin, base_form), {}
        )
        base_formset = kwargs.get("formset", self.formset)
        if not issubclass(base_formset, LockingInlineFormSet):
            kwargs["formset"] = type(
                f"Locking{base_formset.__name__}", (LockingInlineFormSet, base_formset), {}
            )
        return super().get_formset(request, obj, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if LOCK_FIELD in flatten_fieldsets(fieldsets):
            return fieldsets
        fieldsets = [(name, dict(options)) for name, options in fieldsets]
        name, options = fieldsets[0]
        options["fields"] = [*options["fields"], LOCK_FIELD]
        fieldsets[0] = (name, options)
        return fieldsets

    def get_fields(self, request, obj=None):
        return [field for field in super().get_fields(request, obj) if field != LOCK_FIELD]


class OptimisticLockingAdminMixin(RefusesConcurrentEditsMixin):
    """Put before VersionAdmin / TranslationAdmin in the bases of a ModelAdmin."""

    version_field = "version"

    def _database_version(self, object_id):
        return _database_version(self.model, object_id, self.version_field)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None or obj.pk is None:
            return super().get_form(request, obj, change=change, **kwargs)
        pk = obj.pk
        base = getattr(request, "_locking_base_version", None)
        attrs = {
            "version_base": base,
            # While reverting, the row already holds the old version: compare with the
            # version it had before the revert began.
            "current_version": (
                staticmethod(lambda: base)
                if base is not None
                else staticmethod(lambda: self._database_version(pk))
            ),
        }
        base_form = kwargs.get("form", self.form)
        kwargs["form"] = type(f"Locking{base_form.__name__}", (LockingFormMixin, base_form), attrs)
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or LOCK_FIELD in flatten_fieldsets(fieldsets):
            return fieldsets
        fieldsets = [(name, dict(options)) for name, options in fieldsets]
        name, options = fieldsets[0]
        options["fields"] = [*options["fields"], LOCK_FIELD]
        fieldsets[0] = (name, options)
        return fieldsets

    def get_fields(self, request, obj=None):
        return [field for field in super().get_fields(request, obj) if field != LOCK_FIELD]

    def save_model(self, request, obj, form, change):
        if change and hasattr(form, "checked_version"):
            loaded = obj.version
            new_version = form.checked_version + 1
            updated = (
                type(obj)
                ._base_manager.filter(pk=obj.pk, **{self.version_field: loaded})
                .update(**{self.version_field: new_version})
            )
            if updated != 1:
                raise ConcurrentEditError
            obj.version = new_version
        super().save_model(request, obj, form, change)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        request._locking_base_version = self._database_version(unquote(object_id))
        try:
            return super().revision_view(request, object_id, version_id, extra_context)
        except ConcurrentEditError:
            return self._refuse(request)
