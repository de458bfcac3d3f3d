from .contacts import LeadEmail, LeadPhone
from .lead import USER_SLOTS, Lead, LeadQuerySet
from .vehicles import LeadVehicle

__all__ = [
    "USER_SLOTS",
    "Lead",
    "LeadEmail",
    "LeadPhone",
    "LeadQuerySet",
    "LeadVehicle",
]
