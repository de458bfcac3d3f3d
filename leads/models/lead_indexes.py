"""The lead table's indexes: each names the query it serves."""

from django.db import models
from django.db.models import Q

from .lead_queryset import USER_SLOTS

LEAD_INDEXES = [
    # Every list is one dealership's leads, newest first.
    models.Index(
        fields=["account", "-created_at", "-id"],
        name="lead_account_created_idx",
    ),
    # Integrators poll for what changed since their last pull.
    models.Index(fields=["account", "updated_at"], name="lead_account_updated_idx"),
    models.Index(
        fields=["account", "division", "-created_at"],
        name="lead_account_division_idx",
    ),
    models.Index(
        fields=["account", "segment", "-created_at"],
        name="lead_account_segment_idx",
    ),
    models.Index(
        fields=["account", "status", "-created_at"],
        name="lead_account_status_idx",
    ),
    # The lead list filtered by division and segment: counted from
    # the index alone and paged in its order (bench/README.md).
    models.Index(
        fields=["account", "division", "segment", "-created_at", "-id"],
        name="lead_account_div_segment_idx",
    ),
    # The lead list's source filter skips through it, one probe per
    # distinct source, instead of reading every lead.
    models.Index(fields=["account", "source"], name="lead_account_source_idx"),
    # "Assigned to me", and SET_NULL when a user is deleted.
    *(
        models.Index(
            fields=[slot],
            condition=Q(**{f"{slot}__isnull": False}),
            name=f"lead_{slot}_idx",
        )
        for slot in USER_SLOTS
    ),
    # Speed to lead: a dealership's response times over a period, and its
    # leads still waiting for one (NULL).
    models.Index(
        fields=["account", "first_response_at"],
        name="lead_account_response_idx",
    ),
    # Superusers list every dealership at once.
    models.Index(fields=["-created_at", "-id"], name="lead_created_idx"),
]
