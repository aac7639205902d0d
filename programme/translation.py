"""Fields staff enter in English, French and Spanish (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from programme.models import Appearance, Role, Slot


@register(Slot)
class SlotTranslationOptions(TranslationOptions):
    fields = ("title", "description", "room", "cancellation_note")


@register(Role)
class RoleTranslationOptions(TranslationOptions):
    fields = ("label",)


@register(Appearance)
class AppearanceTranslationOptions(TranslationOptions):
    fields = ("position", "designation")
