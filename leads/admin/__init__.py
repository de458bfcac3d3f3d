"""The BDC agents' desk: the lead admin, its filters, actions and exports."""

from . import exports, leads  # noqa: F401  (each registers its ModelAdmin)
