"""GET /account and /users: the caller's dealership and its staff."""

from django.db.models import Prefetch
from django.http import Http404
from drf_spectacular.utils import (
    OpenApiParameter,
    PolymorphicProxySerializer,
    extend_schema,
    extend_schema_view,
)
from rest_framework import generics, viewsets

from accounts.models import Account, User
from accounts.serializers import (
    AccountSerializer,
    AccountWithUsersSerializer,
    UserSerializer,
)
from config.api.includes import requested_includes

ACCOUNT_INCLUDES = {"users": "users"}


class AccountView(generics.RetrieveAPIView):
    queryset = Account.objects.all()
    serializer_class = AccountSerializer

    def get_serializer_class(self):
        if "users" in requested_includes(self.request, ACCOUNT_INCLUDES):
            return AccountWithUsersSerializer
        return AccountSerializer

    def get_object(self):
        if self.request.user.account_id is None:
            raise Http404
        active_users = User.objects.filter(is_active=True).order_by("id")
        return (
            Account.objects.for_user(self.request.user)
            .prefetch_related(Prefetch("users", active_users, to_attr="active_users"))
            .get(pk=self.request.user.account_id)
        )

    @extend_schema(
        parameters=[OpenApiParameter("include[]", str, many=True, enum=["users"])],
        responses=PolymorphicProxySerializer(
            component_name="AccountOrAccountWithUsers",
            serializers=[AccountSerializer, AccountWithUsersSerializer],
            resource_type_field_name=None,
        ),
        description="The caller's dealership; `include[]=users` adds its active "
        "staff. The object itself, not a one-element array.",
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


@extend_schema_view(
    list=extend_schema(
        description="Staff of the caller's dealership, former staff included "
        "(their leads still name them); GET /account?include[]=users lists "
        "the active ones."
    )
)
class UserViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = User.objects.all()
    serializer_class = UserSerializer

    def get_queryset(self):
        return User.objects.for_user(self.request.user).order_by("id")
