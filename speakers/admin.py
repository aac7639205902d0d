"""Back office for people and organisations."""

import reversion
from django.contrib import admin, messages
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from modeltranslation.admin import TranslationAdmin

from core.history import HistoryAdmin
from core.locking import OptimisticLockingAdminMixin
from programme.models import Appearance
from speakers.admin_views import merge_people_view, suggest_genders_view
from speakers.models import Organisation, Person
from speakers.resources import (
    OrganisationResource,
    PersonResource,
    PersonWithPrivateFieldsResource,
)


class SpreadsheetMixin(ImportExportMixin):
    """Import and export as CSV (UTF-8 with BOM) and XLSX, with the library's dry-run preview.

    The preview counts every row and lists every row with an error, but shows the first rows
    only (those the resource worked out the differences of, ``PREVIEW_MAX_ROWS``).
    Importing needs the add and change permissions; exporting, the view permission.
    """

    formats = [CSV, XLSX]
    to_encoding = "utf-8-sig"

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        result = (getattr(response, "context_data", None) or {}).get("result")
        if result is not None:
            rows = result.valid_rows()
            shown = [row for row in rows if row.diff is not None]
            response.context_data["preview_rows"] = shown
            response.context_data["hidden_rows"] = len(rows) - len(shown)
        return response

    def has_export_permission(self, request):
        return self.has_view_permission(request)


reversion.register(Organisation)
reversion.register(Person)


@admin.register(Organisation)
class OrganisationAdmin(SpreadsheetMixin, HistoryAdmin, TranslationAdmin):
    resource_classes = [OrganisationResource]
    list_display = ["name", "acronym", "category", "country"]
    list_filter = ["category", "country"]
    search_fields = ["name", "acronym"]


class AppearanceInline(admin.TabularInline):
    """Every appearance of the person, across events (read-only; edit them on the slot)."""

    model = Appearance
    extra = 0
    fields = ["slot", "role", "printed_designation"]
    readonly_fields = ["slot", "role", "printed_designation"]
    can_delete = False
    show_change_link = True
    verbose_name = _("appearance")
    verbose_name_plural = _("appearances")

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("slot", "slot__day", "role", "organisation")
            .order_by("slot__day__date", "slot__start_time")
        )

    @admin.display(description=_("designation as printed"))
    def printed_designation(self, obj):
        return obj.printed_designation


@admin.register(Person)
class PersonAdmin(SpreadsheetMixin, OptimisticLockingAdminMixin, HistoryAdmin, TranslationAdmin):
    resource_classes = [PersonResource, PersonWithPrivateFieldsResource]
    actions = ["merge_people", "suggest_genders"]
    list_display = ["family_names", "given_names", "honorific", "organisation", "appearance_count"]
    list_filter = ["honorific", "gender", "organisation__category"]
    search_fields = ["given_names", "family_names", "position", "email", "organisation__name"]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation"]
    prepopulated_fields = {"slug": ["given_names", "family_names"]}
    inlines = [AppearanceInline]
    fieldsets = [
        (None, {"fields": ["honorific", "given_names", "family_names", "slug"]}),
        (_("Current position"), {"fields": ["position", "organisation", "country"]}),
        (_("Public profile"), {"fields": ["biography", "photo"]}),
        (_("Staff only"), {"fields": ["gender", "email", "phone", "language"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_appearances=Count("appearances"))

    @admin.display(description=_("appearances"), ordering="_appearances")
    def appearance_count(self, obj):
        return obj._appearances

    # Spreadsheets: email, phone and gender only for staff allowed to change people.

    def _resources_for(self, request):
        if self.has_change_permission(request):
            return [PersonResource, PersonWithPrivateFieldsResource]
        return [PersonResource]

    def get_export_resource_classes(self, request):
        return self._resources_for(request)

    def get_import_resource_classes(self, request):
        return self._resources_for(request)

    @admin.action(description=_("Suggest genders from printed honorifics…"), permissions=["change"])
    def suggest_genders(self, request, queryset):
        """A list of suggestions to review; nothing is saved before it is confirmed."""
        return suggest_genders_view(self, request, queryset)

    # Merging duplicates (view in speakers/admin_views.py, merge in programme/merge.py).

    def get_urls(self):
        return [
            path(
                "merge/",
                self.admin_site.admin_view(lambda request: merge_people_view(self, request)),
                name="speakers_person_merge",
            ),
            *super().get_urls(),
        ]

    def has_merge_permission(self, request):
        return self.has_change_permission(request) and self.has_delete_permission(request)

    @admin.action(description=_("Merge people"), permissions=["merge"])
    def merge_people(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        if len(ids) < 2:
            self.message_user(request, _("Select at least two people to merge."), messages.WARNING)
            return None
        url = reverse("admin:speakers_person_merge")
        return HttpResponseRedirect(f"{url}?ids={','.join(str(pk) for pk in ids)}")
