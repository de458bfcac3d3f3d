"""One minimal factory per model: only what a valid row needs."""

import factory

from accounts.models import Account, User
from leads.models import Lead, LeadEmail, LeadExport, LeadPhone, LeadVehicle


class AccountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Account

    name = factory.Sequence(lambda n: f"Dealership {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    account = factory.SubFactory(AccountFactory)
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@dealer.example")
    password = factory.django.Password("pass")


class LeadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lead

    account = factory.SubFactory(AccountFactory)
    type = Lead.Type.EMAIL


class LeadEmailFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LeadEmail

    lead = factory.SubFactory(LeadFactory)
    address = factory.Sequence(lambda n: f"customer{n}@mail.example")
    type = LeadEmail.Type.HOME


class LeadPhoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LeadPhone

    lead = factory.SubFactory(LeadFactory)
    number = factory.Sequence(lambda n: f"+1514555{n % 10000:04d}")
    type = LeadPhone.Type.MOBILE


class LeadVehicleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LeadVehicle

    lead = factory.SubFactory(LeadFactory)
    type = LeadVehicle.Type.WANTED


class LeadExportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LeadExport

    user = factory.SubFactory(UserFactory)
    account = factory.LazyAttribute(lambda export: export.user.account)
