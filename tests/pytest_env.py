"""Loaded before Django (addopts in pyproject.toml): tests get a throwaway secret key."""

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-not-for-any-server")
# The test client speaks plain HTTP: production's HTTPS redirect would answer every request
# with a 301. Every other production setting stays as it is (tests/security checks them).
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
# The cache of a run: file-based like the default (CACHE_URL unset), in a folder of its own so
# that two runs at once (or `make run` beside them) do not clear each other's pages.
if "CACHE_URL" not in os.environ:
    _cache_folder = tempfile.mkdtemp(prefix="plenary-test-cache-")
    atexit.register(shutil.rmtree, _cache_folder, ignore_errors=True)
    os.environ["CACHE_URL"] = f"filecache://{_cache_folder}"
