"""Document downloads: the file under the document's title, or a redirect to its address."""

import os

from django.http import FileResponse, Http404, HttpResponseRedirect
from django.views.decorators.http import require_safe

from documents.queries import can_see_unpublished, document_for_download

# Images a browser may show in the page; everything else (PDF, Office, SVG …) is downloaded.
INLINE_CONTENT_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp"}


def download_name(document):
    """The document's title as a file name, with the stored file's extension."""
    extension = os.path.splitext(document.file.name)[1].lower()
    title = " ".join(document.title.replace("/", " ").replace("\\", " ").split()) or "document"
    return f"{title[:150]}{extension}"


@require_safe
def document_download(request, pk):
    document = document_for_download(pk, request.user)
    if document.url:
        response = HttpResponseRedirect(document.url)
    else:
        try:
            handle = document.file.open("rb")
        except (FileNotFoundError, OSError) as error:
            raise Http404("The file of this document is missing.") from error
        content_type = document.content_type or "application/octet-stream"
        response = FileResponse(
            handle,
            as_attachment=content_type not in INLINE_CONTENT_TYPES,
            filename=download_name(document),
            content_type=content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    if can_see_unpublished(request.user):
        response["Cache-Control"] = "private, no-store"
    return response
