"""The one rule of tenancy every query a user can reach starts from."""

from django.db import models


def for_user(queryset: models.QuerySet, user, account_lookup: str = "account_id"):
    """The rows of `queryset` in the user's own dealership, all of them for
    superusers, none for anonymous users or staff without one.

    `account_lookup` is the path from the rows to their dealership's id.
    """
    if user.is_superuser:
        return queryset.all()
    if not user.is_authenticated or user.account_id is None:
        return queryset.none()
    return queryset.filter(**{account_lookup: user.account_id})


class DealershipScopedQuerySet(models.QuerySet):
    """`for_user(user)` on a model of ours; subclasses whose rows reach
    their dealership through a relation name the path."""

    account_lookup = "account_id"

    def for_user(self, user):
        return for_user(self, user, self.account_lookup)
