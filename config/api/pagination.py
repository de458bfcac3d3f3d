"""Laravel-style pagination of the Activix dialect: `page` and `per_page` in,
`{"data", "links", "meta"}` out (docs/api.md, "Lists")."""

import math

from rest_framework import serializers
from rest_framework.pagination import BasePagination
from rest_framework.utils.urls import replace_query_param

from .fields import QueryIntegerField
from .renderers import EnvelopedResponse


class PageParameters(serializers.Serializer):
    """`page` from 1 and `per_page` from 1 to 100, both reported if wrong."""

    page = QueryIntegerField(min_value=1, default=1)
    per_page = QueryIntegerField(min_value=1, max_value=100, default=25)

    def __init__(self, query_params):
        # DRF reads "" in a QueryDict as absent, which would make `page=` page
        # 1 and echo it in `links`: plain values keep it a value to refuse.
        data = {
            name: values[0] if len(values) == 1 else values
            for name, values in query_params.lists()
        }
        super().__init__(data=data)


class ActivixPagination(BasePagination):
    """`page` and `per_page` (1..100), with Laravel's `links` and `meta`.

    A page past the end is empty rather than a 404, as in Laravel.
    """

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        parameters = PageParameters(request.query_params)
        parameters.is_valid(raise_exception=True)
        self.page = parameters.validated_data["page"]
        self.per_page = parameters.validated_data["per_page"]
        self.total = queryset.count()
        self.offset = (self.page - 1) * self.per_page
        if self.offset >= self.total:
            # No query: past the end is empty, and an offset beyond bigint
            # would be a database error.
            return []
        return list(queryset[self.offset : self.offset + self.per_page])

    def get_paginated_response(self, data):
        return EnvelopedResponse(
            {"data": data, "links": self.get_links(), "meta": self.get_meta(len(data))}
        )

    @property
    def last_page(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    def page_url(self, number):
        url = self.request.build_absolute_uri()
        return replace_query_param(url, "page", number)

    def get_links(self):
        return {
            "first": self.page_url(1),
            "last": self.page_url(self.last_page),
            "prev": self.page_url(self.page - 1)
            if 1 < self.page <= self.last_page + 1
            else None,
            "next": self.page_url(self.page + 1)
            if self.page < self.last_page
            else None,
        }

    def get_meta(self, count):
        return {
            "current_page": self.page,
            "from": self.offset + 1 if count else None,
            "last_page": self.last_page,
            "path": self.request.build_absolute_uri(self.request.path),
            "per_page": self.per_page,
            "to": self.offset + count if count else None,
            "total": self.total,
        }

    def get_paginated_response_schema(self, schema):
        url = {"type": "string", "format": "uri"}
        nullable_url = {"type": ["string", "null"], "format": "uri"}
        nullable_int = {"type": ["integer", "null"]}
        return {
            "type": "object",
            "required": ["data", "links", "meta"],
            "properties": {
                "data": schema,
                "links": {
                    "type": "object",
                    "required": ["first", "last", "prev", "next"],
                    "properties": {
                        "first": url,
                        "last": url,
                        "prev": nullable_url,
                        "next": nullable_url,
                    },
                },
                "meta": {
                    "type": "object",
                    "required": [
                        "current_page",
                        "from",
                        "last_page",
                        "path",
                        "per_page",
                        "to",
                        "total",
                    ],
                    "properties": {
                        "current_page": {"type": "integer"},
                        "from": nullable_int,
                        "last_page": {"type": "integer"},
                        "path": url,
                        "per_page": {"type": "integer"},
                        "to": nullable_int,
                        "total": {"type": "integer"},
                    },
                },
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": "page",
                "in": "query",
                "required": False,
                "description": "Page number, from 1. A page past the end is empty.",
                "schema": {"type": "integer", "minimum": 1, "default": 1},
            },
            {
                "name": "per_page",
                "in": "query",
                "required": False,
                "description": "Items per page, 1 to 100.",
                "schema": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 100,
                    "default": 25,
                },
            },
        ]
