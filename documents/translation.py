"""Fields staff enter in English, French and Spanish (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from documents.models import Document, Photo


@register(Document)
class DocumentTranslationOptions(TranslationOptions):
    fields = ("title",)


@register(Photo)
class PhotoTranslationOptions(TranslationOptions):
    fields = ("caption", "alt_text")
