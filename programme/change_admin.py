"""Back office for the public record of changes: see, silence or publish at once.

Entries are written by ``programme.changes`` only; staff cannot add or edit them, only mark
one silent while it waits out its grace period (a typo fix visitors need not hear about) or
publish it before then. A public entry cannot be silenced: calendar apps and frab readers
already saw the version and sequence numbers it advanced.
"""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from programme.change_wording import describe
from programme.models import ChangeEntry


class ChangeStateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("pending", _("Waiting")), ("public", _("Public")), ("silent", _("Silent"))]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "pending":
            return queryset.pending(now)
        if self.value() == "public":
            return queryset.filter(silent=False, publish_at__lte=now)
        if self.value() == "silent":
            return queryset.filter(silent=True)
        return queryset


@admin.register(ChangeEntry)
class ChangeEntryAdmin(admin.ModelAdmin):
    list_display = ["sentence", "event", "kind", "created_at", "publish_at", "state"]
    list_filter = [ChangeStateFilter, "kind", "event"]
    search_fields = ["event__title", "data"]
    list_select_related = ["event"]
    date_hierarchy = "created_at"
    actions = ["mark_silent", "publish_now"]
    fields = ["event", "slot", "kind", "sentence", "created_at", "publish_at", "silent"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("change"))
    def sentence(self, obj):
        return describe(obj)

    @admin.display(description=_("state"))
    def state(self, obj):
        if obj.silent:
            return _("Silent")
        return _("Public") if obj.is_public else _("Waiting")

    @admin.action(description=_("Mark silent (not listed publicly)"), permissions=["change"])
    def mark_silent(self, request, queryset):
        waiting = list(queryset.pending())
        for entry in waiting:
            entry.silent = True
            entry.save(update_fields=["silent"])
        skipped = queryset.count() - len(waiting)
        self.message_user(
            request,
            ngettext("%(count)d change marked silent.", "%(count)d changes marked silent.",
                     len(waiting)) % {"count": len(waiting)},
        )  # fmt: skip
        if skipped:
            self.message_user(
                request,
                _("Changes already public or silent were left as they are."),
                messages.WARNING,
            )

    @admin.action(description=_("Publish now"), permissions=["change"])
    def publish_now(self, request, queryset):
        waiting = list(queryset.pending())
        now = timezone.now()
        for entry in waiting:
            entry.publish_at = max(now, entry.created_at)
            entry.save(update_fields=["publish_at"])
        self.message_user(
            request,
            ngettext("%(count)d change published.", "%(count)d changes published.",
                     len(waiting)) % {"count": len(waiting)},
        )  # fmt: skip
