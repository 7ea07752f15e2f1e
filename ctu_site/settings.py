"""Settings for ctu_site, read from the environment (see .env.example).

With no environment at all this gives a development site: SQLite, a local-memory cache and
email printed to the console. Production sets DEBUG=false and the variables the README lists.
"""

import base64
import hashlib
import sys
from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from ctu_site.storage import media_storage

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A .env file is read for convenience in development; the real environment wins.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
TESTING = env.bool("TESTING", default="pytest" in sys.modules)

# Development and tests may run without secrets; production must not.
_DEV_SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"  # noqa: S105
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
if not DEBUG and not TESTING:
    missing = [
        name
        for name, value in (("SECRET_KEY", SECRET_KEY), ("ALLOWED_HOSTS", ALLOWED_HOSTS))
        if not value
    ]
    if missing:
        raise ImproperlyConfigured(
            f"{' and '.join(missing)} must be set when DEBUG is off. "
            "Set them in the environment (see .env.example), "
            "or set DEBUG=true for local development."
        )
if not SECRET_KEY:
    SECRET_KEY = _DEV_SECRET_KEY

# Prevent referrals are encrypted at rest with these Fernet keys (comma-separated, newest
# first; `manage.py rotate_referral_keys` re-encrypts with the newest). Production must set
# them; development and tests use a key derived from the development secret.
PREVENT_ENCRYPTION_KEYS = env.list("PREVENT_ENCRYPTION_KEYS", default=[])
if not PREVENT_ENCRYPTION_KEYS:
    if not DEBUG and not TESTING:
        raise ImproperlyConfigured(
            "PREVENT_ENCRYPTION_KEYS must be set when DEBUG is off: Prevent referrals are "
            'encrypted with it. Make one with: python -c "from cryptography.fernet import '
            'Fernet; print(Fernet.generate_key().decode())"'
        )
    PREVENT_ENCRYPTION_KEYS = [
        base64.urlsafe_b64encode(hashlib.sha256(_DEV_SECRET_KEY.encode()).digest()).decode()
    ]
if DEBUG and not ALLOWED_HOSTS:
    ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# How many proxies (nginx, a CDN) stand in front of the site. Rate limits then read the client's
# address from X-Forwarded-For, that many entries from the right; 0 uses REMOTE_ADDR.
TRUSTED_PROXY_HOPS = env.int("TRUSTED_PROXY_HOPS", default=0)
# A form sent without a valid token gets the site's 403 page, which says it was not received.
CSRF_FAILURE_VIEW = "core.errors.csrf_failure"

