"""Stored phone numbers re-read with phonenumbers (leads/phones.py).

Numbers used to be normalised by counting digits, which stored some that
cannot exist: "+1 514 555 12" as +151455512, "+44 20 7946 0958 ext 12" as
+44207946095812 (the extension glued on), "+44 (0)20 7946 0958" as
+4402079460958 (the trunk prefix kept). Each number is re-read by
phonenumbers with its country code: a valid one is stored as phonenumbers
writes it in E.164, and printed when that changes it; an invalid one is
left as it is and printed, for someone to correct by hand. One that is a
valid number followed by a few digits may have its extension glued on, but
may as well be mistyped, so it is only reported, with the guess.
"""

import phonenumbers
from django.db import migrations

# The longest extension the report guesses at.
GUESSED_EXTENSION_DIGITS = 6


def e164_of(number: str) -> str | None:
    """`number` in E.164 as phonenumbers writes it; None if invalid."""
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def glued_extension(number: str) -> tuple[str, str] | None:
    """A valid number and the digits after it, if `number` is one."""
    for size in range(1, GUESSED_EXTENSION_DIGITS + 1):
        head = e164_of(number[:-size])
        if head is not None:
            return head, number[-size:]
    return None


def renormalise_numbers(apps, schema_editor):
    LeadPhone = apps.get_model("leads", "LeadPhone")
    phones = LeadPhone.objects.using(schema_editor.connection.alias)
    rows = phones.order_by("pk").values_list("pk", "lead_id", "number")
    report = []
    for pk, lead_id, number in rows.iterator(chunk_size=10_000):
        where = f"phone {pk} of lead {lead_id}"
        e164 = e164_of(number)
        if e164 is None:
            guess = glued_extension(number)
            hint = f"; {guess[0]} extension {guess[1]}?" if guess else ""
            report.append(f"  {where}: {number} is not a valid number, kept{hint}")
        elif e164 != number:
            phones.filter(pk=pk).update(number=e164)
            report.append(f"  {where}: {number} is now {e164}")
    if report:
        print("\nPhone numbers re-read with phonenumbers:", *report, sep="\n")


class Migration(migrations.Migration):

    dependencies = [
        ("leads", "0004_admin_list_indexes"),
    ]

    operations = [
        migrations.RunPython(renormalise_numbers, migrations.RunPython.noop),
    ]
