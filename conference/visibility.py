"""The one rule for who sees an event's unpublished content.

Drafts, their pages and feeds, placeholder documents and non-public documents and photos are
shown to users who hold the view permission on events (``conference.view_event``: the
secretariat's viewers and editors, and superusers). Being staff is not enough: a staff
account with no group and no permission sees the public site as everyone does.

Used by ``Event.objects.visible_to``, ``documents.queries`` and the public views.
"""

VIEW_UNPUBLISHED_PERMISSION = "conference.view_event"


def can_see_unpublished(user):
    """True for an active, signed-in user who may view events (drafts included)."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_perm(VIEW_UNPUBLISHED_PERMISSION)
    )
