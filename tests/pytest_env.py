"""Loaded before Django (addopts in pyproject.toml): tests get a throwaway secret key."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-not-for-any-server")
# The test client speaks plain HTTP: production's HTTPS redirect would answer every request
# with a 301. Every other production setting stays as it is (tests/security checks them).
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
