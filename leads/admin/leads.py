"""The lead list and lead page: what a BDC agent works in all day."""

import functools

from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import (
    ERROR_FLAG,
    IGNORED_PARAMS,
    PAGE_VAR,
    SEARCH_VAR,
)
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.timezone import localtime
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from accounts.admin_choices import LabelOrderedChoicesMixin
from accounts.admin_scoping import DealershipScopedMixin

from .. import phones
from ..models import USER_SLOTS, Lead, LeadExport
from ..models.search import LEAD_TEXT_FIELDS
from . import bulk, filters
from .csv_download import export_csv, export_response
from .dialling import dial_link
from .forms import LeadAdminForm
from .inlines import LeadEmailInline, LeadPhoneInline, LeadVehicleInline
from .lead_list.changelist import LeadChangeList
from .lead_list.paginator import EstimatedCountPaginator
from .lead_page import LEAD_PAGE_FIELDSETS
from .possible_duplicates import HasPossibleDuplicatesFilter, PossibleDuplicatesMixin

STATUS_LABELS = {"active": _("Active"), **dict(Lead.Status.choices)}


@functools.cache
def select_label(language: str) -> str:
    """Django's label of a row's checkbox, looked up once per language."""
    return gettext("Select this object for an action - {}")


@functools.cache
def status_markup(status: str, language: str) -> SafeString:
    """A status as the list shows it, made once per language: a page of 100
    leads shows three or four."""
    label = STATUS_LABELS.get(status, status)
    return format_html(
        '<span class="lead-status lead-status-{}">{}</span>', status, label
    )


@admin.register(Lead)
class LeadAdmin(
    PossibleDuplicatesMixin,
    DealershipScopedMixin,
    LabelOrderedChoicesMixin,
    admin.ModelAdmin,
):
    list_display = [
        "name",
        "primary_phone",
        "primary_email",
        "division",
        "segment",
        "type",
        "source",
        "status_label",
        "result",
        "bdc_name",
        "advisor_name",
        "created",
    ]
    list_filter = [
        filters.AssignedToMeFilter,
        filters.DivisionFilter,
        "segment",
        filters.StatusFilter,
        "type",
        "result",
        ("source", filters.SourceFilter),
        "created_method",
        ("bdc", filters.DealershipUserFilter),
        ("advisor", filters.DealershipUserFilter),
        ("created_at", filters.DateRangeFilter),
        ("appointment_date", filters.DateRangeFilter),
        ("sale_date", filters.DateRangeFilter),
        HasPossibleDuplicatesFilter,
    ]
    # Shows the search box; get_search_results does the searching.
    search_fields = LEAD_TEXT_FIELDS
    search_help_text = _(
        "Name, business, second contact, email, phone in any format, VIN, "
        "work order or repair order."
    )
    # lead_list/rows.py reads the users' and dealership's names with the
    # page's values.
    list_select_related = []
    ordering = ["-created_at", "-id"]
    paginator = EstimatedCountPaginator
    show_full_result_count = False
    # Facet counts would count the whole list once per filter choice.
    show_facets = admin.ShowFacets.NEVER
    autocomplete_fields = USER_SLOTS
    inlines = [LeadEmailInline, LeadPhoneInline, LeadVehicleInline]
    actions = [
        bulk.assign_bdc,
        bulk.assign_advisor,
        bulk.set_status,
        bulk.set_result,
        export_csv,
    ]
    fieldsets = LEAD_PAGE_FIELDSETS
    readonly_fields = ["created_method", "origin", "created_at", "updated_at"]
    form = LeadAdminForm

    def get_urls(self):
        export = path(
            "export/",
            self.admin_site.admin_view(self.export_view),
            name="leads_lead_export",
        )
        # Before the defaults, whose "<object_id>/" would take "export/".
        return [export, *super().get_urls()]

    def get_changelist(self, request, **kwargs):
        return LeadChangeList

    def get_paginator(self, request, queryset, per_page, *args, **kwargs):
        paginator = super().get_paginator(request, queryset, per_page, *args, **kwargs)
        paginator.estimate = _is_unfiltered(request)
        return paginator

    def get_search_results(self, request, queryset, search_term):
        region = phones.region_of(request.user.account)
        return queryset.search(search_term, region=region), False

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if request.user.is_superuser:
            return readonly
        # Staff work their own dealership's leads; save_model sets it.
        return [*readonly, "account"]

    def save_model(self, request, obj, form, change):
        if not change and not request.user.is_superuser:
            obj.account = request.user.account
        super().save_model(request, obj, form, change)

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            "has_export_permission": self.has_export_permission(request),
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra_context)

    def has_export_permission(self, request) -> bool:
        codename = get_permission_codename("export", self.opts)
        return request.user.has_perm(f"{self.opts.app_label}.{codename}")

    def export_view(self, request):
        """Everything the list shows with the same filters and search."""
        if not (
            self.has_view_or_change_permission(request)
            and self.has_export_permission(request)
        ):
            raise PermissionDenied
        try:
            changelist = self.get_changelist_instance(request)
        except IncorrectLookupParameters:
            url = reverse("admin:leads_lead_changelist")
            return HttpResponseRedirect(f"{url}?{ERROR_FLAG}=1")
        return export_response(
            request, changelist.queryset, selection=LeadExport.Selection.FILTERED
        )

    def action_checkbox(self, lead):
        # Django renders a form widget's template for each row: milliseconds
        # a page.
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select"'
            ' aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            lead.pk,
            select_label(get_language()).format(lead),
        )

    @admin.display(description=_("came in as"))
    def origin(self, lead):
        """The intake documents the lead was read from (leads/intake/)."""
        if lead.pk is None:
            return self.get_empty_value_display()
        documents = lead.intake_records.select_related("document").order_by("pk")
        return (
            format_html_join(
                ", ",
                '<a href="{}">{}</a>',
                (
                    (
                        reverse(
                            "admin:intake_intakedocument_change",
                            args=[record.document_id],
                        ),
                        record.document,
                    )
                    for record in documents
                ),
            )
            or self.get_empty_value_display()
        )

    @admin.display(description=_("name"), ordering="last_name")
    def name(self, lead):
        return lead.display_name

    @admin.display(description=_("phone"))
    def primary_phone(self, lead):
        return lead.phone and dial_link(lead.phone, lead.country)

    @admin.display(description=_("email"))
    def primary_email(self, lead):
        return lead.email

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, lead):
        return status_markup(lead.status or "active", get_language())

    @admin.display(description=_("created"), ordering="created_at")
    def created(self, lead):
        # Year first reads the same in English and French, where 03/04 would
        # be March or April; and the short form keeps the column narrow.
        return localtime(lead.created_at).strftime("%Y-%m-%d %H:%M")

    @admin.display(description=_("BDC agent"), ordering="bdc__first_name")
    def bdc_name(self, lead):
        return lead.bdc and str(lead.bdc)

    @admin.display(description=_("advisor"), ordering="advisor__first_name")
    def advisor_name(self, lead):
        return lead.advisor and str(lead.advisor)


def _is_unfiltered(request) -> bool:
    """True when the list shows every lead the user may see, in any order."""
    if request.GET.get(SEARCH_VAR):
        return False
    list_only = {*IGNORED_PARAMS, PAGE_VAR, ERROR_FLAG}
    return all(parameter in list_only for parameter in request.GET)
