"""Settings for the lead desk, read from the environment (django-environ).

Every variable read here has a line in .env.example.
"""

import datetime
import os
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# Optional; real environment variables win. DJANGO_ENV_FILE lets tests and
# deployments point elsewhere (or at nothing).
env.read_env(os.environ.get("DJANGO_ENV_FILE", BASE_DIR / ".env"))

# --- Core ---
DEBUG = env.bool("DJANGO_DEBUG", default=False)
# Without DEBUG, a missing key stops startup rather than running insecurely.
SECRET_KEY = env(
    "DJANGO_SECRET_KEY", default="dev-only-insecure-key" if DEBUG else env.NOTSET
)
ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "auditlog",
    "procrastinate.contrib.django",
    "accounts",
    "leads",
    "leads.worker",
    "leads.intake",
    "leads.imports",
    "leads.duplicates",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.time_zones.DealershipTimeZoneMiddleware",
    "accounts.audit.AuditActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

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
            ],
            # The lead list's tags live with the rest of its one-pass
            # rendering (leads/admin/lead_list/).
            "libraries": {"lead_list": "leads.admin.lead_list.templatetags"},
        },
    },
]

# --- Database ---
# PostgreSQL only: `make run` starts a cluster of the project's own and sets
# DATABASE_URL (scripts/run); a deployment points it at its server.
DATABASES = {"default": env.db()}
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("DATABASE_URL must name a PostgreSQL database.")
# psycopg 3's pool replaces persistent connections (CONN_MAX_AGE must be 0).
DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
    "min_size": env.int("DATABASE_POOL_MIN_SIZE", default=1),
    "max_size": env.int("DATABASE_POOL_MAX_SIZE", default=10),
    "timeout": env.float("DATABASE_POOL_TIMEOUT", default=10.0),
}
DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The API's rate limit is counted in the cache, so processes serving together
# must share one. scripts/serve offers a database table (SHARED_CACHE_URL);
# CACHE_URL, from the environment or .env, names another (e.g. redis://).
# A lone runserver keeps it in its memory.
CACHES = {
    "default": env.cache(
        "CACHE_URL", default=env("SHARED_CACHE_URL", default="locmemcache://")
    )
}

