"""The editor's addresses, under an event's admin page: /admin/conference/event/<id>/programme/."""

from django.urls import path
from django.views.decorators.http import require_POST, require_safe

from programme.editor import actions, views

# (address under programme/, view, name after "conference_event_programme")
ROUTES = [
    ("", views.editor_page, ""),
    ("people/", views.people_suggestions, "_people"),
    ("publish/", actions.publish, "_publish"),
    ("days/add/", actions.add_day, "_day_add"),
    ("days/<int:pk>/edit/", actions.edit_day, "_day_edit"),
    ("days/<int:pk>/delete/", actions.delete_day, "_day_delete"),
    ("days/<int:pk>/slots/add/", actions.add_slot, "_slot_add"),
    ("slots/<int:pk>/edit/", actions.edit_slot, "_slot_edit"),
    ("slots/<int:pk>/video/", actions.set_video, "_slot_video"),
    ("slots/<int:pk>/move/", actions.move_slot, "_slot_move"),
    ("slots/<int:pk>/delete/", actions.delete_slot, "_slot_delete"),
    ("slots/<int:pk>/people/add/", actions.add_appearance, "_appearance_add"),
    ("slots/<int:pk>/documents/add/", actions.add_slot_document, "_slot_document_add"),
    ("appearances/<int:pk>/edit/", actions.edit_appearance, "_appearance_edit"),
    ("appearances/<int:pk>/delete/", actions.delete_appearance, "_appearance_delete"),
    (
        "appearances/<int:pk>/documents/add/",
        actions.add_appearance_document,
        "_appearance_document_add",
    ),
    ("documents/<int:pk>/delete/", actions.delete_document, "_document_delete"),
]


def editor_urls(model_admin):
    """URL patterns for EventAdmin.get_urls: each view gets the admin, then the request."""

    def bind(function):
        def view(request, event_id, **kwargs):
            return function(model_admin, request, event_id, **kwargs)

        view.__name__ = function.__name__
        method = require_POST if getattr(function, "changes_data", False) else require_safe
        return model_admin.admin_site.admin_view(method(view))

    return [
        path(
            f"<int:event_id>/programme/{address}",
            bind(function),
            name=f"conference_event_programme{name}",
        )
        for address, function, name in ROUTES
    ]
