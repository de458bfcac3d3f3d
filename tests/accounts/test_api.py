"""GET /api/v2/account and /api/v2/users: the caller's dealership and its
staff, never another's."""

from tests.conftest import bearer_client, listed_ids
from tests.factories import UserFactory

USER_KEYS = ["id", "created_at", "updated_at", "email", "first_name", "last_name"]


def test_account_is_the_callers_dealership(api_client, account, other_account):
    response = api_client.get("/api/v2/account")

    assert response.status_code == 200
    data = response.json()["data"]
    assert list(data) == ["id", "created_at", "updated_at", "name"]
    assert (data["id"], data["name"]) == (account.id, "Lachance Toyota")


def test_account_includes_its_active_users_only(
    api_client, agent, account, other_account
):
    jane = UserFactory(account=account, first_name="Jane")
    UserFactory(account=account, is_active=False)
    UserFactory(account=other_account)

    response = api_client.get("/api/v2/account", {"include[]": "users"})

    users = response.json()["data"]["users"]
    assert [user["id"] for user in users] == [agent.id, jane.id]
    assert list(users[1]) == USER_KEYS


def test_account_without_include_has_no_users(api_client):
    response = api_client.get("/api/v2/account")

    assert "users" not in response.json()["data"]


def test_account_of_a_superuser_without_dealership_is_not_found(superuser):
    response = bearer_client(superuser).get("/api/v2/account")

    assert response.status_code == 404


def test_users_lists_only_the_callers_dealership(
    api_client, agent, account, other_account
):
    jane = UserFactory(account=account)
    UserFactory(account=other_account)

    response = api_client.get("/api/v2/users")

    assert response.status_code == 200
    assert listed_ids(response) == [agent.id, jane.id]
    assert response.json()["meta"]["total"] == 2


def test_users_lists_former_staff_who_may_still_be_on_leads(api_client, account):
    former = UserFactory(account=account, is_active=False)

    response = api_client.get("/api/v2/users")

    assert former.id in listed_ids(response)


def test_user_shows_the_six_documented_keys(api_client, account):
    jane = UserFactory(
        account=account,
        first_name="Jane",
        last_name="Smith",
        email="jane@lachance.example",
    )

    response = api_client.get(f"/api/v2/users/{jane.id}")

    data = response.json()["data"]
    assert list(data) == USER_KEYS
    assert (data["email"], data["first_name"], data["last_name"]) == (
        "jane@lachance.example",
        "Jane",
        "Smith",
    )


def test_user_with_empty_names_shows_nulls(api_client, account):
    nameless = UserFactory(account=account, first_name="", last_name="", email="")

    data = api_client.get(f"/api/v2/users/{nameless.id}").json()["data"]

    assert (data["email"], data["first_name"], data["last_name"]) == (None, None, None)


def test_users_answer_with_and_without_trailing_slash(api_client, agent):
    assert api_client.get("/api/v2/users/").status_code == 200
    assert api_client.get(f"/api/v2/users/{agent.id}/").status_code == 200
    assert api_client.get("/api/v2/account/").status_code == 200


def test_users_page_parameters_present_but_empty_are_a_422(api_client):
    response = api_client.get("/api/v2/users?page=&per_page=")

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "page": ["A valid integer is required."],
        "per_page": ["A valid integer is required."],
    }
