"""Loaded before Django (addopts in pyproject.toml): tests get a throwaway secret key."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-not-for-any-server")
