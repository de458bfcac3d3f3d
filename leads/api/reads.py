"""How GET responses are built: a page of objects as plain data read from
`.values_list()` rows, in a fixed number of queries whatever its size.

The JSON shape is not defined here. It is read from the serializers
(LeadSerializer and those it nests), which stay the reference, the write
path and the OpenAPI schema's source; tests/leads/test_api_reads.py holds
both equal on the same leads. Why not the serializers themselves: a page
of 100 nested leads through LeadSerializer costs several times what this
path does (bench/README.md, "API page").
"""

import functools
from collections import defaultdict
from operator import itemgetter

from django.db import models
from rest_framework import ISO_8601, serializers
from rest_framework.settings import api_settings

from config.api.fields import UTCDateTimeField

# Read fields whose `.values()` value the API's renderer writes exactly as
# the field's to_representation() would: datetimes (UTC from the database)
# as `+00:00` seconds. Dates, decimals and generated flags: _check_as_stored.
AS_STORED = (
    serializers.BooleanField,
    serializers.CharField,
    serializers.ChoiceField,
    serializers.IntegerField,
    serializers.JSONField,
    UTCDateTimeField,
)


@functools.cache
def reader_for(serializer_class) -> "RowReader":
    return RowReader(serializer_class)


class RowReader:
    """One serializer's read fields as columns, related objects as the
    serializers nested in it (a to-one field's column is its foreign key; a
    to-many field's is the object's own key, to find its items by)."""

    def __init__(self, serializer_class):
        serializer = serializer_class()
        self.model = serializer.Meta.model
        meta = self.model._meta
        self.keys, sources = [], []
        self.to_one, self.to_many = {}, {}
        for name, field in serializer.fields.items():
            if field.write_only:
                continue
            nested = _nested_serializer(field)
            if isinstance(field, serializers.ListSerializer):
                relation = meta.get_field(field.source)
                child = reader_for(type(field.child))
                self.to_many[name] = (child, relation.field.attname)
                source = meta.pk.attname
            elif nested is not None:
                self.to_one[name] = reader_for(nested)
                source = meta.get_field(field.source).attname
            else:
                _check_as_stored(serializer_class, name, field)
                source = meta.get_field(field.source).attname
            self.keys.append(name)
            sources.append(source)
        self.blank_text = serializer.blank_text_names
        self.columns = list(dict.fromkeys(sources))
        self._pick = itemgetter(*(self.columns.index(s) for s in sources))

    def rows(self, queryset: models.QuerySet) -> models.QuerySet:
        """`queryset` as the rows build() takes; slice it to a page."""
        return queryset.values_list(*self.columns)

    def build(self, rows) -> list[dict]:
        """The objects of `rows` with their related objects, in a query per
        related table."""
        pending = defaultdict(list)
        objects = self._build(rows, pending)
        while pending:
            reader, references = pending.popitem()
            ids = {obj[key] for obj, key in references} - {None}
            related = reader._by_key(ids, pending)
            for obj, key in references:
                obj[key] = related.get(obj[key])
        return objects

    def _build(self, rows, pending) -> list[dict]:
        pick, keys, blank_text = self._pick, self.keys, self.blank_text
        objects = [dict(zip(keys, pick(row), strict=True)) for row in rows]
        for obj in objects:
            for name in blank_text:
                if obj[name] == "":
                    obj[name] = None
        for name, reader in self.to_one.items():
            pending[reader].extend((obj, name) for obj in objects)
        for name, (child, foreign_key) in self.to_many.items():
            items = child._items_of(
                {obj[name] for obj in objects}, foreign_key, pending
            )
            for obj in objects:
                obj[name] = items.get(obj[name], [])
        return objects

    def _items_of(self, keys, foreign_key, pending) -> dict[object, list[dict]]:
        """This reader's objects whose `foreign_key` is in `keys`, by it, in
        the model's ordering (as a prefetch gives them)."""
        queryset = self.model._default_manager.filter(**{f"{foreign_key}__in": keys})
        rows = list(queryset.values_list(*self.columns, foreign_key))
        items = defaultdict(list)
        for obj, row in zip(self._build(rows, pending), rows, strict=True):
            items[row[-1]].append(obj)
        return items

    def _by_key(self, keys, pending) -> dict[object, dict]:
        pk = self.model._meta.pk.attname
        queryset = self.model._default_manager.filter(pk__in=keys).order_by()
        rows = list(queryset.values_list(*self.columns, pk))
        objects = self._build(rows, pending)
        return {row[-1]: obj for obj, row in zip(objects, rows, strict=True)}


def _nested_serializer(field):
    """The serializer that shows a related object, for nested serializers
    and fields that delegate to one (UserSlotField)."""
    if isinstance(field, serializers.BaseSerializer):
        return type(field)
    return getattr(field, "serializer_class", None)


def _check_as_stored(serializer_class, name, field) -> None:
    """Refuse, when the reader is first built, a field this path would show
    differently from the serializer: extend the path before the field."""
    if isinstance(field, serializers.DecimalField):
        stored = not field.coerce_to_string
    elif isinstance(field, serializers.DateField):
        stored = getattr(field, "format", api_settings.DATE_FORMAT) == ISO_8601
    elif isinstance(field, serializers.ModelField):
        # GeneratedField flags: ModelField passes booleans through.
        output_field = getattr(field.model_field, "output_field", None)
        stored = isinstance(output_field, models.BooleanField)
    else:
        stored = isinstance(field, AS_STORED) and not getattr(field, "binary", False)
    if not stored or "." in field.source or field.source == "*":
        raise TypeError(
            f"{serializer_class.__name__}.{name} ({type(field).__name__}) has no "
            "reading in leads.api.reads"
        )
