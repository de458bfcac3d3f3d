"""The jobs, for superusers: each with its failed attempts' errors, and
retry and cancel actions. Staff roles have no permission on them."""

from django.contrib import admin, messages
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from procrastinate.contrib.django import app
from procrastinate.contrib.django.admin import ProcrastinateJobAdmin
from procrastinate.contrib.django.models import ProcrastinateJob

from accounts.admin_scoping import PermissionFirstMixin

from .models import JobFailure

admin.site.unregister(ProcrastinateJob)


@admin.register(ProcrastinateJob)
class JobAdmin(PermissionFirstMixin, ProcrastinateJobAdmin):
    list_display = ["pk", "short_task_name", "pretty_status", "attempts", "last_error"]
    fields = [*ProcrastinateJobAdmin.fields, "failures"]
    actions = ["retry_failed", "cancel_waiting"]
    ordering = ["-id"]
    show_full_result_count = False

    def get_queryset(self, request):
        last = JobFailure.objects.filter(job_id=OuterRef("pk")).order_by("-failed_at")
        return (
            super()
            .get_queryset(request)
            .annotate(last_error_text=Subquery(last.values("error")[:1]))
        )

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "failures"]

    @admin.display(description=_("last error"))
    def last_error(self, job):
        return job.last_error_text or ""

    @admin.display(description=_("failed attempts"))
    def failures(self, job):
        attempts = JobFailure.objects.filter(job_id=job.pk).order_by("attempt", "id")
        return format_html_join(
            "",
            "<details><summary>{} {} · {} · {}</summary><pre>{}</pre></details>",
            (
                (
                    _("Attempt"),
                    failure.attempt,
                    timezone.localtime(failure.failed_at).strftime("%Y-%m-%d %H:%M:%S"),
                    failure.error,
                    failure.traceback,
                )
                for failure in attempts
            ),
        ) or format_html("{}", _("None"))

    @admin.action(description=_("Retry the selected failed jobs now"))
    def retry_failed(self, request, queryset):
        failed = list(queryset.filter(status="failed").values_list("pk", flat=True))
        for job_id in failed:
            app.job_manager.retry_job_by_id(job_id, retry_at=timezone.now())
        self._report(request, failed, queryset, _("retried"))

    @admin.action(description=_("Cancel the selected waiting jobs"))
    def cancel_waiting(self, request, queryset):
        waiting = list(queryset.filter(status="todo").values_list("pk", flat=True))
        for job_id in waiting:
            app.job_manager.cancel_job_by_id(job_id)
        self._report(request, waiting, queryset, _("cancelled"))

    def _report(self, request, done, queryset, verb):
        skipped = queryset.count() - len(done)
        message = ngettext(
            "%(count)d job %(verb)s.", "%(count)d jobs %(verb)s.", len(done)
        ) % {"count": len(done), "verb": verb}
        if skipped:
            message += " " + ngettext(
                "%(count)d left as it was (not in a state for this action).",
                "%(count)d left as they were (not in a state for this action).",
                skipped,
            ) % {"count": skipped}
        self.message_user(
            request, message, messages.SUCCESS if done else messages.WARNING
        )


@admin.register(JobFailure)
class JobFailureAdmin(PermissionFirstMixin, admin.ModelAdmin):
    list_display = ["failed_at", "task_name", "job_id", "attempt", "error"]
    list_filter = ["task_name", "failed_at"]
    search_fields = ["task_name", "error"]
    readonly_fields = [field.name for field in JobFailure._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
