from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.constraints import (
    choices_check,
    province_in_country,
    province_matches_country_check,
)
from accounts.iso_choices import Country, Language, Province
from accounts.models import Account

from . import choices
from .fields import optional_moment, optional_text
from .lead_indexes import LEAD_INDEXES
from .lead_queryset import USER_SLOTS, LeadQuerySet, version_of


def _text(verbose_name, max_length=255):
    return optional_text(verbose_name, max_length)


def _user_slot(verbose_name, related_name):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        verbose_name=verbose_name,
        related_name=related_name,
        null=True,
        blank=True,
        # Indexed by partial indexes in Meta: most slots are empty on most leads.
        db_index=False,
    )


class Lead(models.Model):
    """A person or business who wants a vehicle or a service.

    Fields follow the Activix CRM Lead object, in its order; enum values are
    its strings exactly (camelCase included).
    """

    Civility = choices.Civility
    CreatedMethod = choices.CreatedMethod
    Division = choices.Division
    Gender = choices.Gender
    Result = choices.Result
    Segment = choices.Segment
    ServiceInterval = choices.ServiceInterval
    Sex = choices.Sex
    Status = choices.Status
    Type = choices.Type

    created_at = models.DateTimeField(
        _("created at"), default=timezone.now, editable=False
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    account = models.ForeignKey(
        Account,
        models.PROTECT,
        verbose_name=_("dealership"),
        related_name="leads",
        # The (account, created_at) index below serves every account lookup.
        db_index=False,
    )
    address_line1 = _text(_("address line 1"))
    address_line2 = _text(_("address line 2"))
    appointment_date = optional_moment(_("appointment date"))
    available_date = optional_moment(_("vehicle available date"))
    average_spending = models.PositiveIntegerField(
        _("average spending"), null=True, blank=True, help_text=_("Per service visit.")
    )
    be_back_date = optional_moment(_("be-back date"))
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    business = models.BooleanField(_("business"), default=False)
    call_date = optional_moment(_("call date"))
    city = _text(_("city"), 100)
    civility = models.CharField(
        _("civility"), max_length=4, choices=choices.Civility, blank=True
    )
    code = _text(_("revival code"), 50)
    country = models.CharField(_("country"), max_length=2, choices=Country, blank=True)
    created_method = models.CharField(
        _("created method"),
        max_length=20,
        choices=choices.CreatedMethod,
        default=choices.CreatedMethod.MANUAL,
    )
    csi_date = optional_moment(_("CSI date"))
    delivered_date = optional_moment(_("delivered date"))
    delivery_date = optional_moment(_("delivery date"))
    division = models.CharField(
        _("division"), max_length=10, choices=choices.Division, blank=True
    )
    end_service_date = optional_moment(_("end of service date"))
    first_name = _text(_("first name"), 100)
    gender = models.PositiveSmallIntegerField(
        _("gender"), choices=choices.Gender, default=choices.Gender.NOT_KNOWN
    )
    last_name = _text(_("last name"), 100)
    last_presented_date = optional_moment(_("last presented date"))
    locale = models.CharField(_("language"), max_length=2, choices=Language, blank=True)
    loyalty = models.BooleanField(_("loyalty"), default=False)
    next_presented_date = optional_moment(_("next presented date"))
    odometer_last_visit = models.PositiveIntegerField(
        _("odometer at last visit"), null=True, blank=True
    )
    open_work_order_date = optional_moment(_("work order opened"))
    planned_pick_up_date = optional_moment(_("planned pick-up date"))
    postal_code = _text(_("postal code"), 16)
    prepaid = models.BooleanField(_("prepaid"), default=False)
    presented_date = optional_moment(_("presented date"))
    promised_date = optional_moment(_("promised date"))
    province = models.CharField(
        _("province/state"), max_length=2, choices=Province, blank=True
    )
    rating = models.PositiveSmallIntegerField(
        _("rating"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    reached_client = models.BooleanField(_("client reached"), default=False)
    refinanced_date = optional_moment(_("refinanced date"))
    repair_date = optional_moment(_("repair date"))
    repair_order = _text(_("repair order"), 50)
    road_test_date = optional_moment(_("road test date"))
    sale_date = optional_moment(_("sale date"))
    second_contact = _text(_("second contact"))
    second_contact_civility = models.CharField(
        _("second contact civility"), max_length=4, choices=choices.Civility, blank=True
    )
    segment = models.CharField(
        _("segment"), max_length=12, choices=choices.Segment, blank=True
    )
    service_cleaning_car = models.BooleanField(_("car cleaned"), default=False)
    service_interval_km = models.PositiveIntegerField(
        _("service interval (km)"),
        choices=choices.ServiceInterval,
        null=True,
        blank=True,
    )
    storage = _text(_("storage"))
    sex = models.CharField(_("sex"), max_length=1, choices=choices.Sex, blank=True)
    invoiced = models.BooleanField(_("invoiced"), default=False)
    source = _text(_("source"), 100)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=choices.Status,
        blank=True,
        help_text=_("Empty means the lead is active."),
    )
    take_over_date = optional_moment(_("take-over date"))
    type = models.CharField(_("type"), max_length=12, choices=choices.Type)
    unsubscribe_all_date = optional_moment(_("do not disturb since"))
    unsubscribe_call_date = optional_moment(_("unsubscribed from calls"))
    unsubscribe_email_date = optional_moment(_("unsubscribed from emails"))
    unsubscribe_sms_date = optional_moment(_("unsubscribed from SMS"))
    work_order = _text(_("work order"), 50)
    advisor = _user_slot(_("advisor"), "advised_leads")
    bdc = _user_slot(_("BDC agent"), "bdc_leads")
    commercial = _user_slot(_("F&I"), "commercial_leads")
    service_advisor = _user_slot(_("service advisor"), "service_advised_leads")
    service_agent = _user_slot(_("service agent"), "service_agent_leads")
    # From the later Activix documentation (docs/api.md, "The Lead object").
    result = models.CharField(
        _("result"),
        max_length=10,
        choices=choices.Result,
        default=choices.Result.PENDING,
    )
    comment = models.TextField(_("customer's request"), blank=True)
    business_name = _text(_("business name"))
    # Speed to lead: the first outgoing communication after the lead came in,
    # set once by leads.activity.changes and never moved afterwards.
    first_response_at = models.DateTimeField(
        _("first response"), null=True, blank=True, editable=False
    )

    objects = LeadQuerySet.as_manager()

    class Meta:
        verbose_name = _("lead")
        verbose_name_plural = _("leads")
        permissions = [("export_lead", _("Can export leads to CSV"))]
        indexes = LEAD_INDEXES
        constraints = [
            choices_check("civility", choices.Civility, blank=True),
            choices_check("country", Country, blank=True),
            choices_check("created_method", choices.CreatedMethod),
            choices_check("division", choices.Division, blank=True),
            choices_check("gender", choices.Gender),
            choices_check("locale", Language, blank=True),
            choices_check("province", Province, blank=True),
            province_matches_country_check(),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="leads_lead_rating_valid",
                violation_error_message=_("The rating is from 1 to 5."),
            ),
            choices_check("result", choices.Result),
            choices_check("second_contact_civility", choices.Civility, blank=True),
            choices_check("segment", choices.Segment, blank=True),
            choices_check("service_interval_km", choices.ServiceInterval, null=True),
            choices_check("sex", choices.Sex, blank=True),
            choices_check("status", choices.Status, blank=True),
            choices_check("type", choices.Type),
        ]

    def __str__(self):
        return self.display_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def display_name(self) -> str:
        return (
            self.full_name or self.business_name or _("Lead #%(id)s") % {"id": self.pk}
        )

    def take_dealership_defaults(self) -> None:
        """A new lead speaks its dealership's language and lives in its
        region unless told otherwise, as in Activix."""
        account = self.account
        self.locale = self.locale or account.locale
        self.country = self.country or account.country
        if not self.province and self.country == account.country:
            self.province = account.province

    @property
    def version(self) -> str:
        return version_of(self.pk, self.updated_at)

    @property
    def is_active(self) -> bool:
        return not self.status

    def clean(self):
        super().clean()
        # Tenancy: a lead is worked only by staff of its own dealership.
        errors = {}
        for slot in USER_SLOTS:
            user = getattr(self, slot)
            if (
                user is not None
                and self.account_id
                and user.account_id != self.account_id
            ):
                errors[slot] = _("This user does not work at the lead's dealership.")
        if self.province and not province_in_country(self.province, self.country):
            errors["province"] = _("The province does not belong to the country.")
        if errors:
            raise ValidationError(errors)

    def get_additional_data(self) -> dict:
        """What django-auditlog stores with each entry: whose lead it is."""
        return {"account_id": self.account_id, "lead_id": self.pk}
