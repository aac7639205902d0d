import pytest
from django.urls import NoReverseMatch, clear_url_caches, reverse


@pytest.fixture(autouse=True)
def _public_urls_until_merge(settings):
    """Stand-in public URLs while the public site is on another branch (see stub_urls)."""
    try:
        reverse("conference:event-detail", kwargs={"slug": "x"})
    except NoReverseMatch:
        settings.ROOT_URLCONF = "tests.security.stub_urls"
        clear_url_caches()
    yield
    clear_url_caches()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Log-in tests hash many passwords; the production hasher is slow on purpose."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
