"""Display strings of documents and appearances, computed once per label instead of once per
template tag.

A programme page lists hundreds of documents whose labels (“Remarks (PDF, 120 KB)”) repeat:
each distinct label is translated and formatted once per language, and :func:`label_documents`
attaches the labels and language versions to the documents a page lists, so that the
templates print attributes rather than call filters and tags for every document.
:func:`people_lists` prints a slot's people, each with what the programme prints beside the
name.

:func:`document_links` prints the labelled documents as links: the big programme prints
1,500 of them, one template macro call per list and a dozen template look-ups per link
took a tenth of its render.
"""

import functools
import html
import math

from django.template.defaultfilters import date
from django.templatetags.tz import utc
from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.choices import choice_label, row_url_function
from core.rows import text
from documents.enums import DocumentKind
from documents.languages import language_versions
from documents.models import Document
from public.templatetags.languages import fallback_lang, fallback_lang_in
from speakers.enums import honorific_label
from speakers.models import Person


def file_size(size):
    """“1 KB”, “120 KB”, “2.4 MB”: rounded up, never “0 KB”."""
    if size is None:
        return ""
    return _size_text(*_size_shown(size))


def _size_shown(size):
    """A size in bytes as it is printed: ("KB", whole kilobytes, rounded up, at least 1) or
    ("MB", megabytes to one decimal). Files of different sizes share it: labels are kept by
    it (:func:`_label`), not by the size in bytes, which few files share."""
    if size < 1024 * 1024:
        return "KB", max(1, math.ceil(size / 1024))
    return "MB", round(size / (1024 * 1024), 1)


def _size_text(unit, amount):
    if unit == "KB":
        return _("%(size)s KB") % {"size": amount}
    return _("%(size)s MB") % {"size": number_format(amount, decimal_pos=1)}


@functools.lru_cache(maxsize=4096)
def _label(name, format_label, shown, language):
    """A document's link text in the active language ``language``; ``shown``: its size as
    :func:`_size_shown` gives it, or None."""
    if shown is not None:
        return _("%(kind)s (%(format)s, %(size)s)") % {
            "kind": name,
            "format": format_label,
            "size": _size_text(*shown),
        }
    return _("%(kind)s (%(format)s)") % {"kind": name, "format": format_label}


def _file_label(name, document, language, formats=None):
    """“<name> (PDF, 120 KB)”: a name with the document's format and size.

    ``formats``, a dictionary kept for one page, holds the translated formats (“Link”).
    """
    size = document.file_size if document.file_name else None
    shown = _size_shown(size) if size is not None else None
    format_label = document.format_label
    if not isinstance(format_label, str):  # a translatable text: translated once
        if formats is None:
            format_label = str(format_label)
        else:
            # By identity, the text kept alive with its translation (no id reused).
            found = formats.get(id(format_label))
            if found is None:
                found = formats[id(format_label)] = (format_label, str(format_label))
            format_label = found[1]
    return _label(name, format_label, shown, language)


def document_label(document):
    """“Remarks (PDF, 120 KB)”, “Presentation (Link)”: kind, format and size."""
    kind = document.get_kind_display()
    if document.is_placeholder:
        return kind
    return _file_label(kind, document, get_language())


def translation_label(document):
    """A translation's link text: its language, format and size (“French (PDF, 2 KB)”)."""
    return _file_label(str(document.get_language_display()), document, get_language())


@functools.lru_cache(maxsize=256)
def _kind_label(kind, language):
    """A kind's label (``get_kind_display``) in the active language, ``language``."""
    return choice_label(DocumentKind, kind)


def label_documents(documents, language=None, download_url=None, formats=None):
    """Attach what the document links print to each listed document; no query.

    ``link_label`` (“Remarks (PDF, 120 KB)”), ``kind_label``, ``awaiting_file``
    (``is_placeholder``, asked once), and ``language_links``: the document in each of its
    languages when it has more than one (each version with its ``link_label`` “French
    (PDF, 2 KB)”), else an empty list; ``download_url``, the address of each
    (``get_absolute_url()``, the view reversed once). ``language`` (the
    active one) and ``download_url`` (``row_url_function`` of the download view): when the
    caller has them already, for a page's many lists; ``formats``, the page's dictionary of
    translated formats (see :func:`_file_label`).
    """
    download_url = download_url or row_url_function(*Document.DOWNLOAD_VIEW)
    language = language or get_language()
    formats = {} if formats is None else formats  # each translatable format, translated once
    for document in documents:
        kind = document.kind_label = _kind_label(document.kind, language)
        placeholder = document.awaiting_file = document.is_placeholder
        document.link_label = (
            kind if placeholder else _file_label(kind, document, language, formats)
        )
        document.download_url = download_url(document.pk)
        versions = language_versions(document) if not placeholder else []
        if len(versions) > 1:
            for version in versions:
                version.version_label = _file_label(
                    str(version.get_language_display()), version, language, formats
                )
                version.download_url = download_url(version.pk)
            document.language_links = versions
        else:
            document.language_links = []
    return documents


class PersonLinks:
    """The link to each person's page as :func:`people_lists` prints it, made once per page
    (the big programme's 400 people appear 800 times). ``person_url``: ``row_url_function``
    of the person's page, when the caller has it already."""

    def __init__(self, person_url=None):
        self.person_url = person_url or row_url_function(*Person.PUBLIC_VIEW)
        self.links = {}

    def __call__(self, person):
        link = self.links.get(person.id)
        if link is None:
            address = escaped(self.person_url(person.slug))
            name = escaped(person.full_name)
            link = f'<a class="person-link" dir="auto" href="{address}">{name}</a>'
            self.links[person.id] = link
        return link


