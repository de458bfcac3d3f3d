"""The Activix API v2 dialect that every endpoint shares, one DRF piece a
module under DRF's own names, each named by dotted path in REST_FRAMEWORK
(config/settings.py): authentication, permissions, renderers, parsers,
exceptions, pagination, filters, schema; routers, serializers and fields
for the apps' own modules. docs/api.md describes the dialect."""
