"""The speaker's page behind a personal link: no account, one appearance, nothing public.

Unknown tokens answer 404 and revoked or expired ones 410, with the same page whatever the
appearance, so a guess learns nothing. Failed attempts are counted per client address; past
``ATTEMPT_LIMIT`` within ``ATTEMPT_WINDOW`` seconds the address gets 429 for a while.
"""

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.security import client_ip
from programme import contributions
from programme.contribution_models import ContributionLink
from programme.enums import LinkState
from public.contribute_forms import DesignationForm, ProfileForm, UploadForm

ATTEMPT_LIMIT = 20
ATTEMPT_WINDOW = 10 * 60
ATTEMPTS = "plenary:contribute:failures:{address}"


def _attempts_key(request):
    return ATTEMPTS.format(address=client_ip(request) or "unknown")


def _count_failure(request):
    key = _attempts_key(request)
    if cache.add(key, 1, timeout=ATTEMPT_WINDOW):
        return
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=ATTEMPT_WINDOW)


def _private(response):
    """The token is in the address: no cache, no search engine.

    The site's referrer policy (same-origin) keeps the address from other sites; "no-referrer"
    would make browsers send "Origin: null" with the forms, which CSRF protection refuses.
    """
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _refusal(request, status, message):
    if status != 429:
        _count_failure(request)
    response = render(request, "programme/contribute_refused.html", {"message": message})
    response.status_code = status
    return _private(response)


def _find_link(token):
    return (
        ContributionLink.objects.for_token(token)
        .select_related(
            "appearance__slot__day__event",
            "appearance__person",
            "appearance__role",
            "appearance__organisation",
        )
        .first()
    )


def _sent_profile(link, form):
    """Store the biography and photo, or put the checks' messages on the form."""
    try:
        contributions.send_profile(link, form.cleaned_data["biography"], form.cleaned_data["photo"])
    except ValidationError as error:
        for field, messages_of_field in error.message_dict.items():
            for message in messages_of_field:
                form.add_error(field if field in form.fields else None, message)
        return False
    return True


@require_http_methods(["GET", "HEAD", "POST"])
def contribute(request, token):
    if (cache.get(_attempts_key(request)) or 0) >= ATTEMPT_LIMIT:
        return _refusal(request, 429, _("Too many attempts. Please try again in a few minutes."))
    link = _find_link(token)
    if link is None:
        return _refusal(
            request, 404, _("This link is not known. Please check that it was copied whole.")
        )
    if link.state == LinkState.REVOKED:
        return _refusal(
            request,
            410,
            _("This link has been withdrawn. Please ask the secretariat for a new one."),
        )
    if link.state == LinkState.EXPIRED:
        return _refusal(
            request, 410, _("This link has expired. Please ask the secretariat for a new one.")
        )
    appearance = link.appearance
    contributions.note_opened(link)
    printed = contributions.printed_fields(appearance)
    designation_form = DesignationForm(initial=printed)
    upload_form = UploadForm(initial={"language": request.LANGUAGE_CODE})
    profile_form = ProfileForm()
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "designation":
            designation_form = DesignationForm(request.POST)
            if designation_form.is_valid():
                data = {
                    name: designation_form.cleaned_data[name]
                    for name in DesignationForm.Meta.fields
                }
                contributions.propose_designation(link, data)
                messages.success(
                    request, _("Thank you: the secretariat will check your correction.")
                )
                return _private(HttpResponseRedirect(request.path))
        elif action == "profile":
            profile_form = ProfileForm(request.POST, request.FILES)
            if profile_form.is_valid() and _sent_profile(link, profile_form):
                messages.success(
                    request, _("Thank you: the secretariat will check your biography and photo.")
                )
                return _private(HttpResponseRedirect(request.path))
        elif action == "upload":
            upload_form = UploadForm(request.POST, request.FILES)
            if upload_form.is_valid():
                data = upload_form.cleaned_data
                try:
                    contributions.upload_document(
                        link,
                        data["kind"],
                        data["language"],
                        data["file"],
                        upload_form.cleaned_publish(),
                    )
                except ValidationError as error:
                    for messages_of_field in error.message_dict.values():
                        for message in messages_of_field:
                            upload_form.add_error("file", message)
                else:
                    messages.success(
                        request, _("Thank you: the secretariat will check your document.")
                    )
                    return _private(HttpResponseRedirect(request.path))
    context = {
        "appearance": appearance,
        "slot": appearance.slot,
        "event": appearance.slot.day.event,
        "link": link,
        "designation_form": designation_form,
        "upload_form": upload_form,
        "profile_form": profile_form,
        "profiles": appearance.profile_submissions.all(),
        "submissions": appearance.document_submissions.select_related("document"),
        "proposals": appearance.designation_proposals.all(),
    }
    response = render(request, "programme/contribute.html", context)
    return _private(response)
