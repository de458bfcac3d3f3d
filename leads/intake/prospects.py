"""One prospect of a document made a lead of its channel's dealership.

The prospect's values are the reader's best reading of what a provider
sent; one the models refuse (a province of another country, a phone that
is no number) is left out and noted, and never costs the customer's lead.
"""

import hashlib
import json

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import connection, models, transaction

from leads import phones
from leads.models import Lead, LeadEmail, LeadPhone, LeadVehicle

from .adf import Prospect
from .models import DocumentVia, IntakeDocument, IntakeLead

CREATED_METHOD = {
    DocumentVia.HTTP: Lead.CreatedMethod.ADF_HTTP,
    DocumentVia.EMAIL: Lead.CreatedMethod.ADF_EMAIL,
}
# What a provider may say of a lead; the rest is the channel's to set.
PROVIDED_FIELDS = {
    field.name
    for field in Lead._meta.concrete_fields
    if field.editable and not field.is_relation
} - {"created_method", "source", "type", "segment", "status", "result"}


def provider_key(prospect: Prospect) -> str:
    """The provider's own lead id; for a provider that sends none, the
    prospect's content, so the same lead sent twice is known again."""
    if prospect.vendor_lead_id:
        return prospect.vendor_lead_id[:255]
    content = [prospect.lead, prospect.emails, prospect.phones, prospect.vehicles]
    digest = hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode())
    return f"content:{digest.hexdigest()}"


@transaction.atomic
def lead_from_prospect(document: IntakeDocument, prospect: Prospect) -> list[str]:
    """Make the prospect's lead, unless its channel has it already; return
    notes for people about what was left out."""
    channel = document.channel
    key = provider_key(prospect)
    with connection.cursor() as cursor:
        # Two copies of a lead read at once (a resend racing the first): the
        # second waits here, then finds the first's.
        cursor.execute(
            "SELECT pg_advisory_xact_lock(%s, hashtext(%s))", [channel.pk, key]
        )
    known = IntakeLead.objects.filter(channel=channel, provider_key=key).first()
    if known is not None:
        return [f"already received as lead #{known.lead_id}: no second lead"]
    notes = []
    lead = Lead(
        account=channel.account,
        source=channel.provider,
        type=channel.type,
        segment=channel.segment,
        division=channel.division,
        created_method=CREATED_METHOD[document.via],
        created_at=prospect.requested_at or document.received_at,
    )
    for name, value in prospect.lead.items():
        if name in PROVIDED_FIELDS and value not in (None, ""):
            setattr(lead, name, value)
    lead.take_dealership_defaults()
    notes += without_invalid_values(lead, exclude=["account"])
    lead.save()
    notes += _add_emails(lead, prospect.emails)
    notes += _add_phones(lead, prospect.phones)
    for values in prospect.vehicles:
        vehicle = LeadVehicle(lead=lead, **values)
        notes += without_invalid_values(vehicle, exclude=["lead"])
        vehicle.save()
    IntakeLead.objects.create(
        document=document, channel=channel, provider_key=key, lead=lead
    )
    return notes


def without_invalid_values(obj: models.Model, *, exclude: list[str]) -> list[str]:
    """Put back the default of each field the model refuses; say which."""
    try:
        obj.full_clean(
            exclude=exclude, validate_unique=False, validate_constraints=False
        )
    except ValidationError as error:
        notes = []
        for name, messages in error.message_dict.items():
            field = obj._meta.get_field(name)
            notes.append(
                f"{name} {getattr(obj, field.attname)!r} left out: {messages[0]}"
            )
            setattr(obj, field.attname, field.get_default())
        return notes
    return []


def _add_emails(lead: Lead, emails: list[dict]) -> list[str]:
    notes = []
    for email in emails:
        try:
            validate_email(email["address"])
        except ValidationError:
            notes.append(f"email {email['address']!r} left out: not an address")
            continue
        LeadEmail.objects.create(lead=lead, **email)
    return notes


def _add_phones(lead: Lead, numbers: list[dict]) -> list[str]:
    notes = []
    region = phones.region_of(lead.account)
    for phone in numbers:
        try:
            number, extension = phones.read(phone["number"], region=region)
        except ValidationError as error:
            reason = error.messages[0]
            notes.append(f"phone {phone['number']!r} left out: {reason}")
            continue
        LeadPhone.objects.create(
            lead=lead, number=number, extension=extension, type=phone["type"]
        )
    return notes