# --- The unit -------------------------------------------------------------------------------------
FORCE_NAME = env.str("FORCE_NAME", default="West Midlands Police")
UNIT_NAME = env.str("UNIT_NAME", default="West Midlands Counter Terrorism Unit")
# The unit's feedback mailbox was lost from the source material: it must be configured.
FEEDBACK_MAILBOX = env.str("FEEDBACK_MAILBOX", default="ctu-feedback@example.org")
# Requests for a Counter Terrorism Security Adviser go to the Protect team (a reference and a
# link only, like feedback notices).
PROTECT_MAILBOX = env.str("PROTECT_MAILBOX", default="ctu-protect@example.org")
# Closed feedback older than this is deleted by `manage.py purge_feedback` (a scheduled job).
FEEDBACK_RETENTION_DAYS = env.int("FEEDBACK_RETENTION_DAYS", default=365)
# Where new Prevent referral notices go (a reference and a link only, never the content).
PREVENT_MAILBOX = env.str("PREVENT_MAILBOX", default="prevent-referrals@example.org")
# Closed referrals are deleted this many days after closing by `manage.py purge_referrals`.
REFERRAL_RETENTION_DAYS = env.int("REFERRAL_RETENTION_DAYS", default=30)
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# Outside services move; keep their addresses in settings, not templates.
ACT_ONLINE_REPORT_URL = env.str("ACT_ONLINE_REPORT_URL", default="https://act.campaign.gov.uk/")
MI5_REPORT_URL = env.str("MI5_REPORT_URL", default="https://www.mi5.gov.uk/contact-us")
MI5_THREAT_LEVEL_URL = env.str(
    "MI5_THREAT_LEVEL_URL", default="https://www.mi5.gov.uk/threat-levels"
)
# An incident alert that does not need the database (shown on every page, error pages included).
INCIDENT_ALERT_FILE = env.str("INCIDENT_ALERT_FILE", default="")
INCIDENT_ALERT_HEADLINE = env.str("INCIDENT_ALERT_HEADLINE", default="")
INCIDENT_ALERT_MESSAGE = env.str("INCIDENT_ALERT_MESSAGE", default="")
INCIDENT_ALERT_SEVERITY = env.str("INCIDENT_ALERT_SEVERITY", default="urgent")
INCIDENT_ALERT_URL = env.str("INCIDENT_ALERT_URL", default="")
# /.well-known/security.txt (RFC 9116).
SECURITY_TXT_CONTACT = env.str("SECURITY_TXT_CONTACT", default="mailto:security@example.org")
# An ISO 8601 date; unset, security.txt expires 180 days after the site started.
SECURITY_TXT_EXPIRES = env.str("SECURITY_TXT_EXPIRES", default="")
# Where the "Exit this page" button on Prevent pages sends someone in a hurry.
EXIT_THIS_PAGE_URL = env.str("EXIT_THIS_PAGE_URL", default="https://www.bbc.co.uk/weather")
# Routes for people who are deaf, hard of hearing or speech-impaired, and after a major
# incident. Each is a national service's own page: check them when the services change.
EMERGENCY_SMS_URL = env.str("EMERGENCY_SMS_URL", default="https://www.emergencysms.net/")
BSL_999_URL = env.str("BSL_999_URL", default="https://999bsl.co.uk/")
RELAY_UK_URL = env.str("RELAY_UK_URL", default="https://www.relayuk.bt.com/")
MAJOR_INCIDENT_PORTAL_URL = env.str("MAJOR_INCIDENT_PORTAL_URL", default="https://mipp.police.uk/")
COUNTER_TERRORISM_POLICING_URL = env.str(
    "COUNTER_TERRORISM_POLICING_URL", default="https://www.counterterrorism.police.uk/"
)
EXTREMIST_MATERIAL_REPORT_URL = env.str(
    "EXTREMIST_MATERIAL_REPORT_URL", default="https://www.gov.uk/report-terrorism"
)

# `manage.py check_links` requests only public addresses: never loopback, private, link-local
# (cloud metadata) or reserved ones, after every redirect too. Networks listed here are allowed
# anyway (tests point links at a local server this way); production leaves it empty.
LINK_CHECK_ALLOWED_NETWORKS = env.list("LINK_CHECK_ALLOWED_NETWORKS", default=[])

# --- Applications ---------------------------------------------------------------------------------
INSTALLED_APPS = [
    "ctu_site.apps.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "crispy_forms",
    "crispy_forms_gds",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks_db",
    "auditlog",
    "anymail",
    # Ours, lowest layer first (README "Layout"): core knows no other app; nothing imports
    # ctu_site, which only wires the others together.
    "core",
    "publishing",
    "library",
    "pages",
    "news",
    "operations",
    "alerts",
    "search",
    "contact",
    "referrals",
    "updates",
    "ctu_site",
]

MIDDLEWARE = [
    "core.middleware.CrossOriginResourcePolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Publishes what has reached its go-live time before any page is answered, cached or not.
    "publishing.schedule.ScheduledPublishingMiddleware",
    "core.middleware.NulInQueryMiddleware",
    "ctu_site.middleware.PublicPageCacheMiddleware",
    "core.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Who did it, for the audit log of staff actions (core/audit.py).
    "core.audit.AuditActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it answers a locked-out login with our 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ctu_site.urls"
WSGI_APPLICATION = "ctu_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
            ],
        },
    },
]

