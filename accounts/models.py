import zoneinfo

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from .constraints import choices_check, province_matches_country_check
from .iso_choices import Country, Language, Province
from .tenancy import DealershipScopedQuerySet


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("%(value)s is not a known time zone."), params={"value": value}
        )


class AccountQuerySet(DealershipScopedQuerySet):
    account_lookup = "pk"


class Account(models.Model):
    """A dealership: it owns its users and its leads."""

    name = models.CharField(_("name"), max_length=255)
    locale = models.CharField(
        _("default language"),
        max_length=2,
        choices=Language,
        default="en",
        help_text=_("Language given to new leads that do not state one."),
    )
    country = models.CharField(
        _("country"), max_length=2, choices=Country, default="CA"
    )
    province = models.CharField(
        _("province/state"), max_length=2, choices=Province, blank=True
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="America/Toronto",
        validators=[validate_time_zone],
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = AccountQuerySet.as_manager()

    class Meta:
        verbose_name = _("dealership")
        verbose_name_plural = _("dealerships")
        ordering = ["name"]
        constraints = [
            choices_check("locale", Language),
            choices_check("country", Country),
            choices_check("province", Province, blank=True),
            province_matches_country_check(),
        ]

    def __str__(self):
        return self.name


class UserQuerySet(DealershipScopedQuerySet):
    def with_account(self) -> "UserQuerySet":
        return self.select_related("account")


class AccountUserManager(UserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True


class User(AbstractUser):
    """A dealership's staff member: manager, BDC agent, advisor, F&I, service.

    Only superusers (who run the whole instance) may have no dealership.
    """

    account = models.ForeignKey(
        Account,
        models.PROTECT,
        verbose_name=_("dealership"),
        related_name="users",
        null=True,
        blank=True,
    )
    # The API's User object has created_at (date_joined) and updated_at.
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = AccountUserManager()

    class Meta(AbstractUser.Meta):
        constraints = [
            models.CheckConstraint(
                condition=Q(account__isnull=False) | Q(is_superuser=True),
                name="accounts_user_account_required",
                violation_error_message=_("Only superusers may have no dealership."),
            ),
            # A lead's user slot may be named by email, so it must be unambiguous.
            models.UniqueConstraint(
                Lower("email"),
                F("account"),
                condition=~Q(email=""),
                name="accounts_user_email_unique_per_account",
                violation_error_message=_(
                    "Another user of this dealership has this email."
                ),
            ),
        ]

    def __str__(self):
        return self.get_full_name() or self.username


class TokenActivity(models.Model):
    """When an API token was last used, and since when it is flagged as
    unused (accounts.jobs.flag_unused_tokens) for managers to revoke."""

    token = models.OneToOneField(
        "authtoken.Token",
        models.CASCADE,
        primary_key=True,
        related_name="activity",
        verbose_name=_("token"),
    )
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    unused_since = models.DateTimeField(
        _("flagged unused since"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("token activity")
        verbose_name_plural = _("token activity")
        indexes = [
            models.Index(
                fields=["unused_since"],
                condition=Q(unused_since__isnull=False),
                name="token_unused_idx",
            )
        ]

    def __str__(self):
        return str(self.token_id)[:8]
