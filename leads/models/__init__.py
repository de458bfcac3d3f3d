from .contacts import LeadEmail, LeadPhone
from .export_records import LeadExport
from .lead import Lead
from .lead_queryset import USER_SLOTS, LeadQuerySet, version_of
from .vehicles import LeadVehicle

__all__ = [
    "USER_SLOTS",
    "Lead",
    "LeadEmail",
    "LeadExport",
    "LeadPhone",
    "LeadQuerySet",
    "LeadVehicle",
    "version_of",
]
