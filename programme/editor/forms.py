"""The programme editor's forms: one small form per change, each saved on its own."""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from conference.models import Day, Event
from core.admin_forms import MappedErrorsFormMixin
from core.locking import LockingFormMixin
from documents.enums import DocumentKind
from documents.models import Document
from programme.enums import SlotKind
from programme.models import Appearance, Slot
from programme.parser.patterns import _HONORIFIC_RE as HONORIFIC_RE
from programme.vocabulary import honorific_choice
from speakers.models import Person
from speakers.names import split_name

TIME = r"(?P<{0}h>[0-2]?\d)(?:[:.h](?P<{0}m>[0-5]\d))?"
TIME_RANGE = re.compile(
    rf"^\s*{TIME.format('s')}\s*(?:(?:[-–—]|to)\s*{TIME.format('e')})?\s*$", re.IGNORECASE
)


def parse_time_range(text):
    """(start, end or None) from “10:00–11:30”, “10.00 - 11.30”, “9h30” or “10:00”."""
    match = TIME_RANGE.match(text or "")
    if not match:
        return None
    try:
        start = datetime.time(int(match["sh"]), int(match["sm"] or 0))
        end = datetime.time(int(match["eh"]), int(match["em"] or 0)) if match["eh"] else None
    except ValueError:
        return None
    return start, end


def format_time_range(slot):
    if slot.start_time is None:
        return ""
    start = slot.start_time.strftime("%H:%M")
    return f"{start}–{slot.end_time.strftime('%H:%M')}" if slot.end_time else start


def split_honorific(text):
    """(honorific, name) from “Dr. Ana Gómez” or “H.E. Mr. Carlos Pérez”: the honorifics
    the importer knows (programme.vocabulary), compounds kept whole (“H.E. Mr.”)."""
    text = " ".join((text or "").split())
    match = HONORIFIC_RE.match(text)
    if match is None or not match.end() < len(text):
        return "", text
    honorific = honorific_choice(match["h"])
    if not honorific:
        return "", text
    return honorific, text[match.end() :].strip()


class EditorFormMixin(MappedErrorsFormMixin):
    """Ids unique on the page (each object's forms get their own prefix), and the model's
    errors shown on the field of the form that holds the value (the name for the person,
    the time for the start and end)."""

    error_fields = {"person": "name", "start_time": "times", "end_time": "times"}

    def __init__(self, *args, id_prefix="", **kwargs):
        kwargs.setdefault("auto_id", f"{id_prefix}-%s" if id_prefix else "id_%s")
        super().__init__(*args, **kwargs)

    def _update_errors(self, errors):
        if hasattr(errors, "error_dict"):
            remapped = {}
            for field, field_errors in errors.error_dict.items():
                target = self.error_fields.get(field, field)
                remapped.setdefault(target if target in self.fields else field, []).extend(
                    field_errors
                )
            errors = ValidationError(remapped)
        super()._update_errors(errors)


class TimeRangeMixin(forms.Form):
    times = forms.CharField(
        label=_("Time"),
        max_length=20,
        help_text=_("As printed: 10:00–11:30, or 10:00 alone."),
        widget=forms.TextInput(attrs={"size": 11, "autocomplete": "off"}),
    )

    def clean_times(self):
        parsed = parse_time_range(self.cleaned_data["times"])
        if parsed is None:
            raise ValidationError(_("Write the time as 10:00–11:30, or 10:00 alone."))
        start, end = parsed
        if end is not None and end <= start:
            raise ValidationError(_("The session must end after it starts."))
        return parsed

    def _post_clean(self):
        if "times" in self.cleaned_data:
            self.instance.start_time, self.instance.end_time = self.cleaned_data["times"]
        super()._post_clean()


class DayForm(EditorFormMixin, forms.ModelForm):
    class Meta:
        model = Day
        fields = ["date", "label"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "label": forms.TextInput(attrs={"size": 14}),
        }

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.event = event


