from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication

from accounts.token_activity import record_use


class BearerTokenAuthentication(TokenAuthentication):
    """`Authorization: Bearer <token>`, as Activix clients send it; each use
    is recorded, so tokens nobody uses any more can be flagged."""

    keyword = "Bearer"

    def authenticate_credentials(self, key):
        """DRF's own, loading the user's dealership in the same query, as
        accounts.backends does for the admin: writes and phone searches
        read its country (leads.phones), which would cost a query more.

        Every failure answers "Unauthenticated." (config/api/exceptions.py),
        so DRF's reasons are not repeated here.
        """
        model = self.get_model()
        try:
            token = model.objects.select_related("user__account").get(key=key)
        except model.DoesNotExist:
            raise exceptions.AuthenticationFailed() from None
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed()
        record_use(token.key)
        return (token.user, token)
