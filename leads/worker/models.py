from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class JobFailure(models.Model):
    """One failed attempt of a job, with its error: procrastinate keeps a
    job's status and attempts, not why an attempt failed."""

    # Not a foreign key: procrastinate owns its table and may delete jobs.
    job_id = models.BigIntegerField(_("job"), db_index=True)
    task_name = models.CharField(_("task"), max_length=128)
    attempt = models.PositiveIntegerField(_("attempt"))
    error = models.TextField(_("error"))
    traceback = models.TextField(_("traceback"))
    failed_at = models.DateTimeField(_("failed at"), default=timezone.now)

    class Meta:
        verbose_name = _("job failure")
        verbose_name_plural = _("job failures")
        ordering = ["-failed_at", "-id"]

    def __str__(self):
        return f"{self.task_name} #{self.job_id}: {self.error}"
