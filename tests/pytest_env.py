"""A pytest plugin loaded before Django (see addopts in pyproject.toml): the test process gets a throwaway secret key."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-not-for-any-server")
