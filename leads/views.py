"""Scoping and wiring of the lead endpoints; the rules live in the
serializers, querysets and filters."""

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, viewsets
from rest_framework.decorators import action

from config.api import requested_includes
from leads.filters import LeadFilter
from leads.models import USER_SLOTS, Lead, LeadEmail, LeadPhone, LeadVehicle
from leads.serializers import (
    LeadEmailResourceSerializer,
    LeadPhoneResourceSerializer,
    LeadSerializer,
    LeadVehicleResourceSerializer,
)

# A lead always carries these; include[] only checks the names asked for.
LEAD_INCLUDES = {
    **{name: name for name in ["account", *USER_SLOTS, "emails", "phones", "vehicles"]},
    "leadEmails": "emails",
    "leadPhones": "phones",
    "leadVehicles": "vehicles",
}
INCLUDE_PARAMETER = OpenApiParameter(
    "include[]",
    str,
    many=True,
    enum=sorted(LEAD_INCLUDES),
    description="Nested objects; a lead always carries all of them.",
)


class WriteMixin:
    """PUT is a partial update, as in Activix; writes need a dealership."""

    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def update(self, request, *args, **kwargs):
        kwargs["partial"] = True
        return super().update(request, *args, **kwargs)

    def check_permissions(self, request):
        # DELETE is a 405 for everyone, not a 403 for roles that lack it.
        if request.method.lower() not in self.http_method_names:
            raise exceptions.MethodNotAllowed(request.method)
        super().check_permissions(request)
        if (
            request.method in ("POST", "PUT", "PATCH")
            and request.user.account_id is None
        ):
            raise exceptions.PermissionDenied()


@extend_schema_view(
    list=extend_schema(parameters=[INCLUDE_PARAMETER]),
    retrieve=extend_schema(parameters=[INCLUDE_PARAMETER]),
)
class LeadViewSet(
    WriteMixin,
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    queryset = Lead.objects.all()
    serializer_class = LeadSerializer
    filterset_class = LeadFilter

    def get_queryset(self) -> QuerySet[Lead]:
        leads = Lead.objects.for_user(self.request.user)
        return leads.with_contact_data().newest_first()

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method == "GET":
            requested_includes(request, LEAD_INCLUDES)

    def perform_create(self, serializer):
        serializer.save(
            account=self.request.user.account, created_method=Lead.CreatedMethod.API
        )

    @extend_schema(
        parameters=[OpenApiParameter("query", str, required=True), INCLUDE_PARAMETER],
        filters=False,
    )
    @action(detail=False, filter_backends=[])
    def search(self, request):
        """Leads by name, second contact, email, phone, VIN or work/repair order."""
        query = request.query_params.get("query", "").strip()
        if not query:
            raise exceptions.ValidationError(
                {"query": ["The query field is required."]}
            )
        page = self.paginate_queryset(self.get_queryset().search(query))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class ContactViewSet(
    WriteMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    def get_queryset(self):
        return self.queryset.model.objects.for_user(self.request.user).order_by("id")


class LeadEmailViewSet(ContactViewSet):
    queryset = LeadEmail.objects.all()
    serializer_class = LeadEmailResourceSerializer


class LeadPhoneViewSet(ContactViewSet):
    queryset = LeadPhone.objects.all()
    serializer_class = LeadPhoneResourceSerializer


class LeadVehicleViewSet(ContactViewSet):
    queryset = LeadVehicle.objects.all()
    serializer_class = LeadVehicleResourceSerializer
