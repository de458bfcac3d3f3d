"""The enumerations of a lead and its contact data.

Values are the Activix API strings exactly, camelCase included; labels are
what agents read. Each has a matching CheckConstraint on its model.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Civility(models.TextChoices):
    MR = "mr", _("Mr.")
    MS = "ms", _("Ms.")
    MISS = "miss", _("Miss")
    DR = "dr", _("Dr.")
    ME = "me", _("Me (lawyer/notary)")


class CreatedMethod(models.TextChoices):
    ACTIVIX = "activix", "Activix"
    AUTO_RENEWAL = "auto_renewal", _("Automatic renewal")
    CDK = "cdk", "CDK"
    CT_WIZARD = "ct_wizard", "CT Wizard"
    FORD_DIRECT = "ford_direct", "Ford Direct"
    MANUAL = "manual", _("Manual")
    MANUAL_IMPORT = "manual_import", _("Manual import")
    N_C_I_DIGITAL = "n_c_i_digital", "NCI Digital"
    NIOTEXT = "niotext", "NioText"
    PHONE_SYSTEM = "phone_system", _("Phone system")
    PORSCHE_DIGITAL = "porsche_digital", "Porsche Digital"
    SCAN = "scan", _("Scan")
    SCRAPER = "scraper", _("Scraper")
    SERTI = "serti", "Serti"
    API = "api", "API"
    # Ours: leads that came in by themselves (leads/intake/).
    ADF_EMAIL = "adf_email", _("ADF by email")
    ADF_HTTP = "adf_http", _("ADF over HTTP")


class Division(models.TextChoices):
    NEW = "new", _("New")
    USED = "used", _("Used")
    SERVICE = "service", _("Service")


class Gender(models.IntegerChoices):
    """ISO/IEC 5218."""

    NOT_KNOWN = 0, _("Not known")
    MALE = 1, _("Male")
    FEMALE = 2, _("Female")
    NOT_APPLICABLE = 9, _("Not applicable")


class Result(models.TextChoices):
    PENDING = "pending", _("Pending")
    ATTEMPTED = "attempted", _("Attempted")
    REACHED = "reached", _("Reached")


class Segment(models.TextChoices):
    CONQUEST = "conquest", _("Conquest")
    PROMO = "promo", _("Promotion")
    NOT_SOLD = "notSold", _("Not sold")
    SERVICE = "service", _("Service")
    LOYALTY = "loyalty", _("Loyalty")
    REMINDER = "reminder", _("Reminder")
    END_WARRANTY = "endWarranty", _("End of warranty")
    END_LCAP = "endLcap", _("End of lease (capital)")
    END_LNETTE = "endLnette", _("End of lease (net)")
    CSI = "csi", _("CSI")
    NO_SHOW = "noShow", _("No show")
    OTHER = "other", _("Other")


class ServiceInterval(models.IntegerChoices):
    KM_1000 = 1000, "1 000 km"
    KM_5000 = 5000, "5 000 km"
    KM_6000 = 6000, "6 000 km"
    KM_8000 = 8000, "8 000 km"
    KM_12000 = 12000, "12 000 km"
    KM_16000 = 16000, "16 000 km"
    KM_18000 = 18000, "18 000 km"
    KM_20000 = 20000, "20 000 km"
    KM_24000 = 24000, "24 000 km"
    KM_25000 = 25000, "25 000 km"


class Sex(models.TextChoices):
    M = "M", _("Male")
    F = "F", _("Female")


class Status(models.TextChoices):
    """No status (blank) means the lead is active."""

    DUPLICATE = "duplicate", _("Duplicate")
    INVALID = "invalid", _("Invalid")
    LOST = "lost", _("Lost")


class Type(models.TextChoices):
    EMAIL = "email", _("Email")
    PHONE = "phone", _("Phone")
    WALK_IN = "walk_in", _("Walk-in")
    LOYALTY = "loyalty", _("Loyalty")
    RENEWAL = "renewal", _("Renewal")
    SMS = "sms", _("SMS")
    EVENT = "event", _("Event")
    PRE_BOOKING = "pre_booking", _("Pre-booking")


# "Home" alone is also the admin's breadcrumb, which Django's own French
# catalogue translates as "Accueil": a home phone is not a home page.
class EmailType(models.TextChoices):
    HOME = "home", pgettext_lazy("contact type", "Home")
    WORK = "work", pgettext_lazy("contact type", "Work")


class PhoneType(models.TextChoices):
    HOME = "home", pgettext_lazy("contact type", "Home")
    WORK = "work", pgettext_lazy("contact type", "Work")
    MOBILE = "mobile", pgettext_lazy("contact type", "Mobile")


class VehicleType(models.TextChoices):
    WANTED = "wanted", _("Wanted")
    EXCHANGE = "exchange", _("Trade-in")


class VehicleCategory(models.TextChoices):
    MOTORCYCLE = "motorcycle", _("Motorcycle")
    SNOWMOBILE = "snowmobile", _("Snowmobile")
    WATERCRAFT = "watercraft", _("Watercraft")
    BOAT = "boat", _("Boat")
    ATV = "atv", _("ATV")
    VAN = "van", _("Van")
    TRUCK = "truck", _("Truck")
    SUV = "suv", _("SUV")
    AUTOMOTIVE = "automotive", _("Automotive")
    MOTORIZED = "motorized", _("Motorized")
    UTILITY = "utility", _("Utility")
    CARAVAN = "caravan", _("Caravan")
    TRAILER = "trailer", _("Trailer")
    HYBRIDE = "hybride", _("Hybrid")
    MECHANICAL = "mechanical", _("Mechanical")


class VehicleCategoryRV(models.TextChoices):
    MOTORIZED_A = "motorized_a", _("Motorized class A")
    MOTORIZED_B = "motorized_b", _("Motorized class B")
    MOTORIZED_C = "motorized_c", _("Motorized class C")
    TRAVEL_TRAILER = "travel_trailer", _("Travel trailer")
    FIFTH_WHEEL = "fifth_wheel", _("Fifth wheel")
    TRAILER_PARK = "trailer_park", _("Park trailer")
    TENT_TRAILER = "tent_trailer", _("Tent trailer")


class VehicleCondition(models.TextChoices):
    ROUGH = "rough", _("Rough")
    AVERAGE = "average", _("Average")
    CLEAN = "clean", _("Clean")
    EXTRA_CLEAN = "extra_clean", _("Extra clean")


class Fuel(models.TextChoices):
    GASOLINE = "gasoline", _("Gasoline")
    DIESEL = "diesel", _("Diesel")


class Modality(models.TextChoices):
    FINANCING = "financing", _("Financing")
    CASH = "cash", _("Cash")
    LEASING = "leasing", _("Leasing")


class PaymentFrequency(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    BI_MONTHLY = "bi_monthly", _("Twice a month")
    TWO_WEEKS = "two_weeks", _("Every two weeks")
    WEEKLY = "weekly", _("Weekly")
    ONE_PAYMENT = "one_payment", _("One payment")


class StockState(models.TextChoices):
    LOCATE = "locate", _("To locate")
    NOT_AVAILABLE = "notAvailable", _("Not available")
    ORDER = "order", _("To order")
    STOCK = "stock", _("In stock")


class Transmission(models.TextChoices):
    AUTO = "auto", _("Automatic")
    MANUAL = "manual", _("Manual")
    SEQUENTIAL = "sequential", _("Sequential")


class Weight(models.TextChoices):
    UNDER_3000 = "under_3000", _("Under 3,000 lb")
    BETWEEN_3000_5000 = "between_3000_5000", _("3,000 to 5,000 lb")
    OVER_5000 = "over_5000", _("Over 5,000 lb")
