"""The `filter[x][op]` query parameters of the Activix dialect, translated
once into django-filter's `x__op` (docs/api.md, "Filters")."""

import re

from django.http import QueryDict
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import exceptions

FILTER_PARAMETER = re.compile(
    r"^filter\[(?P<name>\w+)\](?:\[(?P<operator>gt|gte|lt|lte)\])?$"
)


class BracketFilterBackend(DjangoFilterBackend):
    """Reads `filter[name]` and `filter[name][gte]` as django-filter's
    `name` and `name__gte`; names in the FilterSet's `aliases` are renamed.

    Unknown, repeated and empty filters are a 422 naming them, like bad
    values.
    """

    def get_filterset_kwargs(self, request, queryset, view):
        kwargs = super().get_filterset_kwargs(request, queryset, view)
        filterset_class = self.get_filterset_class(view, queryset)
        aliases = getattr(filterset_class, "aliases", {})
        known = set(filterset_class.base_filters) if filterset_class else set()
        data, errors = QueryDict(mutable=True), {}
        for parameter, values in request.query_params.lists():
            if not parameter.startswith("filter"):
                continue
            match = FILTER_PARAMETER.match(parameter)
            name = match and aliases.get(match["name"], match["name"])
            lookup = name and (
                f"{name}__{match['operator']}" if match["operator"] else name
            )
            if lookup not in known:
                errors[parameter] = ["This filter does not exist."]
                continue
            if len(values) > 1:
                # Lists are comma-separated (division); a repeat is a mistake.
                errors[parameter] = ["Give this filter once."]
                continue
            if not values[0].strip():
                # django-filter reads "" as no filter; the schema forbids it,
                # and `active` and `none` name the empty values.
                errors[parameter] = ["Give this filter a value."]
                continue
            data.setlist(lookup, values)
        if errors:
            raise exceptions.ValidationError(errors)
        kwargs["data"] = data
        return kwargs

    def filter_queryset(self, request, queryset, view):
        if not any(name.startswith("filter") for name in request.query_params):
            # A FilterSet with no data filters nothing, and building one is
            # a tenth of a small page's time (bench/README.md).
            return queryset
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            raise exceptions.ValidationError(
                {bracketed(name): errors for name, errors in filterset.errors.items()}
            )
        return filterset.qs


def bracketed(lookup: str) -> str:
    """django-filter's `created_at__gte` as clients write it."""
    name, _, operator = lookup.partition("__")
    return f"filter[{name}][{operator}]" if operator else f"filter[{name}]"
