"""Fields staff enter in English, French and Spanish (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from programme.models import Participation, Role, Session


@register(Session)
class SessionTranslationOptions(TranslationOptions):
    fields = ("title", "description", "room")


@register(Role)
class RoleTranslationOptions(TranslationOptions):
    fields = ("label",)


@register(Participation)
class ParticipationTranslationOptions(TranslationOptions):
    fields = ("position", "designation")
