"""Settings for the test suite: the development secret key and plain-HTTP cookies (the
live server in the browser tests speaks HTTP). Everything else is styr.settings."""

import os

os.environ.setdefault("STYR_DEV", "1")
os.environ.setdefault("SECURE_COOKIES", "0")

from .settings import *  # noqa: E402,F403

# Uploads stay in memory: a test run leaves no files behind.
STORAGES = {**STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}  # noqa: F405
