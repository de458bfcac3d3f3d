"""Bulk actions on selected leads: assign a user slot, set status or result.

Each asks for the value on an intermediate page, then updates the leads in
one UPDATE and records the change in the admin log, as a form save would,
and in the audit trail with each lead's old and new value, which the
UPDATE's lack of signals would otherwise skip.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.models import CHANGE, LogEntry
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts import audit
from accounts.models import User

from ..models import Lead, LeadQuerySet

APPLY = "apply"
# What str(lead) reads, for the admin log.
DISPLAY_NAME_FIELDS = ["first_name", "last_name", "business_name"]


class BulkUpdateForm(forms.Form):
    """One field, `value`, made by the action that asks for it."""

    def __init__(self, *args, value_field: forms.Field, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["value"] = value_field


def _user_field(request, slot: str) -> forms.Field:
    staff = User.objects.for_user(request.user).filter(is_active=True)
    return forms.ModelChoiceField(
        staff.order_by("first_name", "last_name", "username"),
        label=capfirst(Lead._meta.get_field(slot).verbose_name),
        required=False,
        empty_label=_("Nobody (unassign)"),
    )


def _choice_field(name: str, choices, *, required: bool = True) -> forms.Field:
    return forms.ChoiceField(
        label=capfirst(Lead._meta.get_field(name).verbose_name),
        choices=choices,
        required=required,
    )


def update_leads(modeladmin, request, leads: LeadQuerySet, *, field, value_field):
    """Ask for `field`'s new value, then set it on `leads`."""
    form = BulkUpdateForm(
        request.POST if APPLY in request.POST else None, value_field=value_field
    )
    if not form.is_valid():
        return TemplateResponse(
            request,
            "admin/leads/lead/bulk_update.html",
            {
                **modeladmin.admin_site.each_context(request),
                "title": _("Change %(field)s") % {"field": value_field.label},
                "opts": modeladmin.opts,
                "form": form,
                "lead_count": leads.count(),
                "action": request.POST["action"],
                "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
                "select_across": request.POST.get("select_across", "0"),
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                "apply": APPLY,
            },
        )
    value = form.cleaned_data["value"]
    skipped = 0
    if isinstance(value, User):
        # Tenancy: a superuser's selection may span dealerships, but a lead
        # is worked only by its own dealership's staff.
        skipped = leads.exclude(account_id=value.account_id).count()
        leads = leads.filter(account_id=value.account_id)
    changed = list(
        leads.select_related(None).only(*DISPLAY_NAME_FIELDS, "account", field)
    )
    # update() skips auto_now, and integrators poll updated_at for changes.
    count = leads.update(**{field: value, "updated_at": timezone.now()})
    _log_changes(request, changed, field)
    _audit_changes(request, changed, field, value)
    modeladmin.message_user(
        request,
        ngettext("%(count)d lead updated.", "%(count)d leads updated.", count)
        % {"count": count},
        messages.SUCCESS,
    )
    if skipped:
        modeladmin.message_user(
            request,
            ngettext(
                "%(count)d lead of another dealership was left unchanged.",
                "%(count)d leads of another dealership were left unchanged.",
                skipped,
            )
            % {"count": skipped},
            messages.WARNING,
        )
    return None


def _log_changes(request, leads: list[Lead], field: str) -> None:
    # Stored untranslated, as the admin does, and translated when shown.
    with translation.override(None):
        label = str(capfirst(Lead._meta.get_field(field).verbose_name))
    LogEntry.objects.log_actions(
        user_id=request.user.pk,
        queryset=leads,
        action_flag=CHANGE,
        change_message=[{"changed": {"fields": [label]}}],
    )


def _audit_changes(request, leads: list[Lead], field: str, value) -> None:
    # The values as django-auditlog stores them: a user slot as the user's id.
    attname = Lead._meta.get_field(field).attname
    new = value.pk if isinstance(value, User) else value
    audit.log_updates(
        request,
        [
            (lead, {field: [getattr(lead, attname), new]})
            for lead in leads
            if getattr(lead, attname) != new
        ],
    )


@admin.action(permissions=["change"], description=_("Assign a BDC agent"))
def assign_bdc(modeladmin, request, leads):
    return update_leads(
        modeladmin, request, leads, field="bdc", value_field=_user_field(request, "bdc")
    )


@admin.action(permissions=["change"], description=_("Assign an advisor"))
def assign_advisor(modeladmin, request, leads):
    return update_leads(
        modeladmin,
        request,
        leads,
        field="advisor",
        value_field=_user_field(request, "advisor"),
    )


@admin.action(permissions=["change"], description=_("Set the status"))
def set_status(modeladmin, request, leads):
    choices = [("", _("Active")), *Lead.Status.choices]
    return update_leads(
        modeladmin,
        request,
        leads,
        field="status",
        # Blank is a status: active.
        value_field=_choice_field("status", choices, required=False),
    )


@admin.action(permissions=["change"], description=_("Set the result"))
def set_result(modeladmin, request, leads):
    return update_leads(
        modeladmin,
        request,
        leads,
        field="result",
        value_field=_choice_field("result", Lead.Result.choices),
    )
