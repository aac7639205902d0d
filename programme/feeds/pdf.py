"""The printable A4 programme, made with WeasyPrint from an HTML template.

WeasyPrint needs Pango and HarfBuzz from the system. Without them the rest of the site
runs: pdf_unavailable_reason() says what is missing, the feed links hide the PDF and the
PDF address answers 503 with that explanation.

The introduction is printed up to ``DESCRIPTION_MAX_CHARS`` characters (cut at a paragraph
or a word, with "…" and the address of the full text on the programme page): a description
of megabytes would otherwise take WeasyPrint longer than a request may last.
"""

import functools

import markdown
import nh3
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from programme.links import event_url

PRINT_STYLESHEET = "css/programme-print.css"
#: The longest introduction the PDF prints; a longer one is cut and links to the full text.
DESCRIPTION_MAX_CHARS = 20_000


@functools.cache
def pdf_unavailable_reason():
    """None when WeasyPrint can be imported, otherwise the error it raised (as text)."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as error:  # OSError: a system library is missing
        return str(error) or error.__class__.__name__
    return None


def pdf_available():
    return pdf_unavailable_reason() is None


def rendered_description(text):
    """The event's introduction: Markdown rendered, then cleaned of anything but markup."""
    return mark_safe(nh3.clean(markdown.markdown(str(text or ""))))  # cleaned by nh3 first


def capped_description(text, limit=DESCRIPTION_MAX_CHARS):
    """(text, cut): the introduction up to ``limit`` characters, cut at the last paragraph
    break (else the last space) before it, with "…" added where it was cut."""
    text = str(text or "")
    if len(text) <= limit:
        return text, False
    head = text[:limit]
    cut = head.rfind("\n\n")
    if cut < limit // 2:
        cut = head.rfind(" ")
    if cut < limit // 2:
        cut = limit
    return head[:cut].rstrip() + " …", True


def _refusing_fetcher():
    """A fetcher that loads nothing from the network or the disk (data: URIs only)."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols=("data",))


def programme_html(data, base):
    """templates/programme/programme_pdf.html for the programme of programme_data()."""
    return render_to_string("programme/programme_pdf.html", programme_context(data, base))


def programme_context(data, base):
    event = data.event
    description, cut = capped_description(event.description)
    return {
        "event": event,
        "description": rendered_description(description),
        "description_cut": cut,
        "days": data.days,
        "event_documents": data.documents,
        "base_url": base,
        "event_url": event_url(base, event),
    }


def render_programme_pdf(data, base):
    """The A4 PDF of the programme of programme_data() (bytes)."""
    return render_pdf("programme/programme_pdf.html", programme_context(data, base))


def render_pdf(template_name, context):
    """A PDF of a template in the print stylesheet (bytes); context holds the base_url."""
    from weasyprint import CSS, HTML

    html = render_to_string(template_name, context)
    base = context["base_url"]
    fetcher = _refusing_fetcher()
    with open(finders.find(PRINT_STYLESHEET), encoding="utf-8") as stylesheet:
        css = CSS(string=stylesheet.read(), url_fetcher=fetcher)
    document = HTML(string=html, base_url=base, url_fetcher=fetcher)
    return document.write_pdf(stylesheets=[css])
