"""The worker's own upkeep."""

from django.conf import settings
from procrastinate.contrib.django import app


@app.periodic(cron="* * * * * */15")
@app.task(queueing_lock="retry_stalled_jobs", pass_context=True)
async def retry_stalled_jobs(context, timestamp: int) -> int:
    """Put back in the queue the jobs a worker was running when it died
    (killed, its machine lost): nothing a worker took is lost with it."""
    manager = context.app.job_manager
    stalled = await manager.get_stalled_jobs(
        seconds_since_heartbeat=settings.WORKER_STALLED_SECONDS
    )
    for job in stalled:
        await manager.retry_job(job)
    return len(stalled)
