"""How staff sign in: Django's model backend, loading the dealership too."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class DealershipUserBackend(ModelBackend):
    """Django's ModelBackend, loading the user's dealership with the user so
    the time zone (accounts.time_zones) costs no query."""

    def get_user(self, user_id):
        User = get_user_model()
        try:
            user = User._default_manager.select_related("account").get(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
