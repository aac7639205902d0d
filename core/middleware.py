"""Response headers that make uploaded files harmless when the site serves them itself."""

from django.conf import settings

IMAGE_TYPES = {"image/jpeg", "image/png", "image/webp"}


class MediaHeadersMiddleware:
    """Uploaded files served under MEDIA_URL are never rendered as a page.

    In production the web server serves /media/ (and documents go through the download
    view); when Django serves MEDIA_URL itself (DEBUG), anything that is not an image is sent
    as an attachment in a sandbox, so an uploaded HTML or SVG file cannot run in the site's
    origin. X-Content-Type-Options: nosniff comes from SecurityMiddleware on every response.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        media_url = "/" + settings.MEDIA_URL.lstrip("/")
        if request.path.startswith(media_url) and response.status_code == 200:
            content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
            response["X-Content-Type-Options"] = "nosniff"
            response["Content-Security-Policy"] = "default-src 'none'; sandbox"
            if content_type not in IMAGE_TYPES:
                response["Content-Disposition"] = "attachment"
        return response
