"""The two forms of the speaker's page: a designation to propose, a document to upload."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from documents.models import Document
from programme.contribution_models import DesignationProposal
from programme.contributions import SPEAKER_KINDS, default_publish
from programme.enums import PublishWhen

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
