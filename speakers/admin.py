"""Back office for people and organisations."""

import reversion
from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from conference.history import HistoryAdmin
from conference.locking import OptimisticLockingAdminMixin
from programme.models import Participation
from speakers.models import Organization, Person

reversion.register(Organization)
reversion.register(Person)


@admin.register(Organization)
class OrganizationAdmin(HistoryAdmin, TranslationAdmin):
    list_display = ["name", "acronym", "category", "country"]
    list_filter = ["category", "country"]
    search_fields = ["name", "acronym"]


class AppearanceInline(admin.TabularInline):
    """Every appearance of the person, across events (read-only; edit them on the slot)."""

    model = Participation
    extra = 0
    fields = ["session", "role", "printed_designation"]
    readonly_fields = ["session", "role", "printed_designation"]
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
            .select_related("session", "session__day", "role", "organization")
            .order_by("session__day__date", "session__start_time")
        )

    @admin.display(description=_("designation as printed"))
    def printed_designation(self, obj):
        return obj.printed_designation


@admin.register(Person)
class PersonAdmin(OptimisticLockingAdminMixin, HistoryAdmin, TranslationAdmin):
    list_display = ["family_names", "given_names", "honorific", "organization", "appearance_count"]
    list_filter = ["honorific", "gender", "organization__category"]
    search_fields = ["given_names", "family_names", "position", "email", "organization__name"]
    list_select_related = ["organization"]
    autocomplete_fields = ["organization"]
    prepopulated_fields = {"slug": ["given_names", "family_names"]}
    inlines = [AppearanceInline]
    fieldsets = [
        (None, {"fields": ["honorific", "given_names", "family_names", "slug"]}),
        (_("Current position"), {"fields": ["position", "organization", "country"]}),
        (_("Public profile"), {"fields": ["biography", "photo"]}),
        (_("Staff only"), {"fields": ["gender", "email", "phone"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_appearances=Count("participations"))

    @admin.display(description=_("appearances"), ordering="_appearances")
    def appearance_count(self, obj):
        return obj._appearances
