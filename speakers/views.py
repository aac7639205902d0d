"""The public page of a person: position, biography, photo and every published appearance."""

from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from conference.cache import cached_public_page
from conference.seo import summary
from documents.queries import can_see_unpublished
from speakers.queries import person_profile


@require_safe
@cached_public_page("site")
def person_detail(request, slug):
    person, appearances = person_profile(slug, request.user)
    designation = appearances[0].printed_designation if appearances else ""
    context = {
        "person": person,
        "appearances": appearances,
        "description": summary(person.biography) or designation or person.position,
    }
    response = render(request, "speakers/person_detail.html", context)
    if can_see_unpublished(request.user):
        patch_cache_control(response, private=True, no_store=True)
    return response
