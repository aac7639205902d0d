"""Back office for slots, roles and appearances."""

import reversion
from adminsortable2.admin import SortableAdminBase, SortableAdminMixin, SortableTabularInline
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from conference.deletion import (
    ConfirmedDeleteMixin,
    children_of_participation,
    children_of_session,
)
from conference.history import HistoryAdmin
from conference.locking import OptimisticLockingAdminMixin
from documents.models import Document
from programme.models import Participation, Role, Session

# A slot's versions carry its people and documents, so a deleted slot comes back whole.
reversion.register(Role)
reversion.register(Session, follow=["participations", "documents"])
reversion.register(Participation, follow=["documents"])


@admin.register(Role)
class RoleAdmin(SortableAdminMixin, HistoryAdmin, TranslationAdmin):
    list_display = ["label", "name", "listed_before_speakers"]
    list_filter = ["listed_before_speakers"]
    search_fields = ["name", "label"]


class ParticipationInline(SortableTabularInline, TranslationTabularInline):
    model = Participation
    extra = 1
    fields = ["person", "role", "honorific", "position", "organization", "country", "designation"]
    autocomplete_fields = ["person", "organization"]
    verbose_name = _("person in this slot")
    verbose_name_plural = _(
        "People in this slot (designation left blank is filled from the person's current position)"
    )


class SessionDocumentInline(TranslationTabularInline):
    model = Document
    fk_name = "session"
    extra = 0
    fields = ["title", "kind", "language", "file", "url", "is_public"]
    verbose_name_plural = _("Documents of the slot")


@admin.register(Session)
class SessionAdmin(
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
    inlines = [ParticipationInline, SessionDocumentInline]
    delete_children = staticmethod(children_of_session)
    fieldsets = [
        (None, {"fields": ["day", "start_time", "end_time", "kind", "number", "title"]}),
        (_("Details"), {"fields": ["description", "video_url", "room"]}),
    ]

    @admin.display(description=_("event"), ordering="day__event__title")
    def event_title(self, obj):
        return obj.day.event.title

    def view_on_site(self, obj):
        return obj.get_absolute_url()


@admin.register(Participation)
class ParticipationAdmin(ConfirmedDeleteMixin, HistoryAdmin, TranslationAdmin):
    list_display = ["person", "role", "session", "printed_designation_column", "event_title"]
    list_filter = ["role", "session__day__event"]
    search_fields = [
        "person__given_names",
        "person__family_names",
        "position",
        "designation",
        "session__title",
    ]
    list_select_related = ["person", "role", "session", "organization", "session__day__event"]
    autocomplete_fields = ["session", "person", "organization"]
    delete_children = staticmethod(children_of_participation)

    @admin.display(description=_("designation as printed"))
    def printed_designation_column(self, obj):
        return obj.printed_designation

    @admin.display(description=_("event"), ordering="session__day__event__title")
    def event_title(self, obj):
        return obj.session.day.event.title
