import pytest
from django.contrib.auth.models import Group

from accounts import roles
from tests.factories import AccountFactory, UserFactory


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def account(db):
    return AccountFactory(name="Lachance Toyota")


@pytest.fixture
def other_account(db):
    return AccountFactory(name="Ottawa Honda")


@pytest.fixture
def agent(account):
    user = UserFactory(account=account, username="agent", is_staff=True)
    user.groups.add(Group.objects.get(name=roles.BDC_AGENT))
    return user


@pytest.fixture
def manager(account):
    user = UserFactory(account=account, username="manager", is_staff=True)
    user.groups.add(Group.objects.get(name=roles.MANAGER))
    return user


@pytest.fixture
def superuser(db):
    return UserFactory(account=None, username="root", is_staff=True, is_superuser=True)
