"""Small security helpers shared by the settings and the middleware."""

from django.conf import settings


def client_ip(request):
    """The visitor's address, as seen by the outermost trusted proxy (for django-axes).

    With TRUSTED_PROXY_COUNT = 0 the connection's own address is used and X-Forwarded-For is
    ignored (a client could forge it). With N trusted proxies, the N-th address from the
    right of X-Forwarded-For is the one the outermost proxy saw.
    """
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")
