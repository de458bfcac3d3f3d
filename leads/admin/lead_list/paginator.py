"""Paging a million leads without counting them on every page."""

import json

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property


def planner_row_estimate(queryset: QuerySet) -> int:
    """PostgreSQL's estimate of the rows `queryset` returns.

    The planner derives it from pg_class.reltuples and the column statistics
    that ANALYZE keeps, so it costs no scan; for a dealership's leads
    (account_id = x) the statistics' most common values make it close.
    """
    plan = json.loads(queryset.order_by().explain(format="json"))
    return int(plan[0]["Plan"]["Plan Rows"])


class EstimatedCountPaginator(Paginator):
    """Estimates the count of a large unfiltered list.

    Filtered lists are counted exactly: the planner's guess for a filter can
    be far off, and a wrong page count there would mislead.
    """

    # Below this, an exact count is cheap, and exact.
    exact_below = 10_000

    def __init__(self, *args, estimate: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.estimate = estimate
        self.is_estimate = False

    def page(self, number):
        """The page's leads, fetched by the ids of an OFFSET over ids alone.

        The database steps over every row before the page; over index
        entries (an index-only scan of the list's ordering) rather than
        whole rows, a deep page costs a fortieth (bench/README.md).
        """
        page = super().page(number)
        leads = self.object_list
        # DISTINCT would put the ordering's columns beside the ids.
        if not leads.query.distinct:
            page.object_list = leads.filter(pk__in=page.object_list.values("pk"))
        return page

    @cached_property
    def count(self) -> int:
        leads = self.object_list
        if self.estimate:
            rows = planner_row_estimate(leads)
            if rows >= self.exact_below:
                self.is_estimate = True
                return rows
        return leads.count()
