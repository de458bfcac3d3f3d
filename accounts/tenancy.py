"""The one rule of tenancy every queryset a user can reach starts from."""

from django.db import models


class DealershipScopedQuerySet(models.QuerySet):
    """`for_user(user)`: the rows of the user's own dealership, all of them
    for superusers, none for anonymous users or staff without one.

    Subclasses name the path from their model to the dealership's id.
    """

    account_lookup = "account_id"

    def for_user(self, user):
        if user.is_superuser:
            return self.all()
        if not user.is_authenticated or user.account_id is None:
            return self.none()
        return self.filter(**{self.account_lookup: user.account_id})
