"""Lead imports in the admin: managers upload files and follow them; each
record is scoped to its dealership like the lead exports."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.urls import path

from accounts.admin_scoping import DealershipScopedMixin

from . import views
from .models import LeadImport

IMPORT_PERMISSION = "imports.import_lead"


@admin.register(LeadImport)
class LeadImportAdmin(DealershipScopedMixin, admin.ModelAdmin):
    """Read-only records: the upload and mapping pages make them, the job
    fills them."""

    list_display = [
        "created_at",
        "filename",
        "user",
        "status",
        "total_rows",
        "created_count",
        "skipped_count",
        "rejected_count",
    ]
    list_display_links = ["created_at", "filename"]
    list_filter = ["status", "created_at"]
    list_select_related = ["user", "account"]
    search_fields = [
        "filename",
        "user__username",
        "user__first_name",
        "user__last_name",
    ]

    def get_urls(self):
        pages = [
            ("mapping", self.mapping_view),
            ("status", self.status_view),
            ("rejected", self.unimported_view),
            ("file", self.file_view),
        ]
        return [
            path(
                f"<path:object_id>/{name}/",
                self.admin_site.admin_view(view),
                name=f"imports_leadimport_{name}",
            )
            for name, view in pages
        ] + super().get_urls()

    def has_add_permission(self, request):
        return request.user.has_perm(IMPORT_PERMISSION)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        return views.upload(self, request)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return views.status_page(self, request, self.viewable(request, object_id))

    def mapping_view(self, request, object_id):
        if not self.has_add_permission(request):
            raise PermissionDenied
        return views.mapping(self, request, self.get_object(request, object_id))

    def status_view(self, request, object_id):
        return views.status(self.viewable(request, object_id))

    def unimported_view(self, request, object_id):
        return views.unimported_rows(self.viewable(request, object_id))

    def file_view(self, request, object_id):
        return views.original_file(self.viewable(request, object_id))

    def viewable(self, request, object_id) -> LeadImport:
        """The record, if the user may read it: refused whatever the id
        without the permission, and a 404 for another dealership's."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        return self.get_object(request, object_id)
