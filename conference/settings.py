"""Settings for Plenary, driven by environment variables (see .env.example)."""

from pathlib import Path
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment or in .env "
            "(only a DEBUG run may start without one)."
        )
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

AUTH_USER_MODEL = "conference.User"

INSTALLED_APPS = [
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_countries",
    "adminsortable2",
    "django_htmx",
    "import_export",
    "reversion",
    "csp",
    "axes",
    "core",
    "conference",
    "speakers",
    "documents",
    "programme",
    "public",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "core.middleware.MediaHeadersMiddleware",
    # Last, as django-axes asks: it turns a locked-out log-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First: refuses log-ins from a locked account or address before checking the password.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "conference.urls"
WSGI_APPLICATION = "conference.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
    {
        # The pieces a programme prints hundreds of times (a slot, its documents): Jinja2
        # compiles them to Python; public/jinja2.py makes it speak as the Django templates.
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "public.jinja2.environment"},
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'plenary.sqlite3'}"),
}
DATABASES["default"].setdefault("ATOMIC_REQUESTS", False)
# Each process keeps its connection for CONN_MAX_AGE seconds (?conn_max_age= in
# DATABASE_URL wins), checked before it is reused: opening one costs about 4 ms on
# PostgreSQL, a quarter of a render of the demo programme. 0 closes it after each request.
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds the public pages and their generations (core/cache.py), so every process
# that serves or changes pages must share it. CACHE_URL=redis://… in production; unset, a
# file-based cache in .cache/ beside manage.py, shared by the gunicorn workers and the
# manage.py commands of one machine (not by several machines: use Redis for those).
CACHE_URL = env.str("CACHE_URL", default="")
if CACHE_URL:
    CACHES = {"default": env.cache_url_config(CACHE_URL)}
    if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
        # The same backend, keeping one Redis client per server instead of one per call.
        CACHES["default"]["BACKEND"] = "core.redis_cache.RedisCache"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(BASE_DIR / ".cache"),
            # Beyond this a third of the entries, chosen at random, is removed: a page
            # rendered again, or a generation started again (its pages then miss).
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
    }
# Public pages and feeds are cached for anonymous visitors (core/cache.py), and the
# programme's slots and the A–Z list's speakers as fragments (public/fragments.py).
# PLENARY_PAGE_CACHE=0 renders every request, fragments included (the benchmarks' cold
# measurements); PLENARY_PAGE_CACHE=fragments keeps the fragments but stores no page, so
# that every request assembles its page from them (bench/peer's "after one slot's edit").
_PAGE_CACHE_MODE = env.str("PLENARY_PAGE_CACHE", default="1").strip().lower()
FRAGMENT_CACHE_ENABLED = _PAGE_CACHE_MODE == "fragments" or env.bool(
    "PLENARY_PAGE_CACHE", default=True
)
PAGE_CACHE_ENABLED = FRAGMENT_CACHE_ENABLED and _PAGE_CACHE_MODE != "fragments"
# Seconds a cached page is kept; changes invalidate it at once whatever this says.
PAGE_CACHE_TIMEOUT = env.int("PLENARY_PAGE_CACHE_TIMEOUT", default=24 * 60 * 60)
# Minutes a change to a published programme waits before it is listed publicly, so that
# staff can mark a typo fix silent (programme/changes.py); 0 lists changes at once.
CHANGES_GRACE_MINUTES = env.int("PLENARY_CHANGES_GRACE_MINUTES", default=10)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "admin:login"
# Where a log-in lands when its `next` is missing or refused (not /accounts/profile/, a 404).
LOGIN_REDIRECT_URL = "admin:index"

# E-mail: the staff's password reset and the messages to speakers (links, reminders). Unset,
# messages are written to the console log; in production EMAIL_URL=smtp+tls://user:password@
# host:587 (STARTTLS) or smtp+ssl://user:password@host:465, the user and password percent-encoded.
EMAIL_URL = env.str("EMAIL_URL", default="") or "consolemail://"
globals().update(
    {key: value for key, value in env.email_url_config(EMAIL_URL).items() if value is not None}
)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Seconds to wait for the mail server before a message is reported as not sent.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
# A password-reset link works once, for this many seconds (a day).
PASSWORD_RESET_TIMEOUT = 24 * 60 * 60

# Languages of the interface and of the programme's content.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# English dates in the UN's form (“8 October 2018”); French and Spanish use Django's own.
FORMAT_MODULE_PATH = ["conference.formats"]
USE_I18N = True
TIME_ZONE = "Europe/Zurich"
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")

# Upload limits (bytes); files are checked by content before they are stored.
DOCUMENT_MAX_UPLOAD_SIZE = env.int("DOCUMENT_MAX_UPLOAD_SIZE", default=50 * 1024 * 1024)
IMAGE_MAX_UPLOAD_SIZE = env.int("IMAGE_MAX_UPLOAD_SIZE", default=20 * 1024 * 1024)
IMAGE_MAX_PIXELS = env.int("IMAGE_MAX_PIXELS", default=50_000_000)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

