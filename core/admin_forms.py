"""Model errors always land on a field the form shows.

A model's clean() names its own fields ("name"), but with django-modeltranslation the
admin form shows "name_en", "name_fr" … and a form cannot hold an error for a field it
does not have: Django raises ValueError and the page becomes a 500. Forms made by
HistoryAdmin put such an error on the default language's field, or on the form as a
whole when there is no such field.
"""

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


class MappedErrorsFormMixin:
    def _update_errors(self, errors):
        if hasattr(errors, "error_dict"):
            language = getattr(settings, "MODELTRANSLATION_DEFAULT_LANGUAGE", "en")
            remapped = {}
            for field, field_errors in errors.error_dict.items():
                target = field
                if field != NON_FIELD_ERRORS and field not in self.fields:
                    translated = f"{field}_{language}"
                    target = translated if translated in self.fields else NON_FIELD_ERRORS
                remapped.setdefault(target, []).extend(field_errors)
            errors = ValidationError(remapped)
        super()._update_errors(errors)


def with_mapped_errors(form_class):
    if issubclass(form_class, MappedErrorsFormMixin):
        return form_class
    return type(form_class.__name__, (MappedErrorsFormMixin, form_class), {})
