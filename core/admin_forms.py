"""Model errors always land on a field the form shows.

A model's clean() names its own fields ("name"), but with django-modeltranslation the
admin form shows "name_en", "name_fr" … and a form cannot hold an error for a field it
does not have: Django raises ValueError and the page becomes a 500. Forms made by
HistoryAdmin put such an error on the default language's field, or on the form as a
whole when there is no such field.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.formats import get_format
from django.utils.functional import lazy
from django.utils.translation import gettext

#: strftime directives as a person reads them in “DD/MM/YYYY”.
_FORMAT_WORDS = {"%d": "DD", "%m": "MM", "%Y": "YYYY", "%y": "YY", "%B": "MONTH", "%b": "MON"}


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


def _date_error_message():
    """“Enter a date as DD/MM/YYYY or YYYY-MM-DD.”: the first format of the active language."""
    typed = get_format("DATE_INPUT_FORMATS")[0]
    for directive, word in _FORMAT_WORDS.items():
        typed = typed.replace(directive, word)
    if typed == "YYYY-MM-DD":
        return gettext("Enter a date as YYYY-MM-DD.")
    return gettext("Enter a date as %(format)s or YYYY-MM-DD.") % {"format": typed}


date_error_message = lazy(_date_error_message, str)


def name_expected_date_format(field):
    """A date form field whose error says what to type, in the staff member's language."""
    if isinstance(field, forms.DateField) and not isinstance(field, forms.DateTimeField):
        field.error_messages = {**field.error_messages, "invalid": date_error_message()}
    return field
