"""Intake in the admin: managers make channels (their addresses shown
once), and review the documents the reader rejected: read them, correct
the XML and read again, or make the lead by hand from what they say."""

from urllib.parse import urlencode

from django.contrib import admin, messages
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.admin_scoping import DealershipScopedMixin

from .channels import issue_secret, rotate_secret
from .jobs import read_document
from .models import DocumentStatus, IntakeChannel, IntakeDocument
from .raw_text import readable_text


def _show_addresses(modeladmin, request, channel, addresses):
    modeladmin.message_user(
        request,
        format_html(
            _(
                "{}: send leads to <code>{}</code> or POST them to <code>{}</code>."
                " These addresses hold a secret shown only now: copy them."
            ),
            channel.provider,
            addresses.email,
            addresses.url,
        ),
        messages.SUCCESS,
    )


@admin.register(IntakeChannel)
class IntakeChannelAdmin(DealershipScopedMixin, admin.ModelAdmin):
    list_display = ["provider", "secret_hint", "type", "division", "active"]
    list_filter = ["active", "type"]
    search_fields = ["provider"]
    fields = ["provider", "type", "division", "segment", "active"]
    actions = ["rotate"]

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if request.user.is_superuser and obj is None:
            return ["account", *fields]
        return fields

    def save_model(self, request, obj, form, change):
        addresses = None
        if not change:
            if not request.user.is_superuser:
                obj.account = request.user.account
            addresses = issue_secret(obj)
        super().save_model(request, obj, form, change)
        if addresses is not None:
            _show_addresses(self, request, obj, addresses)

    @admin.action(description=_("Rotate the secret (the old addresses stop working)"))
    def rotate(self, request, channels):
        for channel in channels:
            _show_addresses(self, request, channel, rotate_secret(channel))


class ReviewFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("waiting", _("Waiting for review"))]

    def queryset(self, request, queryset):
        if self.value() == "waiting":
            return queryset.waiting_for_review()
        return queryset


@admin.register(IntakeDocument)
class IntakeDocumentAdmin(DealershipScopedMixin, admin.ModelAdmin):
    list_display = ["received_at", "channel", "via", "status", "lead_count", "reason"]
    list_filter = [ReviewFilter, "status", "via", "received_at"]
    list_select_related = ["channel"]
    search_fields = ["reason", "sender"]
    show_full_result_count = False
    actions = ["read_again"]
    fields = [
        "channel",
        "via",
        "received_at",
        "sender",
        "status",
        "reason",
        "made_leads",
        "notes",
        "as_received",
        "corrected",
        "by_hand",
        "headers",
    ]
    readonly_fields = [name for name in fields if name != "corrected"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(made=Count("intake_leads"))

    def has_add_permission(self, request):
        return False  # documents come from providers only

    @admin.display(description=_("leads"), ordering="made")
    def lead_count(self, document):
        return document.made

    @admin.display(description=_("leads made"))
    def made_leads(self, document):
        made = document.intake_leads.filter(lead__isnull=False).order_by("pk")
        return format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            (
                (reverse("admin:leads_lead_change", args=[made.lead_id]), made.lead)
                for made in made.select_related("lead")
            ),
        ) or _("None")

    @admin.display(description=_("as received"))
    def as_received(self, document):
        return format_html('<pre class="intake-raw">{}</pre>', readable_text(document))

    @admin.display(description=_("make the lead by hand"))
    def by_hand(self, document):
        channel = document.channel
        initial = {
            "source": channel.provider,
            "type": channel.type,
            "division": channel.division,
            "comment": readable_text(document)[:4000],
        }
        url = reverse("admin:leads_lead_add") + "?" + urlencode(initial)
        return format_html(
            '<a href="{}">{}</a>',
            url,
            _("A new lead with this document as its comment"),
        )

    @admin.action(description=_("Read the selected documents again"))
    def read_again(self, request, documents):
        count = 0
        for document in documents:
            read_document.defer(document_id=document.pk)
            count += 1
        documents.update(status=DocumentStatus.RECEIVED, reason="")
        self.message_user(
            request,
            ngettext(
                "%(count)d document will be read again.",
                "%(count)d documents will be read again.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
