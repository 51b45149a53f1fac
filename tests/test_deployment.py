"""A production configuration passes Django's deployment checks, and every page carries
the security headers (issue 12)."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_check_deploy_is_clean_for_a_production_configuration(tmp_path):
    # The environment of a production server: no development or test switches.
    dropped = {"DEBUG", "STYR_DEV", "DJANGO_SETTINGS_MODULE", "SECURE_COOKIES"}
    dropped.add("DJANGO_ALLOW_ASYNC_UNSAFE")  # set by Playwright for the browser tests
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="styr.skovby.dk",
        CSRF_TRUSTED_ORIGINS="https://styr.skovby.dk",
        BEHIND_TLS_PROXY="1",
        STYR_VAR_DIR=str(tmp_path),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_every_page_has_a_strict_content_security_policy(client, member):
    client.force_login(member)
    r = client.get("/skovby/")
    policy = r.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert "<script>" not in r.content.decode() and " style=" not in r.content.decode()


def test_hsts_is_sent_over_tls(client, settings, db):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    r = client.get("/healthz/", secure=True)
    assert r.headers["Strict-Transport-Security"].startswith("max-age=31536000")
