"""Back office for personal links and for what speakers send: generate, revoke, review.

A link's token is shown once, on the page that follows its generation; only its hash is
kept. Nothing a speaker sends is applied or public before a staff member accepts it here;
each acceptance is a reversion revision with the staff member and a comment.
"""

import reversion
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from programme import contributions
from programme.contribution_models import (
    ContributionLink,
    DesignationProposal,
    DocumentSubmission,
    ProfileSubmission,
)
from programme.enums import ReviewStatus
from programme.models import Appearance

reversion.register(DesignationProposal)
reversion.register(DocumentSubmission)
reversion.register(ProfileSubmission)

APPEARANCE_RELATED = ["person", "role", "slot__day__event"]


def issued_links_page(modeladmin, request, appearances):
    """Generate one link per appearance and show the addresses, this one time only."""
    appearances = appearances.select_related(*APPEARANCE_RELATED).order_by(
        "slot__day__date", "slot__order", "order", "pk"
    )
    issued = contributions.issue_links(appearances, user=request.user)
    rows = [
        {
            "appearance": appearance,
            "email": appearance.person.email,
            "url": request.build_absolute_uri(
                reverse("public:contribute", kwargs={"token": token})
            ),
        }
        for appearance, token in issued
    ]
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": _("Personal links"),
        "rows": rows,
        "opts": modeladmin.model._meta,
    }
    response = TemplateResponse(request, "admin/programme/issued_links.html", context)
    response["Cache-Control"] = "private, no-store"
    return response


@admin.action(description=_("Generate personal links"), permissions=["change"])
def generate_links_for_appearances(modeladmin, request, queryset):
    return issued_links_page(modeladmin, request, queryset)


@admin.action(
    description=_("Generate personal links for everyone in the selected slots"),
    permissions=["change"],
)
def generate_links_for_slots(modeladmin, request, queryset):
    appearances = Appearance.objects.filter(slot__in=queryset.values("pk"))
    return issued_links_page(modeladmin, request, appearances)


@admin.action(
    description=_("Generate personal links for everyone in the selected events"),
    permissions=["change"],
)
def generate_links_for_events(modeladmin, request, queryset):
    appearances = Appearance.objects.filter(slot__day__event__in=queryset.values("pk"))
    return issued_links_page(modeladmin, request, appearances)


@admin.action(
    description=_("Accept everything speakers sent for the selected slots"),
    permissions=["change"],
)
def accept_all_in_slots(modeladmin, request, queryset):
    count = contributions.accept_all(queryset, request.user)
    modeladmin.message_user(
        request,
        ngettext("%(count)d item accepted.", "%(count)d items accepted.", count) % {"count": count},
        messages.SUCCESS,
    )


@admin.register(ContributionLink)
class ContributionLinkAdmin(admin.ModelAdmin):
    list_display = ["appearance_column", "state_column", "valid_until", "created_at"]
    list_filter = ["valid_until", "appearance__slot__day__event"]
    search_fields = ["appearance__person__given_names", "appearance__person__family_names"]
    list_select_related = ["appearance__person", "appearance__slot"]
    fields = ["valid_until", "first_opened_at", "last_used_at", "revoked_at"]
    readonly_fields = ["first_opened_at", "last_used_at", "revoked_at"]
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False  # links are generated from appearances, slots or events

    @admin.display(description=_("appearance"))
    def appearance_column(self, obj):
        return f"{obj.appearance.person.full_name}: {obj.appearance.slot.title}"

    @admin.display(description=_("state"))
    def state_column(self, obj):
        return obj.state.label

    @admin.action(description=_("Revoke the selected links"), permissions=["change"])
    def revoke(self, request, queryset):
        count = contributions.revoke(queryset)
        self.message_user(
            request,
            ngettext("%(count)d link revoked.", "%(count)d links revoked.", count)
            % {"count": count},
            messages.SUCCESS,
        )


class ReviewAdmin(admin.ModelAdmin):
    list_filter = ["status", "appearance__slot__day__event"]
    list_select_related = [
        "appearance__person",
        "appearance__slot",
        "appearance__organisation",
        "reviewed_by",
    ]
    search_fields = ["appearance__person__given_names", "appearance__person__family_names"]
    actions = ["accept", "reject"]

    def has_add_permission(self, request):
        return False

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields] + list(self.readonly_extra)

    @admin.display(description=_("person"))
    def person_column(self, obj):
        return obj.appearance.person.full_name

    @admin.display(description=_("slot"))
    def slot_column(self, obj):
        return obj.appearance.slot.title

    @admin.action(description=_("Accept the selected items"), permissions=["change"])
    def accept(self, request, queryset):
        self._review(request, queryset, contributions.accept, _("Accepted: %(count)d."))

    @admin.action(description=_("Reject the selected items"), permissions=["change"])
    def reject(self, request, queryset):
        self._review(request, queryset, contributions.reject, _("Rejected: %(count)d."))

    def _review(self, request, queryset, decide, message):
        pending = list(queryset.filter(status=ReviewStatus.PENDING))
        for item in pending:
            decide(item, request.user)
        self.message_user(request, message % {"count": len(pending)}, messages.SUCCESS)


@admin.register(DesignationProposal)
class DesignationProposalAdmin(ReviewAdmin):
    list_display = ["person_column", "slot_column", "diff", "status", "sent_at", "reviewed_by"]
    readonly_extra = ["diff"]

    @admin.display(description=_("printed → proposed"))
    def diff(self, obj):
        rows = contributions.proposal_diff(obj)
        if not rows:
            return _("No change")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{}: <del>{}</del> → <ins>{}</ins></li>",
                ((label, printed or "—", proposed or "—") for label, printed, proposed in rows),
            ),
        )


@admin.register(DocumentSubmission)
class DocumentSubmissionAdmin(ReviewAdmin):
    list_display = [
        "person_column",
        "slot_column",
        "document_column",
        "publish",
        "status",
        "sent_at",
        "reviewed_by",
    ]
    list_select_related = [*ReviewAdmin.list_select_related, "document"]
    readonly_extra = ["document_column"]

    @admin.display(description=_("document"))
    def document_column(self, obj):
        document = obj.document
        return format_html(
            '<a href="{}">{} ({})</a>',
            document.get_absolute_url(),
            document.get_kind_display(),
            document.language.upper(),
        )


@admin.register(ProfileSubmission)
class ProfileSubmissionAdmin(ReviewAdmin):
    list_display = [
        "person_column",
        "slot_column",
        "biography_column",
        "photo_column",
        "status",
        "sent_at",
        "reviewed_by",
    ]
    readonly_extra = ["photo_column"]

    @admin.display(description=_("biography"))
    def biography_column(self, obj):
        return obj.biography[:200] or "—"

    @admin.display(description=_("photo"))
    def photo_column(self, obj):
        if not obj.photo:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:programme_profilesubmission_photo", args=[obj.pk]),
            _("Open the photo"),
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/photo/",
                self.admin_site.admin_view(self.photo_view),
                name="programme_profilesubmission_photo",
            ),
            *super().get_urls(),
        ]

    def photo_view(self, request, pk):
        """The photo as sent, for staff only: the media folder does not serve submissions."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        submission = get_object_or_404(ProfileSubmission, pk=pk)
        if not submission.photo or not submission.photo.storage.exists(submission.photo.name):
            raise Http404  # none sent, or deleted when rejected
        response = FileResponse(submission.photo.open("rb"))
        response["Cache-Control"] = "private, no-store"
        response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
        return response
