import pytest


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """Pages render without a collected static manifest (no collectstatic in tests)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
