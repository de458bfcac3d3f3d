"""The floor of GET /api/v2/leads: the same page, body for body, written by
hand with `.values()` queries and orjson, no DRF and no model instances.

It runs the queries the page needs and nothing else: the dealership's
COUNT (the body's `meta.total`), the page of leads, their emails, phones and
vehicles, then the dealership and the users they name. Shared by
bench/api_page.py (in-process) and bench/http_urls.py (the floor view).
"""

from collections import defaultdict

import orjson
from django.db import models

from accounts.models import Account, User
from leads.api.child_serializers import VEHICLE_FIELDS
from leads.api.serializers import LEAD_KEYS
from leads.models import USER_SLOTS, Lead, LeadEmail, LeadPhone, LeadVehicle

ARRAYS = ["emails", "phones", "vehicles"]
LEAD_COLUMNS = [name for name in LEAD_KEYS if name not in ARRAYS]
EMAIL_FIELDS = ["id", "lead_id", "created_at", "updated_at", "address", "type", "valid"]
PHONE_FIELDS = [
    "id", "lead_id", "created_at", "updated_at", "number", "extension", "type", "valid"
]  # fmt: skip
USER_FIELDS = ["id", "date_joined", "updated_at", "email", "first_name", "last_name"]


def _blank(model, names) -> list[str]:
    """Text columns stored as an empty string and shown as null."""
    text = (models.CharField, models.TextField)
    fields = [model._meta.get_field(name) for name in names]
    return [f.name for f in fields if isinstance(f, text) and f.blank and not f.null]


LEAD_BLANK = _blank(Lead, LEAD_COLUMNS)
VEHICLE_BLANK = _blank(LeadVehicle, VEHICLE_FIELDS[4:])
USER_BLANK = ["email", "first_name", "last_name"]


def _nulls(row, names):
    for name in names:
        if row[name] == "":
            row[name] = None
    return row


def _by_lead(rows) -> dict[int, list[dict]]:
    grouped = defaultdict(list)
    for row in rows:
        grouped[row["lead_id"]].append(row)
    return grouped


def page_body(account_id: int, page: int, per_page: int, url: str) -> bytes:
    """The response body of `url` (`.../leads?page=P&per_page=N`)."""
    leads = Lead.objects.filter(account_id=account_id)
    total = leads.count()
    offset = (page - 1) * per_page
    newest = leads.order_by("-created_at", "-id").values(*LEAD_COLUMNS)
    rows = list(newest[offset : offset + per_page])
    ids = [row["id"] for row in rows]
    emails = _by_lead(LeadEmail.objects.filter(lead_id__in=ids).values(*EMAIL_FIELDS))
    phones = _by_lead(LeadPhone.objects.filter(lead_id__in=ids).values(*PHONE_FIELDS))
    vehicles = _by_lead(
        _nulls(row, VEHICLE_BLANK)
        for row in LeadVehicle.objects.filter(lead_id__in=ids).values(*VEHICLE_FIELDS)
    )
    user_ids = {row[slot] for row in rows for slot in USER_SLOTS}
    user_ids |= {v["verified_by"] for items in vehicles.values() for v in items}
    users = {
        user["id"]: _nulls(
            {
                "id": user["id"],
                "created_at": user["date_joined"],
                **{name: user[name] for name in USER_FIELDS[2:]},
            },
            USER_BLANK,
        )
        for user in User.objects.filter(pk__in=user_ids).values(*USER_FIELDS)
    }
    accounts = {
        account["id"]: account
        for account in Account.objects.filter(pk=account_id)
        .order_by()
        .values("id", "created_at", "updated_at", "name")
    }
    data = []
    for row in rows:
        _nulls(row, LEAD_BLANK)
        row["account"] = accounts[row["account"]]
        for slot in USER_SLOTS:
            row[slot] = users.get(row[slot])
        row["emails"] = emails.get(row["id"], [])
        row["phones"] = phones.get(row["id"], [])
        row["vehicles"] = vehicles.get(row["id"], [])
        for vehicle in row["vehicles"]:
            vehicle["verified_by"] = users.get(vehicle["verified_by"])
        data.append({name: row[name] for name in LEAD_KEYS})
    last = max(1, -(-total // per_page))
    path = url.partition("?")[0]

    def link(number):
        return f"{path}?page={number}&per_page={per_page}"

    body = {
        "data": data,
        "links": {
            "first": link(1),
            "last": link(last),
            "prev": link(page - 1) if 1 < page <= last + 1 else None,
            "next": link(page + 1) if page < last else None,
        },
        "meta": {
            "current_page": page,
            "from": offset + 1 if data else None,
            "last_page": last,
            "path": path,
            "per_page": per_page,
            "to": offset + len(data) if data else None,
            "total": total,
        },
    }
    return orjson.dumps(body, default=float, option=orjson.OPT_OMIT_MICROSECONDS)