COUNTRIES_FIRST = ["CH"]

# Public address of the site, for links in exports written outside a request (export_csv).
SITE_URL = env.str("SITE_URL", default="http://localhost:8000")

# Security. Secure by default: with DEBUG off every protection is on; local development
# (DEBUG=1, as `make run` sets it) turns them off explicitly. Each one can be overridden by
# the environment variable of the same name (see .env.example and the README).
#
# Behind a reverse proxy that terminates TLS, set TRUST_X_FORWARDED_PROTO=1: the proxy must
# then send X-Forwarded-Proto: https (and strip it from clients' requests) so that Django
# knows the request was secure; see SECURE_PROXY_SSL_HEADER further down and the README.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# Load balancers probe /healthz over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = env.str("SECURE_REFERRER_POLICY", default="same-origin")
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Content Security Policy (django-csp 4): no inline scripts or styles anywhere, the admin
# included. JSON-LD blocks (<script type="application/ld+json">) are data, not scripts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    },
}
# Who may show the embeddable programme (/embed/<lang>/events/<slug>/) in a frame: the CSP
# frame-ancestors sources of those pages only; every other page refuses to be framed.
EMBED_FRAME_ANCESTORS = env.list("EMBED_FRAME_ANCESTORS", default=["*"])

# django-axes: repeated wrong passwords lock the pair of user name AND address they came
# from ([["username", "ip_address"]]): five wrong passwords typed elsewhere, by anyone, do
# not lock the owner out from their usual address, and the owner who forgot their password
# uses "Forgotten your password?". "username,ip_address" (separate entries) would lock the
# account everywhere and the address for everyone.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_TIME", default=0.5)  # hours
AXES_LOCKOUT_PARAMETERS = [
    [part for part in entry.split("+") if part] if "+" in entry else entry
    for entry in env.list("AXES_LOCKOUT_PARAMETERS", default=["username+ip_address"])
]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
# How many reverse proxies in front of the site append to X-Forwarded-For: 0 uses the
# connection's address; 1 (one nginx) uses the address that proxy saw.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "core.security.client_ip"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# --- Scale-out (issue 8): the web process keeps no state of its own --------------------------
# Several web containers can serve behind one load balancer: sessions live in the database
# (default) or the shared cache (Redis, or the file cache of one machine; a local-memory
# cache of one process is refused), and uploaded files go through Django's storage API, to
# MEDIA_ROOT (a volume shared by every container) or to an S3-compatible bucket when
# AWS_STORAGE_BUCKET_NAME is set (`pip install ".[s3]"`). django-storages reads the access
# keys from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment.
SESSION_ENGINES = {
    "db": "django.contrib.sessions.backends.db",
    "cache": "django.contrib.sessions.backends.cache",
    "cached_db": "django.contrib.sessions.backends.cached_db",
}
SESSION_ENGINE = env.str("SESSION_ENGINE", default="db")
SESSION_ENGINE = SESSION_ENGINES.get(SESSION_ENGINE, SESSION_ENGINE)
if (
    not DEBUG
    and SESSION_ENGINE.endswith(".cache")
    and CACHES["default"]["BACKEND"].endswith("LocMemCache")
):
    raise ImproperlyConfigured(
        "SESSION_ENGINE=cache keeps sessions in the cache, but CACHE_URL is a local-memory "
        "cache of one process: set CACHE_URL=redis://… or use SESSION_ENGINE=db."
    )

AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "location": env.str("AWS_LOCATION", default=""),
            # The bucket stays private: documents of drafts must not be readable by
            # address, so every URL is signed and expires.
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": env.int("AWS_QUERYSTRING_EXPIRE", default=3600),
            "file_overwrite": False,
        },
    }

# Uploaded files shown from another origin (the bucket's signed URLs, a CDN) must be
# allowed as image and media sources by the Content Security Policy.
MEDIA_ORIGINS = env.list("CSP_MEDIA_ORIGINS", default=[])
if AWS_STORAGE_BUCKET_NAME:
    _endpoint = STORAGES["default"]["OPTIONS"]["endpoint_url"]
    if _endpoint:
        _parts = urlsplit(_endpoint)
        MEDIA_ORIGINS.append(f"{_parts.scheme}://{_parts.netloc}")
    else:
        _region = STORAGES["default"]["OPTIONS"]["region_name"] or "us-east-1"
        MEDIA_ORIGINS += [
            f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com",
            f"https://{AWS_STORAGE_BUCKET_NAME}.s3.{_region}.amazonaws.com",
            f"https://s3.{_region}.amazonaws.com",
        ]
for _directive in ("img-src", "media-src"):
    CONTENT_SECURITY_POLICY["DIRECTIVES"][_directive] += MEDIA_ORIGINS

# Behind nginx or a load balancer that terminates HTTPS and sets X-Forwarded-Proto.
if env.bool("TRUST_X_FORWARDED_PROTO", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
