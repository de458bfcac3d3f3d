"""A task middleware that keeps every failed attempt with its error."""

import traceback

from .models import JobFailure


def record_failures(call_next, context, worker):
    """Run the task; if it raises, store why before procrastinate decides
    whether to retry it, then let the error go on."""
    try:
        return call_next()
    except Exception as error:
        job = context.job
        JobFailure.objects.create(
            job_id=job.id,
            task_name=job.task_name,
            attempt=job.attempts + 1,
            error=f"{type(error).__name__}: {error}"[:2000],
            traceback="".join(traceback.format_exception(error)),
        )
        raise
