"""A lead's emails, phones and vehicles, edited on the lead page."""

from django.contrib import admin
from django.contrib.admin.utils import flatten
from django.utils.translation import gettext_lazy as _

from ..models import LeadEmail, LeadPhone, LeadVehicle

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
    fields = ["number", "extension", "type", "valid"]
    max_num = len(LeadPhone.Type.choices)


class LeadVehicleInline(admin.StackedInline):
    model = LeadVehicle
    fieldsets = [
        (None, {"fields": VEHICLE_MAIN_FIELDS}),
        (_("Details"), {"classes": ["collapse"], "fields": VEHICLE_DETAIL_FIELDS}),
    ]
    extra = 0
