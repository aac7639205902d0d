"""Back office for slots, roles and appearances."""

import reversion
from adminsortable2.admin import SortableAdminBase, SortableAdminMixin, SortableTabularInline
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from core.deletion import ConfirmedDeleteMixin
from core.history import HistoryAdmin
from core.locking import OptimisticLockingAdminMixin, OptimisticLockingInlineMixin
from documents.models import Document
from programme.contribution_admin import (
    generate_links_for_appearances,
    generate_links_for_slots,
)
from programme.deletion import children_of_appearance, children_of_slot
from programme.models import Appearance, Role, Slot

# A slot's versions carry its people and documents, so a deleted slot comes back whole.
reversion.register(Role)
reversion.register(Slot, follow=["appearances", "documents"])
reversion.register(Appearance, follow=["documents"])


@admin.register(Role)
class RoleAdmin(SortableAdminMixin, HistoryAdmin, TranslationAdmin):
    list_display = ["label", "name", "listed_before_speakers"]
    list_filter = ["listed_before_speakers"]
    search_fields = ["name", "label"]


class AppearanceInline(
    OptimisticLockingInlineMixin, SortableTabularInline, TranslationTabularInline
):
    model = Appearance
    extra = 1
    fields = [
        "person",
        "role",
        "honorific",
        "position",
        "organisation",
        "country",
        "designation",
        "video_start",
    ]
    autocomplete_fields = ["person", "organisation"]
    verbose_name = _("person in this slot")
    verbose_name_plural = _(
        "People in this slot (designation left blank is filled from the person's current position)"
    )


class SlotDocumentInline(OptimisticLockingInlineMixin, TranslationTabularInline):
    model = Document
    fk_name = "slot"
    extra = 0
    fields = ["title", "kind", "language", "file", "url", "is_public"]
    verbose_name_plural = _("Documents of the slot")


@admin.register(Slot)
class SlotAdmin(
    ConfirmedDeleteMixin,
    OptimisticLockingAdminMixin,
    HistoryAdmin,
    SortableAdminBase,
    TranslationAdmin,
):
    list_display = ["title", "number", "kind", "day", "start_time", "end_time", "event_title"]
    list_filter = ["kind", "day__event", "day"]
    search_fields = ["title", "description", "day__event__title"]
    list_select_related = ["day", "day__event"]
    autocomplete_fields = ["day"]
    inlines = [AppearanceInline, SlotDocumentInline]
    delete_children = staticmethod(children_of_slot)
    detach_field = "slot"
    actions = [generate_links_for_slots]
    fieldsets = [
        (None, {"fields": ["day", "start_time", "end_time", "kind", "number", "title"]}),
        (_("Details"), {"fields": ["description", "video_url", "room"]}),
    ]

    @admin.display(description=_("event"), ordering="day__event__title")
    def event_title(self, obj):
        return obj.day.event.title

    def view_on_site(self, obj):
        return obj.get_absolute_url()


@admin.register(Appearance)
class AppearanceAdmin(
    ConfirmedDeleteMixin, OptimisticLockingAdminMixin, HistoryAdmin, TranslationAdmin
):
    list_display = ["person", "role", "slot", "printed_designation_column", "event_title"]
    list_filter = ["role", "slot__day__event"]
    search_fields = [
        "person__given_names",
        "person__family_names",
        "position",
        "designation",
        "slot__title",
    ]
    list_select_related = ["person", "role", "slot", "organisation", "slot__day__event"]
    autocomplete_fields = ["slot", "person", "organisation"]
    delete_children = staticmethod(children_of_appearance)
    actions = [generate_links_for_appearances]

    @admin.display(description=_("designation as printed"))
    def printed_designation_column(self, obj):
        return obj.printed_designation

    @admin.display(description=_("event"), ordering="slot__day__event__title")
    def event_title(self, obj):
        return obj.slot.day.event.title
