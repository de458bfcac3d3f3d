from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.constraints import choices_check

from . import choices
from .children import LeadChild
from .fields import optional_moment, optional_text
from .match_keys import vin_key_expression

# Model years a dealership can meet: the first cars to next decade's.
YEAR_RANGE = (1886, 2100)


def _money(verbose_name):
    return models.DecimalField(
        verbose_name, max_digits=12, decimal_places=2, null=True, blank=True
    )


def _text(verbose_name, max_length=100):
    return optional_text(verbose_name, max_length)


def _year(verbose_name):
    return models.PositiveSmallIntegerField(
        verbose_name,
        null=True,
        blank=True,
        validators=[MinValueValidator(YEAR_RANGE[0]), MaxValueValidator(YEAR_RANGE[1])],
    )


def _year_check(field):
    low, high = YEAR_RANGE
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True})
        | Q(**{f"{field}__gte": low, f"{field}__lte": high}),
        name=f"leads_leadvehicle_{field}_valid",
        violation_error_message=f"{field} must be from {low} to {high}.",
    )


class LeadVehicle(LeadChild):
    """A vehicle the lead wants, or one they trade in (Activix Vehicle)."""

    Type = choices.VehicleType
    Category = choices.VehicleCategory
    CategoryRV = choices.VehicleCategoryRV
    Condition = choices.VehicleCondition
    Fuel = choices.Fuel
    Modality = choices.Modality
    PaymentFrequency = choices.PaymentFrequency
    StockState = choices.StockState
    Transmission = choices.Transmission
    Weight = choices.Weight

    lead = models.ForeignKey(
        "leads.Lead", models.CASCADE, verbose_name=_("lead"), related_name="vehicles"
    )
    type = models.CharField(_("type"), max_length=8, choices=choices.VehicleType)
    year = _year(_("year"))
    make = _text(_("make"))
    model = _text(_("model"))
    trim = _text(_("trim"))
    vin = _text(_("VIN"), 17)
    stock = _text(_("stock number"), 50)
    stock_state = models.CharField(
        _("stock state"), max_length=12, choices=choices.StockState, blank=True
    )
    category = models.CharField(
        _("category"), max_length=10, choices=choices.VehicleCategory, blank=True
    )
    category_rv = models.CharField(
        _("RV category"), max_length=14, choices=choices.VehicleCategoryRV, blank=True
    )
    condition = models.CharField(
        _("condition"), max_length=11, choices=choices.VehicleCondition, blank=True
    )
    color_exterior = _text(_("exterior colour"), 50)
    color_interior = _text(_("interior colour"), 50)
    driving_wheels = _text(_("driving wheels"), 20)
    engine = _text(_("engine"))
    fuel = models.CharField(_("fuel"), max_length=8, choices=choices.Fuel, blank=True)
    transmission = models.CharField(
        _("transmission"), max_length=10, choices=choices.Transmission, blank=True
    )
    weight = models.CharField(
        _("weight"), max_length=17, choices=choices.Weight, blank=True
    )
    odometer = _text(_("odometer"), 20)
    allowed_odometer = _text(_("allowed odometer"), 20)
    license_plate = _text(_("licence plate"), 9)
    sleeping = models.PositiveSmallIntegerField(_("berths"), null=True, blank=True)
    certified = models.BooleanField(_("certified pre-owned"), default=False)
    tire = models.BooleanField(_("spare tires included"), default=False)
    sold = models.BooleanField(_("sold"), default=False)
    sold_by = _text(_("sold by"))
    client_number = _text(_("client number"), 50)
    offer_number = _text(_("offer number"), 50)
    order_number = _text(_("order number"), 50)
    # Deal
    modality = models.CharField(
        _("modality"), max_length=9, choices=choices.Modality, blank=True
    )
    payment_frequency = models.CharField(
        _("payment frequency"),
        max_length=11,
        choices=choices.PaymentFrequency,
        blank=True,
    )
    term = _text(_("term (months)"), 20)
    rate = models.DecimalField(
        _("rate (%)"), max_digits=7, decimal_places=4, null=True, blank=True
    )
    payment = _money(_("payment"))
    price = _money(_("price"))
    cash_down = _money(_("cash down"))
    security_deposit = _money(_("security deposit"))
    residual = _money(_("residual"))
    balance = _money(_("balance"))
    value = _money(_("value"))
    actual_value = _money(_("actual value"))
    accessories = _money(_("accessories"))
    preparation = _money(_("preparation"))
    profit = _money(_("profit"))
    # Wanted vehicles only: what the customer is looking for.
    budget_min = _money(_("minimum budget"))
    budget_max = _money(_("maximum budget"))
    length_min = models.PositiveSmallIntegerField(
        _("minimum length (ft)"), null=True, blank=True
    )
    length_max = models.PositiveSmallIntegerField(
        _("maximum length (ft)"), null=True, blank=True
    )
    year_min = _year(_("minimum year"))
    year_max = _year(_("maximum year"))
    # Dates
    purchase_date = optional_moment(_("purchase date"))
    recorded_date = optional_moment(_("recorded date"))
    sold_date = optional_moment(_("sold date"))
    end_contract_date = optional_moment(_("end of contract"))
    end_warranty_date = optional_moment(_("end of warranty"))
    # Free text
    comment = models.TextField(_("comment"), blank=True)
    option = models.TextField(_("options"), blank=True)
    extended_warranty = models.TextField(_("extended warranty"), blank=True)
    warranty = models.TextField(_("warranty"), blank=True)
    recall = models.TextField(_("recall"), blank=True)
    # Set by the appraisal tools, never through the API.
    customs = models.JSONField(_("appraisal"), null=True, blank=True, editable=False)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        verbose_name=_("verified by"),
        related_name="verified_vehicles",
        null=True,
        blank=True,
        editable=False,
    )

    class Meta:
        verbose_name = _("vehicle")
        verbose_name_plural = _("vehicles")
        ordering = ["id"]
        constraints = [
            choices_check("type", choices.VehicleType),
            choices_check("stock_state", choices.StockState, blank=True),
            choices_check("category", choices.VehicleCategory, blank=True),
            choices_check("category_rv", choices.VehicleCategoryRV, blank=True),
            choices_check("condition", choices.VehicleCondition, blank=True),
            choices_check("fuel", choices.Fuel, blank=True),
            choices_check("transmission", choices.Transmission, blank=True),
            choices_check("weight", choices.Weight, blank=True),
            choices_check("modality", choices.Modality, blank=True),
            choices_check("payment_frequency", choices.PaymentFrequency, blank=True),
            _year_check("year"),
            _year_check("year_min"),
            _year_check("year_max"),
        ]
        indexes = [
            # Agents look a lead up by the VIN of its vehicle.
            models.Index(fields=["vin"], name="lead_vehicle_vin_idx"),
            # Two leads with one vehicle are likely one customer's.
            models.Index(
                vin_key_expression(),
                condition=~Q(vin=""),
                name="lead_vehicle_vin_key_idx",
            ),
        ]

    def __str__(self):
        described = " ".join(
            str(part) for part in (self.year, self.make, self.model) if part
        )
        return described or str(self.get_type_display())

    def clean(self):
        super().clean()
        verifier = self.verified_by
        if verifier is not None and verifier.account_id != self.lead.account_id:
            raise ValidationError(
                {"verified_by": _("This user does not work at the lead's dealership.")}
            )
