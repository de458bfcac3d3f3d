from config.api.fields import UTCDateTimeField
from config.api.serializers import ActivixModelSerializer

from .models import Account, User


class UserSerializer(ActivixModelSerializer):
    """The Activix User object: exactly these six keys."""

    created_at = UTCDateTimeField(source="date_joined", read_only=True)

    class Meta:
        model = User
        fields = ["id", "created_at", "updated_at", "email", "first_name", "last_name"]
        read_only_fields = fields


class AccountSerializer(ActivixModelSerializer):
    class Meta:
        model = Account
        fields = ["id", "created_at", "updated_at", "name"]
        read_only_fields = fields


class AccountWithUsersSerializer(AccountSerializer):
    """GET /account?include[]=users."""

    # Active staff only, prefetched by the view as `active_users`.
    users = UserSerializer(many=True, read_only=True, source="active_users")

    class Meta(AccountSerializer.Meta):
        fields = [*AccountSerializer.Meta.fields, "users"]
        read_only_fields = fields
