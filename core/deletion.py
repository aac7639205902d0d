"""Deleting a record together with what hangs from it, only after explicit confirmation.

Core relations are PROTECT: Django's own delete page refuses to delete an event that has
days or a slot that has people. ConfirmedDeleteMixin replaces that page with one that lists
everything that will go, asks the user to tick “I understand”, then deletes it all in one
transaction inside one django-reversion revision that holds every deleted row, so that
“Recover deleted …” brings the record back with its children.
"""

import reversion
from django import forms
from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import router, transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

SHOWN_PER_GROUP = 30


class ConfirmDeleteForm(forms.Form):
    understood = forms.BooleanField(
        label=gettext_lazy("I understand that all of this will be deleted."),
        required=True,
        error_messages={"required": gettext_lazy("Tick the box to confirm the deletion.")},
    )


class ConfirmedDeleteMixin:
    """Put before VersionAdmin in the bases. Subclasses set `delete_children`."""

    delete_children = None  # function(obj) -> [(model, queryset, "delete" | "detach")]
    detach_field = None  # the foreign key emptied on "detach" rows
    confirm_delete_template = "admin/confirm_cascade_delete.html"

    def _groups(self, obj):
        groups = []
        for model, queryset, action in self.delete_children(obj):
            rows = list(queryset)
            if rows:
                groups.append({"model": model, "rows": rows, "action": action})
        return groups

    def delete_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None or self.delete_children is None:
            return super().delete_view(request, object_id, extra_context)
        groups = self._groups(obj)
        if not any(group["action"] == "delete" for group in groups):
            return super().delete_view(request, object_id, extra_context)
        if not self.has_delete_permission(request, obj):
            raise PermissionDenied
        missing = [
            group["model"]._meta.verbose_name_plural
            for group in groups
            if not request.user.has_perm(
                f"{group['model']._meta.app_label}."
                f"{'delete' if group['action'] == 'delete' else 'change'}_"
                f"{group['model']._meta.model_name}"
            )
        ]
        form = ConfirmDeleteForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and not missing and form.is_valid():
            self._delete_with_children(request, obj, groups)
            opts = self.model._meta
            messages.success(
                request,
                _(
                    "“%(object)s” has been deleted with everything listed. To bring it back, "
                    "use “Recover deleted %(name)s”."
                )
                % {"object": obj, "name": opts.verbose_name_plural},
            )
            return HttpResponseRedirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            )
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": _("Delete %(name)s “%(object)s” and everything in it?")
            % {"name": opts.verbose_name, "object": obj},
            "subtitle": None,
            "object": obj,
            "object_name": str(opts.verbose_name),
            "opts": opts,
            "app_label": opts.app_label,
            "groups": [
                {
                    "name": group["model"]._meta.verbose_name_plural,
                    "count": len(group["rows"]),
                    "rows": group["rows"][:SHOWN_PER_GROUP],
                    "more": max(0, len(group["rows"]) - SHOWN_PER_GROUP),
                    "detach": group["action"] == "detach",
                }
                for group in groups
            ],
            "missing_permissions": missing,
            "form": form,
            "change_url": reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change", args=[quote(obj.pk)]
            ),
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.confirm_delete_template, context)

    def _delete_with_children(self, request, obj, groups):
        using = router.db_for_write(self.model)
        obj_display = str(obj)
        counts = ", ".join(
            f"{len(group['rows'])} {group['model']._meta.verbose_name_plural}"
            for group in groups
            if group["action"] == "delete"
        )
        with transaction.atomic(using=using):
            # Snapshot first, in a revision of its own saved while every row still exists
            # (reversion only stores versions of rows that exist), then delete, leaves first.
            with reversion.create_revision(using=using):
                reversion.set_user(request.user)
                reversion.set_comment(
                    _("Deleted “%(object)s” with %(counts)s.")
                    % {"object": obj_display, "counts": counts}
                )
                reversion.add_to_revision(obj)
                for group in groups:
                    for row in group["rows"]:
                        reversion.add_to_revision(row)
            for group in groups:
                model = group["model"]
                pks = [row.pk for row in group["rows"]]
                if group["action"] == "detach":
                    model._base_manager.filter(pk__in=pks).update(**{self.detach_field: None})
                else:
                    model._base_manager.filter(pk__in=pks).delete()
            self.log_deletions(request, [obj])
            obj.delete()
