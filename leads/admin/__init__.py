"""The BDC agents' desk: the lead admin, its filters, actions and exports."""

from . import export_records, leads  # noqa: F401  (each registers its admin)
