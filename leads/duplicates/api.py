"""The API of duplicates: the candidates a new lead may duplicate, in its
create response, and GET /api/v2/leads/{id}/duplicates (ours)."""

from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers

from config.api.renderers import EnvelopedResponse
from leads.api.reads import reader_for
from leads.api.serializers import LeadSerializer
from leads.models import Lead

from .matching import Customer, Match, find_matches


class DuplicateCandidateSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="The existing lead.")
    reasons = serializers.ListField(
        child=serializers.CharField(),
        help_text='Why it may be the same customer: "same email (x)", "same '
        'VIN (x)", "same phone (x) and names that agree", "same provider (x) '
        'within 30 days".',
    )


class LeadCreatedSerializer(LeadSerializer):
    """The created lead, and the existing leads it may duplicate (ours:
    a client that does not know the key ignores it)."""

    duplicates = DuplicateCandidateSerializer(many=True, read_only=True)

    class Meta(LeadSerializer.Meta):
        fields = [*LeadSerializer.Meta.fields, "duplicates"]


class DuplicateLeadSerializer(LeadSerializer):
    """A candidate: the lead as the API shows it, and why it may match."""

    reasons = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta(LeadSerializer.Meta):
        fields = [*LeadSerializer.Meta.fields, "reasons"]


def candidates(matches: list[Match]) -> list[dict]:
    return [{"id": match.lead_id, "reasons": match.reason_texts} for match in matches]


class LeadDuplicatesView(generics.GenericAPIView):
    queryset = Lead.objects.all()
    serializer_class = DuplicateLeadSerializer
    pagination_class = None
    filter_backends = []

    def get_queryset(self):
        return Lead.objects.for_user(self.request.user)

    @extend_schema(
        responses=DuplicateLeadSerializer(many=True),
        description="The leads of the dealership that may be the same customer, "
        "newest first, each with its reasons. Leads merged away or marked "
        "duplicate are not offered.",
    )
    def get(self, request, pk):
        lead = self.get_object()
        matches = find_matches(Customer.of_lead(lead))
        reader = reader_for(LeadSerializer)
        rows = reader.rows(Lead.objects.filter(pk__in=[m.lead_id for m in matches]))
        by_id = {data["id"]: data for data in reader.build(rows)}
        data = [by_id[m.lead_id] | {"reasons": m.reason_texts} for m in matches]
        return EnvelopedResponse({"data": data})