def people_lists(slot, language=None, person_links=None):
    """A slot's leaders and speakers (``slot.people_lists``, each a ``<ul>``) as the programme
    prints them (HTML); no query. ``language`` (the active one) and ``person_links``
    (:class:`PersonLinks`): when the caller has them already.

    Each appearance: the role (leaders only), the honorific, the name linked to the person's
    page, the designation as printed (``printed_designation``), the moment the person starts
    speaking in the video, and the documents (:func:`document_links`, labelled by
    :func:`label_documents`). A text that is English shown in place of the page's language
    says so (``fallback_lang``). The language is looked up once and each role labelled once:
    a big programme prints 800 appearances of a handful of roles.
    """
    language = language or get_language()
    person_links = person_links or PersonLinks()
    roles = {}  # the role label of each role printed, made once
    lists = []
    for people in slot.people_lists:
        leaders = people.name == "leaders"
        items = [f'<ul class="people people--{escaped(people.name)}">']
        for appearance in people.appearances:
            role = ""
            if leaders:
                role = roles.get(appearance.role_id)
                if role is None:
                    role = roles[appearance.role_id] = _role_label(appearance.role, language)
            items.append(_person_item(appearance, role, language, person_links))
        items.append("\n  </ul>")
        lists.append("".join(items))
    return SafeString("".join(lists))  # every value escaped above (as document_links)


def _role_label(role, language):
    """“Moderator: ” before a leader's name, with ``lang`` when it is English shown in place
    of the page's language."""
    lang = fallback_lang_in(language, role, "label")
    return f'<span class="role-label"{lang}>{escaped(text(role, "label"))}:</span> '


def _person_item(appearance, role, language, person_links):
    """One ``<li>`` of :func:`people_lists`: ``role`` (:func:`_role_label`, or "" for a
    speaker), then the honorific, the name, the designation, the video moment, the
    documents."""
    items = ["\n    <li>", role]
    honorific = honorific_label(appearance.honorific, language)
    if honorific:
        items.append(f"{escaped(honorific)} ")
    person = appearance.person
    items.append(person_links(person))
    designation = appearance.printed_designation_in(language)
    if designation:
        lang = fallback_lang_in(language, appearance, "designation", "position")
        items.append(f', <span class="designation" dir="auto"{lang}>{escaped(designation)}</span>')
    moment_url = appearance.video_moment_url
    if moment_url:
        watch = _("Watch from here (%(moment)s)") % {"moment": appearance.video_moment}
        items.append(
            f' <a class="video-moment" href="{escaped(moment_url)}">{escaped(watch)}'
            f'<span class="visually-hidden">: {escaped(person.full_name)}</span></a>'
        )
    if appearance.listed_documents:
        items.append(document_links(appearance.listed_documents))
    items.append("</li>")
    return "".join(items)


def document_links(documents, show_title=False):
    """The documents labelled by :func:`label_documents` as a list of links (HTML), each with
    its kind, format and size, or one link per language version; ``show_title`` prints each
    document's title before it. The staff marks (awaiting its file, not public, embargoed)
    show on documents that only staff are given."""
    if not documents:
        return mark_safe("\n")
    modifier = " document-links--titled" if show_title else ""
    items = [f' <ul class="document-links{modifier}">']
    for document in documents:
        items.append("<li>")
        if show_title:
            items.append(
                f'<span class="document-title" dir="auto"{fallback_lang(document, "title")}>'
                f"{escaped(document.title)}</span>: "
            )
        if document.awaiting_file:
            items.append(
                '<span class="document-link document-link--placeholder">'
                f"{escaped(document.link_label)} "
                f"{_staff_mark(_('(awaiting its file; staff only)'))}</span>"
            )
        elif document.language_links:
            versions = ", ".join(_version_link(version) for version in document.language_links)
            kind = escaped(document.kind_label)
            items.append(f'<span class="document-languages">{kind} ({versions})</span>')
        else:
            items.append(
                f'<a class="document-link" href="{escaped(document.download_url)}" '
                f'hreflang="{escaped(document.language)}">{escaped(document.link_label)}</a>'
            )
            if not document.is_public:
                items.append(f" {_not_public()}")
        if document.is_embargoed:
            items.append(f" {_embargo_mark(document)}")
        items.append("</li>")
    items.append("</ul>\n")
    # Every value escaped above; SafeString as mark_safe makes it, without its check for
    # lazy text (called 800 times a page).
    return SafeString("".join(items))


def escaped(value):
    """A value as the templates print it: Django's ``conditional_escape`` without the lazy
    wrapper it is called through (the code above prints some 5,000 values a page)."""
    if value.__class__ is not str:  # most values printed are plain text
        if hasattr(value, "__html__"):
            return value.__html__()
        value = str(value)
    if "&" in value or "<" in value or ">" in value or '"' in value or "'" in value:
        return html.escape(value)
    return value  # nothing to escape (most names and labels): five scans, no copies


def _staff_mark(text):
    return f'<strong class="staff-mark">{escaped(text)}</strong>'


def _not_public():
    return _staff_mark(_("(not public; staff only)"))


def _version_link(version):
    link = (
        f'<a class="document-link" href="{escaped(version.download_url)}" '
        f'hreflang="{escaped(version.language)}">{escaped(version.language.upper())}'
        f'<span class="visually-hidden"> – {escaped(version.version_label)}</span></a>'
    )
    return link if version.is_public else f"{link} {_not_public()}"


def _embargo_mark(document):
    if document.embargo_lifts_at:
        moment = date(utc(document.embargo_lifts_at), "Y-m-d H:i")
        until = _("Embargoed until %(moment)s UTC") % {"moment": escaped(moment)}
    else:
        until = escaped(_("Embargoed until delivered"))
    check = escaped(_("Check against delivery"))
    return f'<strong class="staff-mark">{check}: {until}</strong>'
