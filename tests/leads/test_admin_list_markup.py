"""The lead list's rows and sidebar, rendered in one pass, are what Django's
admin renders for the same page: same cells, classes, links and escaping."""

import pytest
from django.contrib.admin.templatetags.admin_list import (
    admin_list_filter,
    items_for_result,
)
from django.test.html import parse_html
from django.utils import translation

from leads.admin.lead_list import paginator
from leads.admin.lead_list.cells import PK_MARK
from leads.admin.lead_list.paginator import EstimatedCountPaginator
from leads.admin.lead_list.sidebar import rendered_filter
from leads.admin.leads import LeadAdmin
from tests.factories import (
    AccountFactory,
    LeadEmailFactory,
    LeadFactory,
    LeadPhoneFactory,
    UserFactory,
)

URL = "/admin/leads/lead/"


@pytest.fixture
def varied_leads(account):
    """Leads exercising every kind of cell: escaping, blanks, missing users."""
    nameless = UserFactory(account=account, first_name="", last_name="")
    bdc = UserFactory(account=account, first_name="Julie <i>", last_name="D'Arc & Co")
    marked = LeadFactory(
        account=account,
        first_name='<b>"Zoé"</b>',
        last_name="O'Neil & Fils",
        division="new",
        segment="conquest",
        source="Kijiji & <Autohebdo>",
        status="lost",
        result="reached",
        bdc=bdc,
        advisor=nameless,
    )
    LeadPhoneFactory(lead=marked, type="work", number="+15145550100")
    LeadPhoneFactory(lead=marked, type="home", number="+15145550101")
    LeadEmailFactory(lead=marked, type="work", address="zoe&co@example.ca")
    business = LeadFactory(account=account, business=True, business_name="Gagnon")
    LeadEmailFactory(lead=business, type="home", address="info@gagnon.ca")
    blank = LeadFactory(account=account, source="   ", status="duplicate")
    return [marked, business, blank]


def django_rows(cl) -> list[str]:
    """The rows as Django's own items_for_result renders them."""
    return [
        "<tr>" + "".join(items_for_result(cl, lead, None)) + "</tr>"
        for lead in cl.result_list
    ]


def assert_rows_are_djangos(response, language: str):
    cl = response.context["cl"]
    with translation.override(language):
        expected = django_rows(cl)
    html = response.content.decode()
    served = [html.index(row) for row in expected]
    assert served == sorted(served), "rows out of order"
    assert len(expected) == len(cl.result_list) > 0


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
def test_rows_are_the_ones_django_renders(agent_client, varied_leads, language):
    response = agent_client.get(URL, headers={"accept-language": language})

    assert response.status_code == 200
    assert_rows_are_djangos(response, language)


@pytest.mark.django_db
def test_row_links_keep_the_filters_as_django_does(agent_client, varied_leads):
    response = agent_client.get(f"{URL}?status=lost&o=1")

    assert_rows_are_djangos(response, "en")
    assert (
        '/change/?_changelist_filters=status%3Dlost%26o%3D1"'
        in response.content.decode()
    )


@pytest.mark.django_db
def test_a_search_for_the_links_placeholder_is_just_a_search(agent_client, account):
    LeadFactory(account=account, first_name=PK_MARK)

    response = agent_client.get(URL, {"q": PK_MARK})

    assert response.status_code == 200
    assert_rows_are_djangos(response, "en")


@pytest.mark.django_db
def test_superusers_rows_with_the_dealership_are_djangos(
    superuser_client, varied_leads
):
    other = AccountFactory(name="Gagnon & <Fils>")
    LeadFactory(account=other, first_name="Luc")

    response = superuser_client.get(URL)

    assert_rows_are_djangos(response, "en")
    assert "Gagnon &amp; &lt;Fils&gt;" in response.content.decode()


@pytest.mark.django_db
def test_rows_escape_what_customers_typed(agent_client, varied_leads):
    html = agent_client.get(URL).content.decode()

    assert "&lt;b&gt;&quot;Zoé&quot;&lt;/b&gt; O&#x27;Neil &amp; Fils" in html
    assert "<b>" not in html
    assert "Kijiji &amp; &lt;Autohebdo&gt;" in html


@pytest.mark.django_db
def test_a_name_spelling_out_another_cells_markup_is_escaped(agent_client, account):
    """Each distinct value is escaped once a page: text equal to the markup
    of a cell shown above it must not borrow that cell's safe HTML."""
    LeadFactory(account=account, status="lost")
    markup = '<span class="lead-status lead-status-lost">Lost</span>'
    LeadFactory(account=account, first_name=markup, status="lost")

    html = agent_client.get(URL).content.decode()

    assert html.count(markup) == 2  # the two status cells
    assert "&lt;span class=&quot;lead-status lead-status-lost&quot;&gt;" in html


@pytest.mark.django_db
def test_rows_show_the_preferred_phone_and_email(agent_client, varied_leads):
    marked, business, blank = varied_leads

    cl = agent_client.get(URL).context["cl"]

    listed = {lead.id: (lead.phone, lead.email) for lead in cl.result_list}
    assert listed[marked.id] == ("+15145550101", "zoe&co@example.ca")  # home > work
    assert listed[business.id] == (None, "info@gagnon.ca")
    assert listed[blank.id] == (None, None)


def assert_filters_are_djangos(response, language: str):
    cl = response.context["cl"]
    with translation.override(language):
        for spec in cl.filter_specs:
            assert parse_html(rendered_filter(cl, spec)) == parse_html(
                admin_list_filter(cl, spec)
            ), spec.title
            assert str(parse_html(admin_list_filter(cl, spec))) in str(
                parse_html(response.content.decode())
            )


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
def test_sidebar_filters_are_the_ones_django_renders(
    agent_client, varied_leads, language
):
    query = (
        "?status=lost&source=Kijiji+%26+%3CAutohebdo%3E&created_at__since=2024-01-01"
    )
    response = agent_client.get(URL + query, headers={"accept-language": language})

    assert response.status_code == 200
    assert_filters_are_djangos(response, language)
    selected = response.content.decode().count('<li class="selected">')
    assert selected == len(response.context["cl"].filter_specs) - 3  # 3 date ranges


@pytest.mark.django_db
def test_the_action_select_is_the_one_django_renders(agent_client, varied_leads):
    response = agent_client.get(URL)
    form = response.context["action_form"]

    djangos = parse_html(
        f"<label>{form['action'].label} {form['action']}</label>{form['select_across']}"
    )

    assert djangos in parse_html(response.content.decode())


@pytest.mark.django_db
def test_an_estimated_count_is_not_shown_as_exact(
    agent_client, varied_leads, monkeypatch
):
    monkeypatch.setattr(paginator, "planner_row_estimate", lambda leads: 50_000)
    monkeypatch.setattr(EstimatedCountPaginator, "exact_below", 10)

    estimated = agent_client.get(URL).content.decode()
    french = agent_client.get(URL, headers={"accept-language": "fr"}).content.decode()

    assert "Select all leads of the list" in estimated
    assert "about 50000" in estimated  # the pagination says it
    assert "Select all 50000" not in estimated
    assert "50000 results" not in estimated  # nor the search box
    assert "Sélectionner tous les prospects de la liste" in french


@pytest.mark.django_db
def test_an_exact_count_is_shown_for_a_filtered_list(
    agent_client, varied_leads, monkeypatch
):
    monkeypatch.setattr(LeadAdmin, "list_per_page", 1)

    page = agent_client.get(URL, {"division": "none"}).content.decode()

    assert "Select all 2 leads" in page
    assert "2 results" in page
