"""Back office for series, events and days."""

import reversion
from adminsortable2.admin import SortableAdminBase, SortableTabularInline
from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import F, Q
from django.http import HttpResponseRedirect
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from conference import admin_views
from conference.models import Day, Event, EventSeries, User
from core.admin_forms import name_expected_date_format
from core.deletion import ConfirmedDeleteMixin
from core.history import HistoryAdmin
from core.locking import OptimisticLockingAdminMixin, OptimisticLockingInlineMixin
from core.time_zones import time_zone_choices
from documents.models import Document
from programme.admin_actions import EVENT_EXPORT_ACTIONS
from programme.contribution_admin import generate_links_for_events
from programme.deletion import children_of_day, children_of_event
from programme.editor.urls import editor_urls
from programme.message_admin import MESSAGE_ACTIONS
from programme.models import Appearance, Slot
from programme.queries import programme_overview_for_admin

# History: an event's versions carry its days; a deleted event's revision carries everything
# (see conference/deletion.py). The user model is deliberately not versioned (passwords).
reversion.register(EventSeries)
reversion.register(Event, follow=["days"])
reversion.register(Day)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "email", "first_name", "last_name", "is_staff", "is_active"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups"]
    search_fields = ["username", "first_name", "last_name", "email"]


@admin.register(EventSeries)
class EventSeriesAdmin(HistoryAdmin, TranslationAdmin):
    list_display = ["name", "slug", "event_count"]
    list_filter = []
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}

    def get_queryset(self, request):
        from django.db.models import Count

        return super().get_queryset(request).annotate(_event_count=Count("events"))

    @admin.display(description=_("events"), ordering="_event_count")
    def event_count(self, obj):
        return obj._event_count


class DayInline(OptimisticLockingInlineMixin, TranslationTabularInline):
    model = Day
    extra = 0
    fields = ["date", "label"]
    show_change_link = True

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        return name_expected_date_format(field)


@admin.register(Event)
class EventAdmin(ConfirmedDeleteMixin, OptimisticLockingAdminMixin, HistoryAdmin, TranslationAdmin):
    list_display = [
        "title",
        "edition",
        "series",
        "start_date",
        "end_date",
        "city",
        "status",
        "programme_editor_link",
    ]
    list_filter = ["status", "series", "start_date"]
    search_fields = ["title", "subtitle", "edition", "slug", "venue", "city"]
    list_select_related = ["series"]
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ["title_en"]}
    inlines = [DayInline]
    delete_children = staticmethod(children_of_event)
    readonly_fields = ["published_at", "programme_overview"]
    actions = [
        "publish",
        "unpublish",
        "duplicate_as_new_edition",
        *EVENT_EXPORT_ACTIONS,
        generate_links_for_events,
        *MESSAGE_ACTIONS,
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "series",
                    "title",
                    "subtitle",
                    "edition",
                    "slug",
                    "status",
                    "published_at",
                ]
            },
        ),
        (
            _("When and where"),
            {"fields": ["start_date", "end_date", "time_zone", "venue", "city", "country"]},
        ),
        (_("Introduction"), {"fields": ["description", "website"]}),
        (_("Programme"), {"fields": ["programme_overview"]}),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "time_zone":
            kwargs["widget"] = forms.Select(choices=time_zone_choices())
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def history_related(self, event):
        """The event's History lists the changes of its days, slots, people and documents."""
        return [
            event.days.all(),
            Slot.objects.filter(day__event=event),
            Appearance.objects.filter(slot__day__event=event),
            Document.objects.filter(
                Q(event=event) | Q(slot__day__event=event) | Q(appearance__slot__day__event=event)
            ),
        ]

    @admin.display(description=_("programme"))
    def programme_editor_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:conference_event_programme", args=[obj.pk]),
            _("Edit the programme"),
        )

    @admin.display(description=_("Programme overview"))
    def programme_overview(self, obj):
        if obj is None or obj.pk is None:
            return _("Save the event, then add its days and slots.")
        return render_to_string(
            "admin/conference/event/programme_overview.html",
            {"days": programme_overview_for_admin(obj), "event": obj},
        )

    def save_model(self, request, obj, form, change):
        if obj.is_published and obj.published_at is None:
            obj.publish()
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Publish selected events"), permissions=["change"])
    def publish(self, request, queryset):
        count = 0
        for event in queryset.exclude(status="published"):
            event.publish()
            # A new version number: a change form opened before this cannot overwrite it.
            event.version = F("version") + 1
            event.save(update_fields=["status", "published_at", "updated_at", "version"])
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d event published.", "%(count)d events published.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Unpublish selected events (back to draft)"), permissions=["change"]
    )
    def unpublish(self, request, queryset):
        count = 0
        for event in queryset.filter(status="published"):
            event.unpublish()
            event.version = F("version") + 1
            event.save(update_fields=["status", "updated_at", "version"])
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d event is now a draft.", "%(count)d events are now drafts.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    # Import from text and new editions (views in conference/admin_views.py).

    def get_urls(self):
        def view(function):
            def wrapper(request, object_id):
                return function(self, request, object_id)

            return self.admin_site.admin_view(wrapper)

        return [
            *editor_urls(self),
            path(
                "<path:object_id>/import-programme/",
                view(admin_views.import_programme_view),
                name="conference_event_import_programme",
            ),
            path(
                "<path:object_id>/new-edition/",
                view(admin_views.duplicate_event_view),
                name="conference_event_new_edition",
            ),
            *super().get_urls(),
        ]

    @admin.action(description=_("Duplicate as new edition"), permissions=["add"])
    def duplicate_as_new_edition(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(
                request,
                _("Select exactly one event to duplicate as a new edition."),
                messages.WARNING,
            )
            return None
        event = queryset.get()
        return HttpResponseRedirect(reverse("admin:conference_event_new_edition", args=[event.pk]))


class SlotInline(OptimisticLockingInlineMixin, SortableTabularInline, TranslationTabularInline):
    model = Slot
    extra = 0
    fields = ["start_time", "end_time", "kind", "number", "title"]
    show_change_link = True


@admin.register(Day)
class DayAdmin(
    ConfirmedDeleteMixin,
    OptimisticLockingAdminMixin,
    HistoryAdmin,
    SortableAdminBase,
    TranslationAdmin,
):
    list_display = ["__str__", "event", "date", "label"]
    list_filter = ["event"]
    search_fields = ["label", "event__title"]
    list_select_related = ["event"]
    autocomplete_fields = ["event"]
    inlines = [SlotInline]
    delete_children = staticmethod(children_of_day)
    detach_field = "slot"