# --- Data -----------------------------------------------------------------------------------------
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Fail fast when PostgreSQL is unreachable so that the 503 page answers quickly.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 3)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
REDIS_BREAKER_SECONDS = env.float("REDIS_BREAKER_SECONDS", default=5)
# How long one cache call may wait. Redis answers in well under a millisecond; a call that takes
# this long means it is in trouble, and the breaker then skips it (bench/edge.py: with 1 s, a
# hung Redis pushed the slowest requests past 1.5 s).
REDIS_SOCKET_TIMEOUT = env.float("REDIS_SOCKET_TIMEOUT", default=0.25)
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                # django-redis's client behind a circuit breaker (core/cache.py): a hung Redis
                # costs one timeout per process every REDIS_BREAKER_SECONDS, not one per call.
                "CLIENT_CLASS": "core.cache.CircuitBreakerClient",
                # A Redis outage is a cache miss, never a 500.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": REDIS_SOCKET_TIMEOUT,
                "SOCKET_TIMEOUT": REDIS_SOCKET_TIMEOUT,
            },
            "KEY_PREFIX": "ctu",
        }
    }
    # The breaker logs when Redis stops and starts answering; not every skipped call.
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False
elif DEBUG and not TESTING:
    # `make run`: a cache in files, shared by the development server and management commands
    # (publish_scheduled, shell), so that what staff try locally behaves as with Redis.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": BASE_DIR / ".cache" / "django",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "ctu-site",
        }
    }
# Template fragments that are the same on every page ({% cache %} in base.html: the emergency
# strip and the footer) are kept in each process's memory: they depend only on code, settings
# and the language, and a trip to Redis would cost more than rendering them.
CACHES["template_fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "ctu-template-fragments",
}
# How long a rendered public page may be served from the cache. Publishing bumps the
# content version, so this only bounds how long an unchanged page is kept.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# While Redis is not answering, each process keeps up to this many pages for this long itself
# (core.cache.LocalPages): the longest a page can be out of date on one app server during a
# Redis outage, since a publish on another app server cannot reach this one's copy.
LOCAL_PAGE_CACHE_SECONDS = env.int("LOCAL_PAGE_CACHE_SECONDS", default=10)
LOCAL_PAGE_CACHE_ENTRIES = env.int("LOCAL_PAGE_CACHE_ENTRIES", default=200)

# Email updates (updates/): how long a confirmation link works (and an address that never
# confirms is kept), and how many confirmation emails one address can be sent in a day.
UPDATES_CONFIRM_DAYS = env.int("UPDATES_CONFIRM_DAYS", default=7)
UPDATES_CONFIRMATIONS_PER_DAY = env.int("UPDATES_CONFIRMATIONS_PER_DAY", default=3)
# Sending: subscribers per batch task (one SMTP connection each), the most emails a batch sends
# a second (0: no limit; set to what the mail provider allows), and tries per email.
UPDATES_BATCH_SIZE = env.int("UPDATES_BATCH_SIZE", default=500)
UPDATES_SEND_RATE = env.float("UPDATES_SEND_RATE", default=0)
UPDATES_SEND_ATTEMPTS = env.int("UPDATES_SEND_ATTEMPTS", default=3)
# Bounce and complaint webhooks (updates/webhooks.py): "user:password" the mail provider sends
# as HTTP basic auth. Empty (the default) switches the webhooks off (they answer 404).
ANYMAIL = {"WEBHOOK_SECRET": env("ANYMAIL_WEBHOOK_SECRET", default="")}
# What cached public pages tell browsers and shared caches (an edge cache, a CDN): browsers keep a
# page briefly and then revalidate it with its ETag (a 304 costs almost nothing); shared caches
# keep it as long as the page cache does; both may serve it stale while refetching, and an edge
# may serve it stale for a day if the site is down.
PAGE_BROWSER_MAX_AGE = env.int("PAGE_BROWSER_MAX_AGE", default=60)
PAGE_STALE_WHILE_REVALIDATE = env.int("PAGE_STALE_WHILE_REVALIDATE", default=60)
PAGE_STALE_IF_ERROR = env.int("PAGE_STALE_IF_ERROR", default=24 * 60 * 60)
# The edge cache in front of the site, purged by surrogate key on every change (core/edge.py):
# none, varnish, fastly or cloudflare.
EDGE_PURGE_BACKEND = env.str("EDGE_PURGE_BACKEND", default="none")
EDGE_VARNISH_URLS = env.list("EDGE_VARNISH_URLS", default=[])
EDGE_FASTLY_SERVICE_ID = env.str("EDGE_FASTLY_SERVICE_ID", default="")
EDGE_FASTLY_API_TOKEN = env.str("EDGE_FASTLY_API_TOKEN", default="")
EDGE_CLOUDFLARE_ZONE_ID = env.str("EDGE_CLOUDFLARE_ZONE_ID", default="")
EDGE_CLOUDFLARE_API_TOKEN = env.str("EDGE_CLOUDFLARE_API_TOKEN", default="")
# The static mirror the edge falls back to when every app server is down (manage.py
# build_mirror, rebuilt on a timer and after every publish): a path that build_mirror makes a
# symbolic link to its latest build, and nginx's mirror server serves. Empty: no mirror.
MIRROR_ROOT = env.str("MIRROR_ROOT", default="")

