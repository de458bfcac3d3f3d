"""Possible duplicates on the lead page and list (leads/duplicates/): the
lead page's panel of leads that may be the same customer, with their
reasons, a link to compare and a way to rule a pair out; a new lead that
matches shown with its matches before it is saved; and the list's filter.

A new lead is checked once it and its emails, phones and vehicles are
saved, as every other path checks it, inside the admin's transaction:
when it matches and the agent has not said to save it anyway, the
transaction is rolled back and the form shown again with the matches.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, F, OuterRef
from django.http import (
    HttpResponseBadRequest,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..duplicates.models import PossibleDuplicate
from ..lifecycle import lead_changed, lead_created

SAVE_ANYWAY = "save_anyway"


class MatchesFound(Exception):
    """Raised inside the admin's transaction to roll a new lead back."""

    def __init__(self, matches):
        self.matches = matches


class HasPossibleDuplicatesFilter(admin.SimpleListFilter):
    title = _("possible duplicates")
    parameter_name = "duplicates"

    def lookups(self, request, model_admin):
        return [("yes", _("Has possible duplicates")), ("no", _("None"))]

    def queryset(self, request, queryset):
        if self.value() not in {"yes", "no"}:
            return queryset
        pairs = PossibleDuplicate.objects.open()
        has = Exists(pairs.filter(lead=OuterRef("pk"))) | Exists(
            pairs.filter(other=OuterRef("pk"))
        )
        return queryset.filter(has if self.value() == "yes" else ~has)


class PossibleDuplicatesMixin:
    """For LeadAdmin."""

    def get_urls(self):
        rule_out = path(
            "<path:object_id>/possible-duplicates/",
            self.admin_site.admin_view(self.possible_duplicate_view),
            name="leads_lead_possible_duplicate",
        )
        return [rule_out, *super().get_urls()]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        matches = getattr(request, "duplicate_matches", None)
        if matches:
            form = type(form.__name__, (form,), {"matches_found": True})
        return form

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if getattr(request, "duplicate_matches", None):
            return [(_("Possible duplicates"), {"fields": [SAVE_ANYWAY]}), *fieldsets]
        return fieldsets

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except MatchesFound as found:
            # The lead and its children were rolled back: show the form
            # again, as posted, with what it matched.
            request.duplicate_matches = found.matches
            extra_context = {
                **(extra_context or {}),
                "duplicate_matches": self._matched_leads(request, found.matches),
            }
            return super().changeform_view(request, object_id, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "possible_duplicates": self._pairs_of(object_id),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        lead = form.instance
        before = set(PossibleDuplicate.objects.open().of(lead.pk).values_list("pk"))
        matches = lead_changed(lead) if change else lead_created(lead)
        if not change and matches and not form.cleaned_data.get(SAVE_ANYWAY):
            raise MatchesFound(matches)
        now = set(PossibleDuplicate.objects.open().of(lead.pk).values_list("pk"))
        if now - before:
            self.message_user(
                request,
                ngettext(
                    "“%(lead)s” may be the same customer as another lead: "
                    "see its page.",
                    "“%(lead)s” may be the same customer as %(count)d other "
                    "leads: see its page.",
                    len(now),
                )
                % {"lead": lead, "count": len(now)},
                messages.WARNING,
            )

    def possible_duplicate_view(self, request, object_id):
        """Rule a pair out ("not the same customer"), or back in."""
        lead = self.get_object(request, object_id)  # 404 when not theirs
        if not self.has_change_permission(request, lead):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        # The clicked button's name says what to do, its value to which pair.
        reopen = "reopen" in request.POST
        pair_id = request.POST.get("reopen" if reopen else "dismiss", "")
        if not pair_id.isdigit():
            return HttpResponseBadRequest()
        pair = get_object_or_404(PossibleDuplicate.objects.of(lead.pk), pk=pair_id)
        if reopen:
            pair.dismissed_at, pair.dismissed_by = None, None
            message = _("The pair is a possible duplicate again.")
        else:
            pair.dismissed_at, pair.dismissed_by = timezone.now(), request.user
            message = _("Ruled out: they are not the same customer.")
        pair.save(update_fields=["dismissed_at", "dismissed_by"])
        self.message_user(request, message, messages.SUCCESS)
        return HttpResponseRedirect(
            reverse("admin:leads_lead_change", args=[lead.pk]) + "#possible-duplicates"
        )

    def _pairs_of(self, object_id) -> list[dict]:
        """The lead's pairs, open first, each with the other lead."""
        try:
            lead_id = int(object_id)
        except ValueError:
            return []
        pairs = (
            PossibleDuplicate.objects.of(lead_id)
            .select_related("lead", "other", "dismissed_by")
            .order_by(F("dismissed_at").desc(nulls_first=True), "-found_at")
        )
        shown = []
        for pair in pairs:
            other = pair.other if pair.lead_id == lead_id else pair.lead
            compare = _compare_url(lead_id, other.pk)
            shown.append({"pair": pair, "lead": other, "compare": compare})
        return shown

    def _matched_leads(self, request, matches) -> list[dict]:
        leads = self.get_queryset(request).in_bulk([m.lead_id for m in matches])
        return [
            {"lead": leads[m.lead_id], "reasons": m.reason_texts}
            for m in matches
            if m.lead_id in leads
        ]


def _compare_url(*lead_ids) -> str | None:
    """The merge page for the leads, once it exists (leads/admin/merge.py)."""
    try:
        url = reverse("admin:leads_lead_merge")
    except NoReverseMatch:
        return None
    return f"{url}?ids={','.join(map(str, lead_ids))}"
