"""Municipalities, the people in them and their roles."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import DecimalField, OrgOwned

from .permissions import Perm, Role, has_perm


class Country(models.TextChoices):
    DK = "DK", _("Denmark")
    NO = "NO", _("Norway")


class Currency(models.TextChoices):
    DKK = "DKK", "DKK"
    NOK = "NOK", "NOK"


CURRENCY_FOR_COUNTRY = {Country.DK: Currency.DKK, Country.NO: Currency.NOK}
LANGUAGE_FOR_COUNTRY = {Country.DK: "da", Country.NO: "nb"}
# The discount rate a business case uses unless the organisation sets another: the Danish
# Ministry of Finance's socio-economic rate since 2021, and Norway's circular R-109.
DISCOUNT_RATE_FOR_COUNTRY = {Country.DK: Decimal("3.5"), Country.NO: Decimal("4.0")}

code_validator = RegexValidator(r"^\d{4}$", _("The code must be four digits, e.g. 0751."))


class Municipality(models.Model):
    """Master data: an official Danish or Norwegian municipality.

    The 98 Danish municipalities (kommunekode) and the 357 Norwegian ones (kommunenummer,
    the division from 2024) ship with Styr, so an administrator picks one instead of typing
    the code. Not tenant data: every organisation on the server sees the same list.
    """

    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    code = models.CharField(_("code"), max_length=4, validators=[code_validator])
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["country", "name"]
        constraints = [
            models.UniqueConstraint(fields=["country", "code"], name="unique_municipality_code")
        ]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Organisation(models.Model):
    """One municipality using Styr: the tenant.

    Everything else in Styr (strategies, initiatives, history, tokens) belongs to exactly
    one organisation, and no page or API call ever shows one organisation's rows to a user
    who is not a member of it.
    """

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("address name"),
        max_length=60,
        unique=True,
        help_text=_("Used in addresses, e.g. /aarhus/. Lower-case letters, digits and hyphens."),
    )
    code = models.CharField(_("municipality code"), max_length=4, validators=[code_validator])
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    discount_rate = DecimalField(
        _("discount rate (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(20)],
        help_text=_("Used to discount business cases. 3.5 % in Denmark, 4 % in Norway."),
    )
    horizon_years = models.PositiveSmallIntegerField(
        _("business case horizon (years)"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
    )
    lag_threshold = models.PositiveSmallIntegerField(
        _("lagging threshold (%)"),
        default=10,
        validators=[MaxValueValidator(100)],
        help_text=_("A benefit is flagged when it is this far behind its plan."),
    )
    inhabitants = models.PositiveIntegerField(
        _("inhabitants"),
        null=True,
        blank=True,
        help_text=_("So others in the shared catalogue can find municipalities of your size."),
    )
    shares_benchmark = models.BooleanField(
        _("take part in the benchmark"),
        default=False,
        db_default=False,
        help_text=_(
            "Compare four key figures with the other organisations that take part (median "
            "and quartiles, never names, from five organisations up)."
        ),
    )
    email_domains = models.CharField(
        _("e-mail domains"),
        max_length=300,
        blank=True,
        default="",
        db_default="",
        help_text=_(
            "E.g. skovby.dk, skovby-skole.dk. A person who logs in through the municipality's "
            "login, or with a verified e-mail on one of these domains, becomes a contributor."
        ),
    )
    answer_days = models.PositiveSmallIntegerField(
        _("days to answer an idea or hassle"),
        default=30,
        db_default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if self.discount_rate is None:
            self.discount_rate = DISCOUNT_RATE_FOR_COUNTRY.get(self.country, Decimal("3.5"))
        super().save(*args, **kwargs)

    def domains(self) -> set[str]:
        """The e-mail domains whose people may join as contributors, lower-cased."""
        return {d.strip().lstrip("@").lower() for d in self.email_domains.split(",") if d.strip()}


class Department(OrgOwned):
    """A department (forvaltning / sektor) of the municipality: where budgets are reduced
    when a benefit is harvested, and where benefit owners sit."""

    name = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="unique_department_per_org"
            )
        ]
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A user's place in an organisation, with one role (see permissions.py)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.READER)
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    email_digest = models.BooleanField(
        _("one daily e-mail"),
        default=False,
        help_text=_("Collect notifications in one e-mail a day instead of one e-mail each."),
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership")
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation} · {self.get_role_display()}"

    def can(self, perm: Perm) -> bool:
        return has_perm(self.role, perm)
