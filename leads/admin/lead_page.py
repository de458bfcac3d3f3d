"""The lead page's layout: its fields grouped as the work on a lead goes,
from the customer to the sale or service visit."""

from django.utils.translation import gettext_lazy as _

LEAD_PAGE_FIELDSETS = [
    (
        _("Contact"),
        {
            "fields": [
                ("civility", "first_name", "last_name"),
                ("business", "business_name"),
                ("second_contact_civility", "second_contact"),
                ("locale", "gender", "sex", "birth_date"),
                "address_line1",
                "address_line2",
                ("city", "province", "postal_code", "country"),
            ]
        },
    ),
    (
        _("Lead"),
        {
            "fields": [
                "comment",
                ("division", "type", "source"),
                ("segment", "status", "result"),
                ("rating", "code", "reached_client", "loyalty"),
            ]
        },
    ),
    (
        _("Assignment"),
        {
            "fields": [
                ("bdc", "advisor", "commercial"),
                ("service_advisor", "service_agent"),
            ]
        },
    ),
    (
        _("Sales milestones"),
        {
            "fields": [
                ("call_date", "appointment_date"),
                ("presented_date", "last_presented_date", "next_presented_date"),
                ("be_back_date", "road_test_date", "take_over_date"),
                ("sale_date", "available_date"),
                ("delivery_date", "delivered_date"),
                ("refinanced_date", "csi_date"),
            ]
        },
    ),
    (
        _("Service"),
        {
            "fields": [
                ("work_order", "repair_order", "storage"),
                ("open_work_order_date", "planned_pick_up_date"),
                ("promised_date", "repair_date", "end_service_date"),
                ("service_interval_km", "odometer_last_visit", "average_spending"),
                ("service_cleaning_car", "prepaid", "invoiced"),
            ]
        },
    ),
    (
        _("Consent"),
        {
            "description": _("When the customer asked not to be contacted."),
            "fields": [
                ("unsubscribe_all_date", "unsubscribe_call_date"),
                ("unsubscribe_email_date", "unsubscribe_sms_date"),
            ],
        },
    ),
    (
        _("System"),
        {
            "fields": [
                ("account", "created_method", "origin"),
                ("created_at", "updated_at"),
                "version",
            ]
        },
    ),
]
