"""Amounts as feeds write them, read for LeadVehicle's money fields."""

from decimal import Decimal

import pytest

from leads.intake.adf.money import read_money


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        ("25999", Decimal("25999.00")),
        ("$25,999.00", Decimal("25999.00")),
        ("25 999,50 $", Decimal("25999.50")),
        ("25.999,50", Decimal("25999.50")),
        ("CAD 31500", Decimal("31500.00")),
        ("45000 USD", Decimal("45000.00")),
        ("1.234.567", Decimal("1234567.00")),
        ("1.999", Decimal("1999.00")),  # three digits after a mark group
        ("475.5", Decimal("475.50")),
        ("9999999999.99", Decimal("9999999999.99")),
    ],
)
def test_amounts_are_read(written, amount):
    assert read_money(written) == amount


@pytest.mark.parametrize(
    "written",
    ["", "call", "Call for price", "-500", "0", "0.00", "10000000000", "9" * 50],
)
def test_what_is_no_amount_is_none(written):
    assert read_money(written) is None
