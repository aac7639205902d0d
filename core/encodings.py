"""Content negotiation for the page cache (core.cache): which stored encoding a client gets,
and the ETag of the page in that encoding.

A page stored brotli- or gzip-compressed and sent as it is gets an ETag of its own per
Content-Encoding (RFC 9110 8.8.3.3: the ETag names the bytes sent), so that a shared cache
or a client never takes one encoding's bytes for another's; If-None-Match is compared with
the ETag of the encoding the page would be sent in.
"""

ETAG_SUFFIXES = {"br": "-br", "gzip": "-gz", "identity": ""}


def accepted_encoding(request, stored):
    """The best of the ``stored`` encodings (best first) that the client accepts, else
    "identity"."""
    accepted = set()
    for item in request.META.get("HTTP_ACCEPT_ENCODING", "").split(","):
        name, _semicolon, parameters = item.strip().partition(";")
        quality = parameters.strip().removeprefix("q=")
        if quality and quality.replace(".", "", 1).isdigit() and float(quality) == 0:
            continue
        accepted.add(name.strip().lower())
    for encoding in stored:
        if encoding in accepted:
            return encoding
    return "identity"


def encoded_etag(etag, encoding, stored=True):
    """The quoted ETag of the page sent with this Content-Encoding ("…-br", "…-gz"); the
    plain page's when pages are not stored (and so always sent uncompressed)."""
    return f'{etag[:-1]}{ETAG_SUFFIXES[encoding if stored else "identity"]}"'
