"""Back office for documents and photos."""

import reversion
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from core.history import HistoryAdmin
from core.locking import OptimisticLockingAdminMixin
from documents.models import Document, Photo

reversion.register(Document)
reversion.register(Photo)


@admin.register(Document)
class DocumentAdmin(OptimisticLockingAdminMixin, HistoryAdmin, TranslationAdmin):
    list_display = [
        "title",
        "kind",
        "language",
        "attached_to",
        "is_public",
        "has_file",
        "embargo_column",
    ]
    list_filter = ["kind", "language", "is_public", "embargoed_until_delivered"]
    actions = ["mark_delivered"]
    search_fields = [
        "title",
        "appearance__person__family_names",
        "slot__title",
        "event__title",
    ]
    list_select_related = ["event", "slot", "appearance", "appearance__person"]
    autocomplete_fields = ["event", "slot", "appearance", "translation_of"]
    fieldsets = [
        (None, {"fields": ["title", "kind", "language", "is_public", "order"]}),
        (_("File"), {"fields": ["file", "url"]}),
        (_("Attached to exactly one of"), {"fields": ["event", "slot", "appearance"]}),
        (_("Translations"), {"fields": ["translation_of"]}),
        (_("Check against delivery"), {"fields": ["embargoed_until_delivered", "delivered_at"]}),
    ]

    @admin.display(description=_("embargo"))
    def embargo_column(self, obj):
        if not obj.is_embargoed:
            return ""
        if obj.embargo_lifts_at:
            return _("Embargoed until %(moment)s UTC") % {
                "moment": obj.embargo_lifts_at.strftime("%Y-%m-%d %H:%M")
            }
        return _("Embargoed until delivered")

    @admin.action(description=_("Mark delivered (publish now)"), permissions=["change"])
    def mark_delivered(self, request, queryset):
        count = 0
        for document in queryset.filter(delivered_at__isnull=True):
            with reversion.create_revision():
                reversion.set_user(request.user)
                reversion.set_comment(_("Marked delivered."))
                document.delivered_at = timezone.now()
                document.save()
            count += 1
        self.message_user(
            request, _("Marked delivered: %(count)d.") % {"count": count}, messages.SUCCESS
        )

    @admin.display(description=_("attached to"))
    def attached_to(self, obj):
        if obj.appearance_id:
            return obj.appearance.person.full_name
        if obj.slot_id:
            return obj.slot.title
        return obj.event.title if obj.event_id else ""

    @admin.display(description=_("file or link"), boolean=True)
    def has_file(self, obj):
        return not obj.is_placeholder


@admin.register(Photo)
class PhotoAdmin(HistoryAdmin, TranslationAdmin):
    list_display = ["preview", "caption", "event", "credit", "order"]
    list_filter = ["event"]
    search_fields = ["caption", "alt_text", "credit"]
    list_select_related = ["event"]
    autocomplete_fields = ["event", "slot"]

    @admin.display(description=_("preview"))
    def preview(self, obj):
        if not obj.thumbnail:
            return ""
        return format_html('<img src="{}" alt="{}" width="80">', obj.thumbnail.url, obj.alt_text)
