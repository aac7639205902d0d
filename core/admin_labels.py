"""Rows of one model labelled alike wherever the back office names them.

A ModelAdmin may define ``object_label(obj)`` (“Amina Okonkwo — Moderator — 10:00 Opening —
IDM 2018”) and ``label_select_related`` (what the label reads). The label is then used by the
autocomplete of every form that picks such a row, by the selected value shown on those forms,
and by the row's history and revert pages. ``__str__`` stays the row's own fields only.
"""

from django.contrib.admin.views.autocomplete import AutocompleteJsonView


def object_label(model_admin, obj):
    """The admin's label for a row, or its ``str()`` when the admin defines none."""
    label = getattr(model_admin, "object_label", None)
    return str(label(obj)) if label is not None else str(obj)


def labelled_queryset(model_admin, queryset):
    related = getattr(model_admin, "label_select_related", None)
    return queryset.select_related(*related) if related else queryset


class LabelledAutocompleteJsonView(AutocompleteJsonView):
    """The admin's autocomplete, with each result labelled by its ModelAdmin."""

    def get_queryset(self):
        return labelled_queryset(self.model_admin, super().get_queryset())

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        result["text"] = object_label(self.model_admin, obj)
        return result


def labelled_choice_field(admin_site, db_field, field):
    """Label the choices of a foreign key's form field as the related model's admin does."""
    related_admin = admin_site._registry.get(db_field.remote_field.model)
    if field is None or related_admin is None or not hasattr(related_admin, "object_label"):
        return field
    field.label_from_instance = related_admin.object_label
    if getattr(field, "queryset", None) is not None:
        field.queryset = labelled_queryset(related_admin, field.queryset)
    return field