class SlotForm(EditorFormMixin, TimeRangeMixin, forms.ModelForm):
    """A new slot: time and title (kind and number optional)."""

    class Meta:
        model = Slot
        fields = ["title", "kind", "number"]
        widgets = {
            "title": forms.TextInput(attrs={"size": 40}),
            "number": forms.TextInput(attrs={"class": "editor-narrow"}),
        }

    field_order = ["times", "title", "kind", "number"]

    def __init__(self, *args, day, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.day = day
        if self.instance.pk:
            self.fields["times"].initial = format_time_range(self.instance)
        self.fields["kind"].initial = self.instance.kind or SlotKind.PANEL


class SlotEditForm(LockingFormMixin, SlotForm):
    """Everything printed about a slot; refused when someone saved it meanwhile."""

    class Meta(SlotForm.Meta):
        fields = [
            "title",
            "kind",
            "number",
            "room",
            "description",
            "cancelled",
            "cancellation_note",
        ]
        widgets = {**SlotForm.Meta.widgets, "description": forms.Textarea(attrs={"rows": 3})}

    field_order = [
        "times",
        "title",
        "kind",
        "number",
        "room",
        "description",
        "cancelled",
        "cancellation_note",
    ]


class VideoForm(EditorFormMixin, LockingFormMixin, forms.ModelForm):
    class Meta:
        model = Slot
        fields = ["video_url"]
        widgets = {"video_url": forms.URLInput(attrs={"size": 36})}


class RoleChoicesMixin:
    """Roles from the list the page read once, not one query per form."""

    def set_roles(self, roles):
        self.fields["role"].choices = [(role.pk, role.label) for role in roles]


class AppearanceAddForm(EditorFormMixin, RoleChoicesMixin, forms.ModelForm):
    """A person by name (picked from the suggestions or new), a role and a designation."""

    name = forms.CharField(
        label=_("Name"),
        max_length=300,
        help_text=_("Someone already known, or a new name: “Dr. Ana Gómez”."),
        widget=forms.TextInput(
            attrs={"size": 26, "autocomplete": "off", "class": "editor-person-name"}
        ),
    )
    person_id = forms.IntegerField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Appearance
        fields = ["designation", "role"]
        widgets = {"designation": forms.TextInput(attrs={"size": 40})}
        labels = {"designation": _("Designation as printed")}
        help_texts = {"designation": _("Blank: the person's current position.")}

    field_order = ["name", "designation", "role", "person_id"]

    def __init__(self, *args, slot, roles, default_role=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.slot = slot
        self.set_roles(roles)
        self.fields["name"].widget.attrs.update(
            {
                "role": "combobox",
                "aria-autocomplete": "list",
                "aria-expanded": "false",
                "aria-controls": f"{self.auto_id % 'name'}-suggestions",
            }
        )
        if default_role is not None:
            self.fields["role"].initial = default_role.pk

    def clean(self):
        cleaned = super().clean()
        name = cleaned.get("name")
        person_id = cleaned.get("person_id")
        self.new_person = None
        if person_id:
            person = Person.objects.filter(pk=person_id).first()
            if person is None:
                raise ValidationError({"name": _("This person no longer exists.")})
        elif name:
            honorific, name_only = split_honorific(name)
            given, family = split_name(name_only)
            if not family:
                raise ValidationError({"name": _("Give the person's name.")})
            person = Person(
                honorific=honorific,
                given_names=given,
                family_names=family,
                position=(cleaned.get("designation") or "")[:300],
            )
            try:
                person.full_clean(exclude=["slug"])
            except ValidationError as error:
                raise ValidationError({"name": error.messages}) from error
            self.new_person = person
        else:
            return cleaned
        self.instance.person = person
        # The honorific typed with the name, else the person's: never lost to a designation.
        self.instance.honorific = split_honorific(name or "")[0] or person.honorific
        return cleaned

    def save(self, commit=True):
        if self.new_person is not None:
            self.new_person.save()
            self.instance.person = self.new_person
        return super().save(commit)


class AppearanceEditForm(EditorFormMixin, RoleChoicesMixin, LockingFormMixin, forms.ModelForm):
    class Meta:
        model = Appearance
        fields = ["role", "honorific", "designation", "video_start"]
        widgets = {"designation": forms.Textarea(attrs={"rows": 2, "cols": 40})}
        labels = {"designation": _("Designation as printed")}

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_roles(roles)
        if not self.instance.designation and self.instance.pk:
            self.initial["designation"] = self.instance.printed_designation


class DocumentForm(EditorFormMixin, forms.ModelForm):
    """A file (checked by content, like every upload) or, without one, a placeholder."""

    class Meta:
        model = Document
        fields = ["kind", "file"]
        labels = {"file": _("File")}
        help_texts = {"file": _("Without a file, the document is marked as awaited (staff only).")}

    def __init__(self, *args, slot=None, appearance=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.slot = slot
        self.instance.appearance = appearance
        self.fields["kind"].initial = (
            DocumentKind.REMARKS if appearance is not None else DocumentKind.CONCEPT_NOTE
        )
        self.fields["file"].widget.attrs["class"] = "editor-file"

    def _post_clean(self):
        kind = self.cleaned_data.get("kind")
        if kind and not self.instance.title:
            self.instance.title = str(DocumentKind(kind).label)
        super()._post_clean()


class PublishForm(EditorFormMixin, LockingFormMixin, forms.ModelForm):
    """Publish or unpublish: refused, like any edit, when the event changed meanwhile."""

    class Meta:
        model = Event
        fields = []
