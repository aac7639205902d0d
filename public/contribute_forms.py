"""The forms of the speaker's page: a designation, a biography and photo, a document."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from documents.models import Document
from programme.contribution_models import BIOGRAPHY_MAX_LENGTH, DesignationProposal
from programme.contributions import SPEAKER_KINDS, default_publish
from programme.enums import PublishWhen
from speakers.models import Person

AS_USUAL = ""


class DesignationForm(forms.ModelForm):
    action = forms.CharField(widget=forms.HiddenInput, initial="designation")

    class Meta:
        model = DesignationProposal
        fields = ["honorific", "given_names", "family_names", "position", "organisation", "country"]


class UploadForm(forms.Form):
    action = forms.CharField(widget=forms.HiddenInput, initial="upload")
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[(kind.value, kind.label) for kind in SPEAKER_KINDS]
    )
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    file = forms.FileField(label=_("File"), help_text=Document._meta.get_field("file").help_text)
    publish = forms.ChoiceField(
        label=_("Publication"),
        required=False,
        widget=forms.RadioSelect,
        initial=AS_USUAL,
        choices=[
            (AS_USUAL, _("As usual for this kind: remarks and statements when delivered")),
            *PublishWhen.choices,
        ],
    )

    def cleaned_publish(self):
        return self.cleaned_data["publish"] or default_publish(self.cleaned_data["kind"])


class ProfileForm(forms.Form):
    action = forms.CharField(widget=forms.HiddenInput, initial="profile")
    biography = forms.CharField(
        label=_("Short biography"),
        required=False,
        max_length=BIOGRAPHY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("A few lines, as they may appear on the programme."),
    )
    photo = forms.FileField(
        label=_("Photo"), required=False, help_text=Person._meta.get_field("photo").help_text
    )

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("biography") or "").strip() and not cleaned.get("photo"):
            raise forms.ValidationError(_("Write a short biography or choose a photo, or both."))
        return cleaned
