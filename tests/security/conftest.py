import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Log-in tests hash many passwords; the production hasher is slow on purpose."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
