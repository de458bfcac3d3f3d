"""The admin's country, province and language selects: names in the
reader's language, in that language's alphabetical order."""

import html
import re

import pytest
from django.utils import translation

from accounts.admin_choices import in_label_order
from accounts.iso_choices import Country
from tests.factories import LeadFactory


def select_options(response, name: str) -> list[tuple[str, str]]:
    """(value, text) of the options of the select named `name`, in order."""
    page = response.content.decode()
    select = re.search(rf'<select name="{name}".*?</select>', page, re.DOTALL)
    options = re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select[0])
    return [(value, html.unescape(text)) for value, text in options]


def texts(options: list[tuple[str, str]]) -> list[str]:
    return [text for _value, text in options]


def account_page(client, account, language: str):
    return client.get(
        f"/admin/accounts/account/{account.id}/change/",
        headers={"accept-language": language},
    )


@pytest.mark.django_db
def test_account_page_names_places_and_languages_in_french(manager_client, account):
    response = account_page(manager_client, account, "fr")

    assert response.status_code == 200
    countries = select_options(response, "country")
    assert {("CA", "Canada"), ("US", "États-Unis"), ("DE", "Allemagne")} <= set(
        countries
    )
    assert ("QC", "Québec (CA)") in select_options(response, "province")
    assert ("fr", "Français") in select_options(response, "locale")


@pytest.mark.django_db
def test_account_page_names_places_and_languages_in_english(manager_client, account):
    response = account_page(manager_client, account, "en")

    assert response.status_code == 200
    countries = select_options(response, "country")
    assert {("CA", "Canada"), ("US", "United States"), ("DE", "Germany")} <= set(
        countries
    )
    assert ("QC", "Quebec (CA)") in select_options(response, "province")
    assert ("fr", "French") in select_options(response, "locale")


@pytest.mark.django_db
def test_french_countries_are_in_french_alphabetical_order(manager_client, account):
    countries = texts(
        select_options(account_page(manager_client, account, "fr"), "country")
    )

    assert countries[:2] == ["Afghanistan", "Afrique du Sud"]
    # Accented initials sort with their letter, not after Z.
    in_order = ["Espagne", "Estonie", "États-Unis", "Éthiopie", "Fidji"]
    assert [countries.index(name) for name in in_order] == sorted(
        countries.index(name) for name in in_order
    )


@pytest.mark.django_db
def test_english_countries_are_in_english_alphabetical_order(manager_client, account):
    countries = texts(
        select_options(account_page(manager_client, account, "en"), "country")
    )

    assert countries[:3] == ["Afghanistan", "Åland Islands", "Albania"]
    assert countries.index("Germany") < countries.index("United States")


@pytest.mark.django_db
def test_account_page_keeps_the_stored_country_selected(manager_client, account):
    response = account_page(manager_client, account, "fr")

    assert '<option value="CA" selected>Canada</option>' in response.content.decode()


@pytest.mark.django_db
def test_lead_page_offers_a_blank_province_then_provinces_in_french_order(
    agent_client, account
):
    lead = LeadFactory(account=account, country="CA", province="QC")

    response = agent_client.get(
        f"/admin/leads/lead/{lead.id}/change/", headers={"accept-language": "fr"}
    )

    provinces = select_options(response, "province")
    assert provinces[0] == ("", "---------")
    names = texts(provinces[1:])
    assert names.index("Colombie-Britannique (CA)") < names.index("Québec (CA)")
    assert names.index("Québec (CA)") < names.index("Rhode Island (US)")
    assert '<option value="QC" selected>Québec (CA)</option>' in (
        response.content.decode()
    )


def test_label_order_is_sorted_once_per_language():
    with translation.override("fr"):
        french = in_label_order(Country)
        assert in_label_order(Country) is french
    with translation.override("en"):
        assert in_label_order(Country) is not french
