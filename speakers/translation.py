"""Fields staff enter in English, French and Spanish (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from speakers.models import Organisation, Person


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Person)
class PersonTranslationOptions(TranslationOptions):
    fields = ("position", "biography")