# Sessions live in the database; anonymous visitors never get one.
SESSION_COOKIE_AGE = 60 * 60 * 8

# --- Email and background work --------------------------------------------------------------------
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="no-reply@example.org")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
# Told of server errors (with referral details withheld) and of many failed sign-ins for one
# username (core/signin.py): comma-separated addresses.
ADMINS = env.list("ADMINS", default=[])
EMAIL_URL = env.str("EMAIL_URL", default="")
if EMAIL_URL:
    _email = env.email_url("EMAIL_URL")
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _email["EMAIL_HOST"],
                "port": _email["EMAIL_PORT"],
                "username": _email["EMAIL_HOST_USER"],
                "password": _email["EMAIL_HOST_PASSWORD"],
                "use_tls": _email.get("EMAIL_USE_TLS", False),
                "use_ssl": _email.get("EMAIL_USE_SSL", False),
                "timeout": 10,
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}

# Background work (notification emails). "immediate" runs a task inside the request, after the
# commit; "database" stores it in the same database and `manage.py db_worker` sends it, so a mail
# server outage delays a notification instead of losing it (production should use this).
TASK_BACKENDS = {
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
_tasks_backend = env.str("TASKS_BACKEND", default="") or "immediate"
TASKS = {"default": {"BACKEND": TASK_BACKENDS.get(_tasks_backend, _tasks_backend)}}

# --- Internationalisation -------------------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# --- Media library (library/) --------------------------------------------------------------------
# Uploaded images and documents. Never served straight from this folder: every file goes
# through library.views, which applies the privacy rule (README "Media library").
MEDIA_ROOT = env.str("MEDIA_ROOT", default=str(BASE_DIR / "media"))
MEDIA_URL = "/files/"
LIBRARY_MAX_IMAGE_MB = env.int("LIBRARY_MAX_IMAGE_MB", default=20)
LIBRARY_MAX_DOCUMENT_MB = env.int("LIBRARY_MAX_DOCUMENT_MB", default=50)
# Width x height above this is refused before it is decoded (a decompression bomb).
LIBRARY_MAX_IMAGE_PIXELS = env.int("LIBRARY_MAX_IMAGE_PIXELS", default=40_000_000)

# --- Static files ---------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    # The media library: MEDIA_ROOT, or S3-compatible object storage (ctu_site.storage).
    "default": media_storage(env.str("MEDIA_STORAGE_URL", default="")),
    "staticfiles": {
        # Hashed, compressed names in production; plain files in development and tests so that
        # nothing needs collectstatic before it runs.
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "ctu_site.storage.StaticStorage"
        ),
    },
}
WHITENOISE_MAX_AGE = 60 * 60
# Development and tests serve straight from static/ without collectstatic.
WHITENOISE_USE_FINDERS = DEBUG or TESTING
WHITENOISE_AUTOREFRESH = DEBUG or TESTING

