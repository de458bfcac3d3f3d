"""A lead's emails, phones and vehicles, edited on the lead page."""

from django.contrib import admin
from django.contrib.admin.utils import flatten
from django.utils.translation import gettext_lazy as _

from .. import phones
from ..models import LeadEmail, LeadPhone, LeadVehicle
from .dialling import dial_link
from .forms import LeadPhoneForm

VEHICLE_MAIN_FIELDS = [
    "type",
    ("year", "make", "model", "trim"),
    ("vin", "stock", "odometer"),
    ("price", "condition"),
]
# Every other field, so the admin can edit all of a vehicle.
VEHICLE_DETAIL_FIELDS = [
    field.name
    for field in LeadVehicle._meta.fields
    if field.editable
    and not field.primary_key
    and field.name not in {"lead", *flatten(VEHICLE_MAIN_FIELDS)}
]


class ContactInline(admin.TabularInline):
    readonly_fields = ["valid"]
    extra = 0


class LeadEmailInline(ContactInline):
    model = LeadEmail
    fields = ["address", "type", "valid"]
    max_num = len(LeadEmail.Type.choices)


class LeadPhoneInline(ContactInline):
    model = LeadPhone
    form = LeadPhoneForm
    fields = ["number", "extension", "type", "valid", "dial"]
    readonly_fields = ["valid", "dial"]
    max_num = len(LeadPhone.Type.choices)

    def get_queryset(self, request):
        # Each row's dial link reads its dealership's country.
        return super().get_queryset(request).select_related("lead__account")

    def get_formset(self, request, obj=None, **kwargs):
        # Until a new lead is saved it has no dealership; staff's leads are
        # their own dealership's.
        region = phones.region_of(request.user.account)
        form = type(self.form.__name__, (self.form,), {"default_region": region})
        return super().get_formset(request, obj, form=form, **kwargs)

    @admin.display(description=_("dial"))
    def dial(self, phone):
        if not phone.pk:
            return None
        return dial_link(phone.number, phone.lead.account.country)


class LeadVehicleInline(admin.StackedInline):
    model = LeadVehicle
    fieldsets = [
        (None, {"fields": VEHICLE_MAIN_FIELDS}),
        (_("Details"), {"classes": ["collapse"], "fields": VEHICLE_DETAIL_FIELDS}),
    ]
    extra = 0
