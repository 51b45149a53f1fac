"""Django settings for Styr.

Every setting that differs between machines comes from an environment variable, so the
same code runs as a laptop demo on SQLite and as several stateless app servers behind a
load balancer on one PostgreSQL. See README.md ("Configuration") for the list.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("STYR_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# An insecure key is only acceptable for local development and tests.
SECRET_KEY = os.environ.get("SECRET_KEY") or (
    "styr-insecure-development-key-change-me" if DEBUG or os.environ.get("STYR_DEV") else ""
)
if not SECRET_KEY:
    raise RuntimeError("SECRET_KEY must be set when DEBUG is off (see README, Configuration).")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "django_tasks",
    "django_tasks_db",
    "core",
    "jobs",
    "accounts",
    "organisations",
    "notifications",
    "strategy",
    "initiatives",
    "finance",
    "benefits",
    "portfolio",
    "governance",
    "reporting",
    "meetings",
    "assessments",
    "involvement",
    "cycle",
    "publication",
    "catalogue",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    "core.middleware.LanguageMiddleware",
    "core.middleware.ApiTextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "styr.urls"
WSGI_APPLICATION = "styr.wsgi.application"

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
                "django.template.context_processors.i18n",
                "core.context_processors.styr",
            ],
            "builtins": ["template_partials.templatetags.partials"],
        },
    }
]

VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'styr.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL and a busy timeout let the web server and the demo loader share the file.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's default random_page_cost (4) assumes spinning disks: joining 300 rows to
    # their initiatives then reads all 30,000 initiatives of a large server instead of 300
    # index lookups (6 ms against 0.8). 1.1 is the usual setting for SSDs and for data in
    # memory. Empty leaves the server's own setting (e.g. behind a pooler that refuses
    # startup options).
    page_cost = os.environ.get("DB_RANDOM_PAGE_COST", "1.1")
    if page_cost:
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
            f"-c random_page_cost={float(page_cost)}"
        )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Every xlsx upload (core.uploads): the file, what it unpacks to, its shared text, its
# rows, and how many errors one upload reports before it stops reading.
UPLOAD_MAX_BYTES = int(os.environ.get("UPLOAD_MAX_BYTES", 5_000_000))
UPLOAD_MAX_UNPACKED_BYTES = int(os.environ.get("UPLOAD_MAX_UNPACKED_BYTES", 50_000_000))
UPLOAD_MAX_TEXT_BYTES = int(os.environ.get("UPLOAD_MAX_TEXT_BYTES", 5_000_000))
UPLOAD_MAX_ROWS = int(os.environ.get("UPLOAD_MAX_ROWS", 10_000))
UPLOAD_MAX_ERRORS = 50
AUTH_USER_MODEL = "accounts.User"

# The cache every process shares, so that the login rate limits hold across workers and app
# servers: Redis when REDIS_URL is set, else a table in the database (core migration 0002).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "styr_cache",
        }
    }

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Languages: Danish by default, complete English and Norwegian Bokmål.
LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Danish")), ("nb", _("Norwegian Bokmål")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [
    ("dkfds", BASE_DIR / "node_modules" / "dkfds" / "dist"),
    ("htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
    BASE_DIR / "static",
]
# Uploaded files (screenshots of hassles): kept on disk here, served only through views
# that check the organisation; back the folder up with the database.
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"

# django-allauth: e-mail login, optional verification, rate limits, TOTP MFA.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = os.environ.get("ACCOUNT_EMAIL_VERIFICATION", "optional")
ACCOUNT_ALLOW_SIGNUPS = env_bool("ACCOUNT_ALLOW_SIGNUPS", False)
ACCOUNT_ADAPTER = "organisations.adapter.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "organisations.adapter.SocialAccountAdapter"
ACCOUNT_FORMS = {"login": "accounts.forms.LoginForm"}
ACCOUNT_RATE_LIMITS = {
    "login_failed": os.environ.get("LOGIN_RATE_LIMIT", "5/5m/ip,5/5m/key"),
    "login": "30/m/ip",
}
ACCOUNT_SESSION_REMEMBER = None
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Styr"

# OpenID Connect to the municipality's own identity provider (Entra ID, AD FS, any OIDC).
SOCIALACCOUNT_PROVIDERS: dict = {}
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = env_bool("OIDC_EMAIL_AUTHENTICATION", True)
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
if os.environ.get("OIDC_CLIENT_ID"):
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [
            {
                "provider_id": os.environ.get("OIDC_PROVIDER_ID", "municipality"),
                "name": os.environ.get("OIDC_NAME", "Kommunens login"),
                "client_id": os.environ["OIDC_CLIENT_ID"],
                "secret": os.environ.get("OIDC_CLIENT_SECRET", ""),
                "settings": {"server_url": os.environ["OIDC_SERVER_URL"]},
            }
        ],
    }

# E-mail: console by default; SMTP when EMAIL_URL-style variables are set.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "styr@localhost")
# The background queue (jobs.queue): django-tasks on Styr's own database, served by
# `styr worker`; the periodic work each worker queues, in seconds between turns.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
STYR_PERIODIC_JOBS = {
    "notifications.services.deliver_outbox": 30.0,  # retries; new mail queues its own
    "cycle.services.run_daily": 60.0,
    "jobs.queue.prune": 3600.0,
    "assessments.services.remind_respondents": 3600.0,
    "strategy.services.measure_goals": 21600.0,
    "publication.services.remind_activity_owners": 3600.0,
    "catalogue.reviews.ask_for_after_reviews": 21600.0,
    "benefits.services.store_missing_figures": 86400.0,
}

# The address links in e-mails and calendar feeds point to.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if env_bool("BEHIND_TLS_PROXY", False):
    # The proxy terminates TLS: trust its X-Forwarded-Proto, send plain HTTP to HTTPS and
    # tell browsers to come back over HTTPS only (a year; preload is the operator's choice).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", 31_536_000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", False)
    SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", False)
    SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]  # the load balancer asks over HTTP
# Preloading HSTS binds every subdomain of the operator's domain for years; it stays opt-in.
# models.W040: covering indexes (Index.include) are for PostgreSQL; SQLite makes them plain
# indexes, which is what we want there, so the warning says nothing to act on.
SILENCED_SYSTEM_CHECKS = ["security.W005", "security.W021", "models.W040"]

# Every page's scripts, styles, images and fonts come from our own static files: no
# inline script or style, no CDN (core.middleware.SecurityHeadersMiddleware sends it).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
