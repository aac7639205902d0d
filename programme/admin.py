"""Back office for slots, roles and appearances."""

import reversion
from adminsortable2.admin import SortableAdminBase, SortableAdminMixin, SortableStackedInline
from django import forms
from django.contrib import admin
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from core.deletion import ConfirmedDeleteMixin
from core.history import HistoryAdmin
from core.locking import OptimisticLockingAdminMixin, OptimisticLockingInlineMixin
from documents.models import Document
from programme.change_admin import ChangeEntryAdmin  # noqa: F401 (registers it)
from programme.contribution_admin import (
    accept_all_in_slots,
    generate_links_for_appearances,
    generate_links_for_slots,
)
from programme.deletion import children_of_appearance, children_of_slot
from programme.message_admin import MESSAGE_ACTIONS, ContributionMessageInline
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


def slot_label(slot):
    """“10:00 Session 1: Opening — 8 October 2018 — IDM 2018 (Second session)”."""
    return " — ".join([str(slot), date_format(slot.day.date, "DATE_FORMAT"), str(slot.day.event)])


def appearance_label(appearance):
    """“Amina Okonkwo — Moderator — 10:00 Opening — IDM 2018 (Second session)”."""
    slot = appearance.slot
    parts = [appearance.person.full_name, appearance.role, slot, slot.day.event]
    return " — ".join(str(part) for part in parts)


class AppearanceForm(forms.ModelForm):
    """A new appearance, or one given another person, without an honorific takes the
    person's (the importer keeps what was printed and does not come through here)."""

    def clean(self):
        cleaned_data = super().clean()
        person = cleaned_data.get("person")
        new_person = self.instance.pk is None or "person" in self.changed_data
        if person is not None and new_person and not cleaned_data.get("honorific"):
            cleaned_data["honorific"] = person.honorific
        return cleaned_data


class AppearanceInline(
    OptimisticLockingInlineMixin, SortableStackedInline, TranslationStackedInline
):
    """One card per person: the name as its title, the designation and the documents on it."""

    model = Appearance
    form = AppearanceForm
    template = "admin/programme/slot/appearance_stacked.html"
    extra = 1
    fields = [
        ("person", "role", "honorific"),
        "designation",
        ("position", "organisation", "country"),
        "video_start",
    ]
    autocomplete_fields = ["person", "organisation"]
    show_change_link = True
    verbose_name = _("person in this slot")
    verbose_name_plural = _(
        "People in this slot (designation left blank is filled from the person's current position)"
    )

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("person", "role")
        return queryset.prefetch_related("documents")


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
    actions = [generate_links_for_slots, *MESSAGE_ACTIONS, accept_all_in_slots]
    # Each acceptance is a revision of its own, with its own comment.
    actions_with_own_revisions = frozenset({"delete_selected", "accept_all_in_slots"})
    fieldsets = [
        (None, {"fields": ["day", "start_time", "end_time", "kind", "number", "title"]}),
        (_("Details"), {"fields": ["description", "video_url", "room"]}),
        (_("Cancellation"), {"fields": ["cancelled", "cancellation_note"]}),
    ]

    label_select_related = ["day__event"]

    def object_label(self, obj):
        return slot_label(obj)

    @admin.display(description=_("event"), ordering="day__event__title")
    def event_title(self, obj):
        return obj.day.event.title

    def view_on_site(self, obj):
        return obj.get_absolute_url()


@admin.register(Appearance)
class AppearanceAdmin(
    ConfirmedDeleteMixin, OptimisticLockingAdminMixin, HistoryAdmin, TranslationAdmin
):
    form = AppearanceForm
    list_display = ["label", "printed_designation_column"]
    list_filter = ["role", "slot__day__event"]
    search_fields = [
        "person__given_names",
        "person__family_names",
        "position",
        "designation",
        "slot__title",
    ]
    list_select_related = ["person", "role", "organisation", "slot__day__event"]
    label_select_related = ["person", "role", "slot__day__event"]
    autocomplete_fields = ["slot", "person", "organisation"]
    delete_children = staticmethod(children_of_appearance)
    actions = [generate_links_for_appearances, *MESSAGE_ACTIONS]
    inlines = [ContributionMessageInline]

    @admin.display(description=_("designation as printed"))
    def printed_designation_column(self, obj):
        return obj.printed_designation

    def object_label(self, obj):
        return appearance_label(obj)

    @admin.display(description=_("appearance"), ordering="person__family_names")
    def label(self, obj):
        return appearance_label(obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        if obj is not None:
            extra_context = {"subtitle": appearance_label(obj), **(extra_context or {})}
        return super().change_view(request, object_id, form_url, extra_context)
