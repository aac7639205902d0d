from django import template

from documents.languages import language_versions as versions_of

register = template.Library()


@register.simple_tag
def language_versions(document):
    """{% language_versions document as versions %}: the document in each of its languages."""
    return versions_of(document)
