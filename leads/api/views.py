"""Scoping and wiring of the lead endpoints; the rules live in the
serializers, querysets and filters."""

from django.db import transaction
from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, viewsets
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from config.api.includes import requested_includes

from .. import phones
from ..duplicates.api import LeadCreatedSerializer, candidates
from ..lifecycle import lead_changed, lead_created
from ..models import (
    USER_SLOTS,
    Lead,
    LeadEmail,
    LeadPhone,
    LeadVehicle,
    version_of,
)
from .child_serializers import (
    LeadEmailResourceSerializer,
    LeadPhoneResourceSerializer,
    LeadVehicleResourceSerializer,
)
from .filters import LeadFilter
from .preconditions import check_if_match
from .reads import RowReader, reader_for
from .serializers import LeadSerializer, SearchSerializer

# Reads build the lead's JSON from rows (leads.api.reads); writes validate
# and answer with LeadSerializer, which defines the shape.
READ_ACTIONS = {"list", "retrieve", "search"}


def lead_reader() -> RowReader:
    return reader_for(LeadSerializer)


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

# As SearchSerializer reads it: blank is no query.
SEARCH_PARAMETER = OpenApiParameter(
    "query",
    {"type": "string", "minLength": 1, "maxLength": 255, "pattern": r"\S"},
    required=True,
)


class WriteMixin:
    """PUT is a partial update, as in Activix; writes need a dealership."""

    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def update(self, request, *args, **kwargs):
        kwargs["partial"] = True
        return super().update(request, *args, **kwargs)

    def check_permissions(self, request):
        super().check_permissions(request)
        if (
            request.method in ("POST", "PUT", "PATCH")
            and request.user.account_id is None
        ):
            raise exceptions.PermissionDenied()


PARTIAL_UPDATE = (
    "Partial, on PUT as on PATCH: fields not sent keep their values. Items of "
    "`emails`, `phones` and `vehicles` are added to the lead's; existing ones "
    "change through /lead-emails, /lead-phones and /lead-vehicles."
)


@extend_schema_view(
    list=extend_schema(
        parameters=[INCLUDE_PARAMETER],
        description="The dealership's leads, newest `created_at` first. "
        "`filter[created]` and `filter[updated]` are accepted as the older "
        "Activix names of `filter[created_at]` and `filter[updated_at]`.",
    ),
    create=extend_schema(
        description="A lead with its emails, phones and vehicles, all or "
        "nothing. `created_method` is `api`; language and region default to "
        "the dealership's. The answer also lists the existing leads it may "
        "duplicate (`duplicates`, ours); the lead is created either way.",
        responses={201: LeadCreatedSerializer},
    ),
    retrieve=extend_schema(parameters=[INCLUDE_PARAMETER]),
    update=extend_schema(description=PARTIAL_UPDATE),
    partial_update=extend_schema(description=PARTIAL_UPDATE),
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
        leads = Lead.objects.for_user(self.request.user).newest_first()
        if self.action in READ_ACTIONS:
            return leads
        return leads.with_related()

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method == "GET":
            requested_includes(request, LEAD_INCLUDES)

    def list(self, request, *args, **kwargs):
        return self._page_of(self.filter_queryset(self.get_queryset()))

    def retrieve(self, request, *args, **kwargs):
        lookup = {self.lookup_field: self.kwargs[self.lookup_field]}
        leads = self.filter_queryset(self.get_queryset())
        row = get_object_or_404(lead_reader().rows(leads), **lookup)
        data = lead_reader().build([row])[0]
        etag = version_of(data["id"], data["updated_at"])
        return Response(data, headers={"ETag": etag})

    def update(self, request, *args, **kwargs):
        # The row lock makes check-then-write atomic against a second writer.
        with transaction.atomic():
            lead = self.get_object()
            current = Lead.objects.lock_version(lead.pk)
            check_if_match(request.headers.get("If-Match"), current)
            response = super().update(request, *args, **kwargs)
        response["ETag"] = self.saved.version
        return response

    def perform_update(self, serializer):
        self.saved = serializer.save()
        lead_changed(self.saved)

    def create(self, request, *args, **kwargs):
        response = super().create(request, *args, **kwargs)
        response.data["duplicates"] = candidates(self.matches)
        response["ETag"] = self.saved.version
        return response

    def _page_of(self, leads):
        rows = self.paginate_queryset(lead_reader().rows(leads))
        return self.get_paginated_response(lead_reader().build(rows))

    @transaction.atomic
    def perform_create(self, serializer):
        self.saved = serializer.save(
            account=self.request.user.account, created_method=Lead.CreatedMethod.API
        )
        self.matches = lead_created(self.saved)

    @extend_schema(
        parameters=[SEARCH_PARAMETER, INCLUDE_PARAMETER],
        filters=False,
        responses=LeadSerializer(many=True),
    )
    @action(detail=False, filter_backends=[])
    def search(self, request):
        """Leads by name, second contact, email, phone, VIN or work/repair order.

        Every word must match some field ("marie laval" finds Marie of Kia
        Laval); a quoted phrase matches within one field; a phone number in
        any format is matched whole, four or more digits within numbers.
        The admin's search box matches the same way (leads.models.search).
        """
        search = SearchSerializer(data=request.query_params)
        search.is_valid(raise_exception=True)
        leads = self.get_queryset().search(
            search.validated_data["query"],
            region=phones.region_of(request.user.account),
        )
        return self._page_of(leads)


@extend_schema_view(
    update=extend_schema(
        description="Partial, on PUT as on PATCH. `lead_id` is fixed at "
        "creation; sent here, it is ignored."
    ),
    partial_update=extend_schema(description="Partial. `lead_id` is fixed."),
)
class LeadChildViewSet(
    WriteMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    def get_queryset(self):
        return self.queryset.model.objects.for_user(self.request.user).order_by("id")

    def perform_create(self, serializer):
        # A new address, number or VIN may make the lead match another.
        lead_changed(serializer.save().lead)

    def perform_update(self, serializer):
        lead_changed(serializer.save().lead)


class LeadEmailViewSet(LeadChildViewSet):
    queryset = LeadEmail.objects.all()
    serializer_class = LeadEmailResourceSerializer


class LeadPhoneViewSet(LeadChildViewSet):
    queryset = LeadPhone.objects.all()
    serializer_class = LeadPhoneResourceSerializer


class LeadVehicleViewSet(LeadChildViewSet):
    queryset = LeadVehicle.objects.all()
    serializer_class = LeadVehicleResourceSerializer
