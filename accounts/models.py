"""People who log in, and their personal access tokens for the API."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractUser):
    """A person: municipal staff log in with their e-mail or their own identity provider.

    One user may be a member of several organisations (a consultant, a shared service),
    with a role in each (organisations.Membership).
    """

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=150, blank=True)
    # A site-wide role beside the organisation roles: keeps what every organisation on the
    # server shares (the joint solutions of the shared catalogue).
    is_platform_admin = models.BooleanField(
        _("platform administrator"), default=False, db_default=False
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, blank=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        ordering = ["name", "email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.name or self.email

    def get_full_name(self) -> str:
        return self.name or self.email

    def get_short_name(self) -> str:
        return self.name or self.email


class TokenScope(models.TextChoices):
    READ = "read", _("Read")
    WRITE = "write", _("Read and write")


TOKEN_PREFIX = "styr_"


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class PersonalAccessTokenQuerySet(models.QuerySet):
    def active(self):
        now = timezone.now()
        return self.filter(revoked=False).filter(
            models.Q(expires__isnull=True) | models.Q(expires__gt=now)
        )


class PersonalAccessToken(models.Model):
    """A secret that lets a program use the API as its user, in one organisation.

    Only a SHA-256 digest is stored: the token itself is shown once, when it is made.
    A read token cannot change anything, whatever its user's role; a write token can do
    what the user's role allows, no more.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tokens"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=80)
    scope = models.CharField(
        _("access"), max_length=5, choices=TokenScope.choices, default=TokenScope.READ
    )
    prefix = models.CharField(max_length=12, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)
    expires = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked = models.BooleanField(default=False)

    objects = PersonalAccessTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("personal access token")
        verbose_name_plural = _("personal access tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, *, user, organisation, name: str, scope: str, expires=None):
        """Create a token and return it with the raw secret, which is never stored."""
        raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user,
            organisation=organisation,
            name=name,
            scope=scope,
            prefix=raw[: len(TOKEN_PREFIX) + 6],
            digest=_digest(raw),
            expires=expires,
        )
        return token, raw

    @classmethod
    def authenticate(cls, raw: str) -> PersonalAccessToken | None:
        if not raw or not raw.startswith(TOKEN_PREFIX):
            return None
        token = (
            cls.objects.active()
            .select_related("user", "organisation")
            .filter(digest=_digest(raw), user__is_active=True)
            .first()
        )
        if token is not None and (
            token.last_used is None or (timezone.now() - token.last_used).total_seconds() > 60
        ):
            # Written at most once a minute so a busy integration does not write on every call.
            cls.objects.filter(pk=token.pk).update(last_used=timezone.now())
        return token