# --- Auth ---
AUTH_USER_MODEL = "accounts.User"
_PASSWORD_VALIDATION = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_PASSWORD_VALIDATION}.{name}"}
    for name in [
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    ]
]
LOGIN_URL = "admin:login"
# django-axes counts failed logins (per username and address, in the
# database) and refuses a locked-out pair before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "accounts.backends.DealershipUserBackend",
]
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=15)
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.lockout.locked_out"
# How many proxies in front of the app append to X-Forwarded-For (a load
# balancer, a TLS terminator): the client's address is the one the nearest
# appended. 0 ignores the header, which a client could otherwise forge.
TRUSTED_PROXY_COUNT = env.int("DJANGO_TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "accounts.client_address.client_address"

# --- Language and time ---
LANGUAGE_CODE = env("DJANGO_LANGUAGE_CODE", default="en")
LANGUAGES = [("en", "English"), ("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("DJANGO_TIME_ZONE", default="America/Toronto")
USE_I18N = True
USE_TZ = True

# --- Static files ---
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "staticfiles")
# Uploaded files (the CSV files of lead imports). Never served as they are:
# the admin streams each to those allowed to read it. Workers on other
# machines need the same storage (a shared volume, or an object store
# configured in STORAGES["default"]).
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "media")
# whitenoise serves collected, compressed static files from the app server.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# --- Security ---
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
# Load balancers probe the health check over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^health/?$"]
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = not DEBUG
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int(
    "DJANGO_SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool(
    "DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True
)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
# Lead payloads are small; a bigger body is an accident or an attack.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DJANGO_MAX_BODY_BYTES", default=1024 * 1024)

# --- Audit (django-auditlog) ---
# Every change to a lead and its contact data, with who, when and the old
# and new values; accounts.audit shows them to managers.
_AUDIT_UNTRACKED = ["updated_at"]
AUDITLOG_INCLUDE_TRACKING_MODELS = [
    # The contact data is audited as its own rows, not as the lead's.
    {
        "model": "leads.lead",
        "exclude_fields": [*_AUDIT_UNTRACKED, "emails", "phones", "vehicles"],
    },
    # `valid` is computed by the database from the address or number.
    {"model": "leads.leademail", "exclude_fields": [*_AUDIT_UNTRACKED, "valid"]},
    {"model": "leads.leadphone", "exclude_fields": [*_AUDIT_UNTRACKED, "valid"]},
    {"model": "leads.leadvehicle", "exclude_fields": _AUDIT_UNTRACKED},
]
# Values keep their JSON types: null is not the string "None".
AUDITLOG_STORE_JSON_CHANGES = True

# --- Background jobs (procrastinate, leads/worker/) ---
# Each app's jobs are in its jobs.py, enqueued in the same database and
# transaction as the change they belong to.
PROCRASTINATE_AUTODISCOVER_MODULE_NAME = "jobs"
# Modules of jobs beyond the apps' (the tests' own jobs).
PROCRASTINATE_IMPORT_PATHS = env.list("WORKER_IMPORT_PATHS", default=[])
PROCRASTINATE_ON_APP_READY = "leads.worker.setup.configure"
# A worker reports this often; one silent this long is taken for dead, its
# running jobs retried, and /health says no worker is up.
WORKER_HEARTBEAT_SECONDS = env.float("WORKER_HEARTBEAT_SECONDS", default=10.0)
WORKER_STALLED_SECONDS = env.float("WORKER_STALLED_SECONDS", default=30.0)
# An API token unused this long is flagged for managers to revoke.
API_TOKEN_UNUSED_DAYS = env.int("API_TOKEN_UNUSED_DAYS", default=90)

# --- Lead intake (leads/intake/) ---
# Where providers send documents: the base of the channels' HTTP addresses,
# and the domain of their email addresses (its MX pointing at intake_smtp).
INTAKE_BASE_URL = env("INTAKE_BASE_URL", default="http://127.0.0.1:8000")
INTAKE_EMAIL_DOMAIN = env("INTAKE_EMAIL_DOMAIN", default="intake.localhost")
# A document bigger than this is refused (HTTP 413, SMTP 552), unread.
INTAKE_MAX_BYTES = env.int("INTAKE_MAX_BYTES", default=5_000_000)

# --- API ---
API_THROTTLE_RATE = env("API_THROTTLE_RATE", default="200/minute")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "config.api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["config.api.permissions.RolePermissions"],
    "DEFAULT_RENDERER_CLASSES": [
        "config.api.renderers.EnvelopeJSONRenderer",
        # For people signed in to the admin, exploring the API in a browser.
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": ["config.api.parsers.JSONBodyParser"],
    "DEFAULT_PAGINATION_CLASS": "config.api.pagination.ActivixPagination",
    "DEFAULT_FILTER_BACKENDS": ["config.api.filters.BracketFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.UserRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"user": API_THROTTLE_RATE},
    "DEFAULT_SCHEMA_CLASS": "config.api.schema.ActivixAutoSchema",
    "EXCEPTION_HANDLER": "config.api.exceptions.handle_exception",
    # OPTIONS answers 405: the OpenAPI schema describes the routes instead.
    "DEFAULT_METADATA_CLASS": None,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Lead desk API",
    "DESCRIPTION": "Leads of car dealerships, in the Activix CRM API v2 dialect.",
    "VERSION": "2",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v2",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "LeadTypeEnum": "leads.models.choices.Type",
        "CivilityEnum": "leads.models.choices.Civility",
        "EmailTypeEnum": "leads.models.choices.EmailType",
        "PhoneTypeEnum": "leads.models.choices.PhoneType",
        "VehicleTypeEnum": "leads.models.choices.VehicleType",
    },
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "config.api.schema.envelope_responses",
    ],
}