# --- Security -------------------------------------------------------------------------------------
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
if not DEBUG:
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # The preload directive only takes effect once the domain is submitted to the browsers' list.
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not TESTING)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # The proxy in front terminates TLS and says so in this header.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

if TESTING:
    # Tests create and sign in many staff users; the slow production hash would dominate them.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Staff sign-in: django-axes locks a username out from one address after repeated failures.
# Counting the pair (not the address alone) keeps one person's typos in a shared office from
# locking out their colleagues; counting the address alone would do that. The lock lifts itself.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# A whole IPv6 /64 counts as one address, as it does for the rate limits.
AXES_CLIENT_IP_CALLABLE = "core.guards.client_network"
AXES_LOCKOUT_CALLABLE = "core.errors.staff_locked_out"
# Then a code from an authenticator app (ctu_site/admin_site.py). On by default wherever DEBUG is
# off; the development server leaves it off so that `make run` needs no phone.
STAFF_OTP_REQUIRED = env.bool("STAFF_OTP_REQUIRED", default=not DEBUG)
OTP_TOTP_ISSUER = "CTU website staff"

# --- Audit log (django-auditlog) -----------------------------------------------------------------
# Every staff change to these is recorded with who and when; publishing, reviewing and
# reverting are recorded by the publishing services (core.audit.record). Superusers read it in
# the admin under "Log entries"; nobody can change or delete an entry there. Prevent referrals
# are never here (their own access records are), and of feedback only the triage fields are,
# so that nothing a member of the public wrote is copied into the log.
_NOT_AUDITED = ["body_html", "tree_key", "depth", "updated_at", "latest_revision", "live_revision"]
AUDITLOG_INCLUDE_TRACKING_MODELS = (
    {"model": "pages.page", "exclude_fields": _NOT_AUDITED},
    "pages.redirect",
    "pages.usefullink",
    {"model": "news.newsitem", "exclude_fields": _NOT_AUDITED},
    {
        "model": "operations.operation",
        "exclude_fields": _NOT_AUDITED,
        "m2m_fields": ["related_operations"],
    },
    "publishing.removedaddress",
    "alerts.threatlevel",
    "alerts.threatlevelchange",
    {"model": "alerts.incidentalert", "exclude_fields": ["message_html"]},
    {"model": "alerts.incident", "exclude_fields": ["body_html", "updated_at"]},
    {"model": "alerts.incidentupdate", "exclude_fields": ["text_html"]},
    "contact.organisation",
    {"model": "contact.feedback", "include_fields": ["status", "assignee"]},
    # Role changes: who was put in which group, made staff or superuser.
    {
        "model": "auth.user",
        "exclude_fields": ["password", "last_login"],
        "m2m_fields": ["groups", "user_permissions"],
    },
)
AUDITLOG_DISABLE_REMOTE_ADDR = False

# --- Forms ----------------------------------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

# --- Logging --------------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    # Nothing a person wrote in a Prevent referral may reach a log (referrals/redaction.py).
    "filters": {
        "referral": {"()": "referrals.redaction.ReferralLogFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    # Every handler, Django's own included (they are redefined here with the filter: Django's
    # defaults would otherwise still be attached to its loggers without it).
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["referral"],
        },
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false", "referral"],
        },
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["referral"],
        },
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django": {"handlers": ["mail_admins"], "level": "INFO", "propagate": True},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
        # django-axes announces itself at every start-up; its lockout warnings still come through.
        "axes.apps": {"level": "WARNING"},
    },
}

# Django's error reports hide every POST value and local variable of referral requests.
DEFAULT_EXCEPTION_REPORTER_FILTER = "referrals.redaction.ReferralExceptionReporterFilter"
# Query parameters a cacheable public page may carry (list filters and pagination), each with the
# only form of its value that is cached: '?page=01' or '?page=1&page=1' is rendered afresh rather
# than stored again, so made-up variants cannot grow the cache.
PAGE_CACHE_QUERY_PARAMETERS = {
    "page": r"[1-9][0-9]{0,3}",
    "decade": r"[0-9]{4}s|not-recorded",
    "outcome": r"[a-z_]{1,30}",
}
