"""Reading intake documents in the worker."""

from procrastinate import RetryStrategy
from procrastinate.contrib.django import app

from .models import IntakeDocument
from .reading import read


# A crash is retried (a database hiccup passes); a document the reader
# refuses is not a failure but a rejection, kept for review.
@app.task(retry=RetryStrategy(max_attempts=3, exponential_wait=2))
def read_document(document_id: int) -> str:
    document = IntakeDocument.objects.select_related("channel__account").get(
        pk=document_id
    )
    return read(document)
