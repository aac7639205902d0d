"""Kept for old migrations that name these validators: the upload checks live in core.uploads."""

from core.uploads import validate_document_upload, validate_image_upload

__all__ = ["validate_document_upload", "validate_image_upload"]
