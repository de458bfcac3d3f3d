"""The admin in French, as Quebec dealerships work in both languages."""

import pytest

from tests.factories import LeadFactory

URL = "/admin/leads/lead/"


@pytest.mark.django_db
def test_lead_list_speaks_french_to_a_french_browser(agent_client, account):
    LeadFactory(account=account, division="used")

    response = agent_client.get(URL, headers={"accept-language": "fr-CA,fr;q=0.9"})

    page = response.content.decode()
    assert response["Content-Language"] == "fr"
    for ours in ["Exporter en CSV", "Assignés à moi", "Actif", "Usagé", "courriel"]:
        assert ours in page
    # The admin's own strings come from Django's catalogue.
    assert "Rechercher" in page


@pytest.mark.django_db
def test_language_cookie_overrides_the_browser(agent_client, account):
    LeadFactory(account=account)
    agent_client.cookies["django_language"] = "fr"

    response = agent_client.get(URL, headers={"accept-language": "en"})

    assert "Exporter en CSV" in response.content.decode()


@pytest.mark.django_db
def test_lead_list_stays_english_by_default(agent_client, account):
    LeadFactory(account=account)

    response = agent_client.get(URL)

    assert "Export to CSV" in response.content.decode()


@pytest.mark.django_db
def test_lead_page_labels_are_french(agent_client, account):
    lead = LeadFactory(account=account)

    response = agent_client.get(
        f"/admin/leads/lead/{lead.id}/change/", headers={"accept-language": "fr"}
    )

    page = response.content.decode()
    for label in ["Étapes de la vente", "Agent BDC", "Demande du client", "Cellulaire"]:
        assert label in page


@pytest.mark.django_db
def test_home_is_a_breadcrumb_and_a_phone_type_in_french(agent_client, account):
    lead = LeadFactory(account=account)

    response = agent_client.get(
        f"/admin/leads/lead/{lead.id}/change/", headers={"accept-language": "fr"}
    )

    page = response.content.decode()
    assert ">Accueil</a>" in page
    assert '<option value="home">Maison</option>' in page
