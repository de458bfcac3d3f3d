from rest_framework.authentication import TokenAuthentication

from accounts.token_activity import record_use


class BearerTokenAuthentication(TokenAuthentication):
    """`Authorization: Bearer <token>`, as Activix clients send it; each use
    is recorded, so tokens nobody uses any more can be flagged."""

    keyword = "Bearer"

    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        record_use(token.key)
        return user, token
