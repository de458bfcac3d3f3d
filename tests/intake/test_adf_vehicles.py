"""Vehicles wanted and traded in, the division they suggest, and the
comments, prices and finance requests that go with them."""

from decimal import Decimal

from tests.intake.adf_corpus import read_corpus


def trade_desk_prospect():
    return read_corpus("vehicles.xml").prospects[0]


def test_trade_in_and_sell_are_exchange_vehicles_others_wanted():
    vehicles = trade_desk_prospect().vehicles

    assert [vehicle["type"] for vehicle in vehicles] == [
        "exchange",
        "wanted",
        "exchange",
        "wanted",
    ]


def test_first_wanted_vehicles_status_is_the_division():
    prospect = trade_desk_prospect()

    assert prospect.lead["division"] == "new"
    assert prospect.unmapped["vehicle[4]/@status"] == "used"


def test_trade_in_values_fill_the_vehicles_fields():
    assert trade_desk_prospect().vehicles[0] == {
        "type": "exchange",
        "year": 2016,
        "make": "Nissan",
        "model": "Rogue",
        "vin": "5N1AT2MV0GC000000",
        "odometer": "148000 km",
        "color_exterior": "Gun Metallic",
        "price": Decimal("9500.00"),
        "comment": "Small dent on the rear bumper.",
    }


def test_wanted_vehicle_takes_the_first_colours_and_absolute_price():
    assert trade_desk_prospect().vehicles[1] == {
        "type": "wanted",
        "year": 2025,
        "make": "Nissan",
        "model": "Pathfinder",
        "trim": "Platinum",
        "transmission": "auto",
        "color_exterior": "Boulder Gray",
        "color_interior": "Charcoal",
        "price": Decimal("61298.00"),
        "option": "Premium Paint (NAJ)\nSplash Guards",
    }


def test_what_has_no_vehicle_field_is_kept_aside():
    unmapped = trade_desk_prospect().unmapped

    assert unmapped["vehicle[2]/bodystyle"] == "SUV"
    assert unmapped["vehicle[2]/doors"] == "4"
    assert unmapped["vehicle[2]/colorcombination[2]/exteriorcolor"] == "Scarlet Ember"
    assert unmapped["vehicle[2]/price[2]"] == "-1500"
    assert unmapped["vehicle[2]/price[2]/@delta"] == "relative"
    assert unmapped["vehicle[2]/option[1]/price"] == "595"


def test_year_that_is_not_a_number_is_none_and_kept_aside():
    prospect = trade_desk_prospect()

    assert prospect.vehicles[2] == {
        "type": "exchange",
        "make": "Ski-Doo",
        "model": "MXZ 600",
    }
    assert prospect.unmapped["vehicle[3]/year"] == "around 2005"


def test_empty_vehicle_gives_no_vehicle():
    prospect = read_corpus("vehicles.xml").prospects[1]

    assert prospect.vehicles == []
    assert "division" not in prospect.lead
    assert prospect.rejected == ""


def test_prospect_without_vehicle_or_vendor_is_a_lead():
    prospect = read_corpus("vehicles.xml").prospects[2]

    assert prospect.vehicles == []
    assert prospect.vendor == ""
    assert prospect.lead == {
        "first_name": "Tom",
        "last_name": "Becker",
        "comment": "Looking for a used pickup under 30k.",
    }


def test_vehicle_without_status_leaves_the_division_unset():
    prospect = read_corpus("finance-and-timeframe.xml").prospects[1]

    assert "division" not in prospect.lead


def test_customer_comments_then_timeframe_make_the_leads_comment():
    prospect = read_corpus("finance-and-timeframe.xml").prospects[0]

    assert prospect.lead["comment"] == (
        "Can I lease with my husband as co-signer?\n"
        "\n"
        "We can come in after 5 pm.\n"
        "\n"
        "Timeframe: Within a month (from 2024-05-15 to 2024-06-15)"
    )


def test_timeframe_written_as_plain_text():
    prospect = read_corpus("finance-and-timeframe.xml").prospects[1]

    assert prospect.lead["comment"] == "Timeframe: this weekend"


def test_finance_request_is_the_modality_and_lines_of_the_vehicles_comment():
    [vehicle] = read_corpus("finance-and-timeframe.xml").prospects[0].vehicles

    assert vehicle["modality"] == "leasing"
    assert vehicle["comment"] == (
        "48 months, 20,000 km a year.\n"
        "\n"
        "Price: Quoted with the spring incentive.\n"
        "\n"
        "Finance: lease\n"
        "Down payment: 3000 CAD (maximum)\n"
        "Monthly payment: 475 CAD (maximum)\n"
        "Balance (residual): 18250"
    )


def test_cash_finance_method_is_the_cash_modality():
    [vehicle] = read_corpus("finance-and-timeframe.xml").prospects[1].vehicles

    assert vehicle["modality"] == "cash"


def test_price_written_the_french_way_and_manual_transmission():
    [vehicle] = read_corpus("windows-1252-8bit.eml").prospects[0].vehicles

    assert vehicle["price"] == Decimal("27495.00")
    assert vehicle["transmission"] == "manual"
    assert vehicle["vin"] == "3VW6T7AU5LM000000"
    assert vehicle["odometer"] == "58 400 km"
