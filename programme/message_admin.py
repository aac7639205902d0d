"""Back office for the messages to speakers: send links and reminders, edit the texts, read
the log. Sending is an action on appearances, slots and events; the page that follows says,
for each person, to which address the message went, or gives the link to copy when the person
has no e-mail address (the link is shown this once).
"""

from django.contrib import admin
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from programme import contribution_messages
from programme.contribution_messages import default_text
from programme.enums import MessageKind
from programme.message_models import ContributionMessage, ContributionMessageTemplate
from programme.models import Appearance


def messages_sent_page(modeladmin, request, appearances, kind):
    outcomes = contribution_messages.send_messages(
        appearances, kind, request.user, request.build_absolute_uri
    )
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": MessageKind(kind).label,
        "outcomes": outcomes,
        "sent": sum(bool(outcome.sent_to) for outcome in outcomes),
        "kind": kind,
        "opts": modeladmin.model._meta,
    }
    response = TemplateResponse(request, "admin/programme/messages_sent.html", context)
    response["Cache-Control"] = "private, no-store"
    return response


def appearances_of(queryset):
    """The appearances behind a selection of appearances, slots or events."""
    model = queryset.model
    if model is Appearance:
        return queryset
    if model._meta.label == "programme.Slot":
        return Appearance.objects.filter(slot__in=queryset.values("pk"))
    return Appearance.objects.filter(slot__day__event__in=queryset.values("pk"))


@admin.action(description=_("Send personal links by e-mail"), permissions=["change"])
def send_links(modeladmin, request, queryset):
    return messages_sent_page(modeladmin, request, appearances_of(queryset), MessageKind.LINK)


@admin.action(
    description=_("Send reminders to those still missing something"), permissions=["change"]
)
def send_reminders(modeladmin, request, queryset):
    return messages_sent_page(modeladmin, request, appearances_of(queryset), MessageKind.REMINDER)


MESSAGE_ACTIONS = [send_links, send_reminders]


@admin.register(ContributionMessageTemplate)
class ContributionMessageTemplateAdmin(admin.ModelAdmin):
    list_display = ["event", "kind", "language", "subject"]
    list_filter = ["kind", "language", "event"]
    search_fields = ["subject", "body", "event__title"]
    list_select_related = ["event"]
    autocomplete_fields = ["event"]
    fields = ["event", "kind", "language", "subject", "body"]

    def get_changeform_initial_data(self, request):
        """A new text starts from the default one of its kind and language."""
        initial = super().get_changeform_initial_data(request)
        kind = initial.get("kind") or MessageKind.LINK
        language = initial.get("language") or request.LANGUAGE_CODE
        if kind not in MessageKind.values:
            kind = MessageKind.LINK
        subject, body = default_text(kind, language)
        return {"kind": kind, "language": language, "subject": subject, "body": body, **initial}


@admin.register(ContributionMessage)
class ContributionMessageAdmin(admin.ModelAdmin):
    list_display = ["sent_at", "sent_to", "kind", "language", "subject", "sent_by"]
    list_filter = ["kind", "language", "appearance__slot__day__event"]
    search_fields = ["sent_to", "subject", "appearance__person__family_names"]
    list_select_related = ["sent_by"]
    fields = ["appearance", "kind", "language", "sent_to", "subject", "sent_at", "sent_by"]
    readonly_fields = fields  # a log: nothing to edit

    def has_add_permission(self, request):
        return False  # messages are logged when they are sent


class ContributionMessageInline(admin.TabularInline):
    """The messages sent about an appearance, on its page (read only)."""

    model = ContributionMessage
    extra = 0
    fields = ["sent_at", "kind", "language", "sent_to", "subject", "sent_by"]
    readonly_fields = fields
    can_delete = False
    verbose_name_plural = _("Messages sent")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False
