"""A tolerant, safe reader of ADF (Auto-lead Data Format) 1.0 documents.

Pure Python: no models, settings or database, so the intake channels, its
jobs and the tests use it alike. docs/adf.md maps ADF to our Lead.
"""

from .document import Document, Prospect, RejectedDocument
from .read import MAX_DOCUMENT_BYTES, read_adf

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "Document",
    "Prospect",
    "RejectedDocument",
    "read_adf",
]
