"""The import's admin pages: upload, mapping with its preview, progress,
and the downloads of the file and of its rows that made no lead. Each is a
method of LeadImportAdmin's (admin.py), which scopes the records."""

import csv
import io
from itertools import islice

from django.contrib import messages
from django.db import transaction
from django.http import FileResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from leads.csv_columns import BOM, FORMULA_PREFIXES

from .columns import IGNORE, TARGETS
from .forms import TYPE_MISSING, MappingForm, UploadForm
from .jobs import import_leads
from .models import ImportStatus, LeadImport
from .reading import read_rows
from .validation import RowChecker

PREVIEW_ROWS = 20
# Characters of the rejected rows' file handed to the response at a time.
PIECE_CHARS = 64 * 1024
IMPORT = "import"


def render(model_admin, request, template: str, context: dict):
    return TemplateResponse(
        request,
        f"admin/imports/leadimport/{template}",
        {
            **model_admin.admin_site.each_context(request),
            "opts": model_admin.opts,
            **context,
        },
    )


def page_url(record: LeadImport, name: str = "change") -> str:
    return reverse(f"admin:imports_leadimport_{name}", args=[record.pk])


def upload(model_admin, request):
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        record = form.save()
        model_admin.log_addition(request, record, [{"added": {}}])
        return redirect(page_url(record, "mapping"))
    context = {"title": _("Import leads from CSV"), "form": form}
    return render(model_admin, request, "upload.html", context)


def mapping(model_admin, request, record: LeadImport):
    if record.status != ImportStatus.UPLOADED:
        return redirect(page_url(record))
    form = MappingForm(request.POST or None, record=record)
    chosen = record.mapping
    if request.method == "POST" and form.is_valid():
        chosen = form.mapping()
        if IMPORT in request.POST:
            return confirm(request, record, form)
        record.mapping = chosen
        record.default_type = form.cleaned_data["default_type"]
        record.save(update_fields=["mapping", "default_type"])
    context = {
        "title": _("Map the columns of %(file)s") % {"file": record.filename},
        "original": record,
        "form": form,
        "preview": preview(record, chosen, form),
        "import_button": IMPORT,
        "type_missing": TYPE_MISSING,
    }
    return render(model_admin, request, "mapping.html", context)


def confirm(request, record: LeadImport, form: MappingForm):
    """Queue the import with the mapping chosen, once whatever the clicks."""
    with transaction.atomic():
        locked = LeadImport.objects.select_for_update().get(pk=record.pk)
        if locked.status == ImportStatus.UPLOADED:
            locked.mapping = form.mapping()
            locked.default_type = form.cleaned_data["default_type"]
            locked.all_or_nothing = form.cleaned_data["all_or_nothing"]
            locked.skip_duplicates = form.cleaned_data["skip_duplicates"]
            locked.language = get_language() or locked.language
            locked.status = ImportStatus.QUEUED
            locked.save()
            import_leads.defer(import_id=locked.pk)
    messages.success(request, _("The import is queued; this page shows its progress."))
    return redirect(page_url(record))


def preview(record: LeadImport, chosen: list[str], form: MappingForm) -> dict:
    """The file's first rows, their mapped cells and each row's errors, as
    the import would read them with the mapping `chosen`."""
    default_type = form.data.get("default_type", record.default_type)
    # Said once above the preview, not on each of its rows.
    no_type = "type" not in chosen and not default_type
    checker = RowChecker(
        record.header, chosen, account=record.account, default_type=default_type
    )
    shown = [index for index, key in enumerate(chosen) if key != IGNORE]
    rows = []
    with record.file.open("rb") as stored:
        lines = read_rows(stored.file, record.encoding, record.delimiter)
        for number, cells in islice(lines, PREVIEW_ROWS):
            checked = checker.check(cells)
            errors = checked.errors if checked else []
            if no_type:
                errors = [error for error in errors if error.column is not None]
            wrong = {error.column for error in errors}
            rows.append(
                {
                    "number": number,
                    "blank": checked is None,
                    "cells": [
                        (cells[index] if index < len(cells) else "", index in wrong)
                        for index in shown
                    ],
                    "errors": errors,
                }
            )
    return {
        "columns": [(record.header[i], TARGETS[chosen[i]].label) for i in shown],
        "rows": rows,
        "error_count": sum(len(row["errors"]) for row in rows),
        "no_type": no_type,
    }


def status_page(model_admin, request, record: LeadImport):
    context = {
        "title": str(record),
        "original": record,
        "status_url": page_url(record, "status"),
        "progress": progress(record),
        "mapped": [
            (name, TARGETS[key].label)
            for name, key in zip(record.header, record.mapping, strict=False)
            if key != IGNORE
        ],
    }
    return render(model_admin, request, "status.html", context)


def progress(record: LeadImport) -> str:
    return ngettext(
        "%(done)s of %(total)s row", "%(done)s of %(total)s rows", record.total_rows
    ) % {"done": record.rows_done, "total": record.total_rows}


def status(record: LeadImport) -> JsonResponse:
    return JsonResponse(
        {
            "status": record.status,
            "status_label": record.get_status_display(),
            "finished": record.is_finished,
            "rows_done": record.rows_done,
            "progress": progress(record),
            "total_rows": record.total_rows,
            "created": record.created_count,
            "skipped": record.skipped_count,
            "rejected": record.rejected_count,
            "error": record.error,
        }
    )


def original_file(record: LeadImport) -> FileResponse:
    return FileResponse(
        record.file.open("rb"), as_attachment=True, filename=record.filename
    )


def unimported_rows(record: LeadImport) -> StreamingHttpResponse:
    """The rows that made no lead, as the file had them, each behind its
    row number and why; cells a spreadsheet would run as formulas are
    defused as in our export."""
    return StreamingHttpResponse(
        _unimported_lines(record),
        content_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": (
                f'attachment; filename="import-{record.pk}-rows-not-imported.csv"'
            )
        },
    )


def _unimported_lines(record: LeadImport):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_("row"), _("reason"), *record.header])
    yield (BOM + buffer.getvalue()).encode()
    buffer.seek(0)
    buffer.truncate()
    rows = record.unimported_rows.order_by("row_number")
    values = rows.values_list("row_number", "reason", "cells")
    for number, why, cells in values.iterator(chunk_size=2000):
        writer.writerow([number, why, *map(_defused, cells)])
        if buffer.tell() >= PIECE_CHARS:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode()


def _defused(cell: str) -> str:
    return f"'{cell}" if cell.startswith(FORMULA_PREFIXES) else cell
