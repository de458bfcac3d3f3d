"""The lead page's forms: the lead's refuses to overwrite what someone else
saved since the page was opened (the lead's `version`, as the API's ETag);
a phone's reads the number as typed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .. import phones
from ..models import Lead

CONFLICT = _(
    "Someone else saved this lead since you opened it. Your changes were not "
    "saved: open the lead again to see theirs, then redo yours."
)


MATCHES_FIRST = _(
    "This lead may be the same customer as the leads listed above. Open them "
    "to check, or tick “Save anyway” to create it: it will be flagged as a "
    "possible duplicate."
)


class LeadAdminForm(forms.ModelForm):
    """The admin builds the Meta (model and fields) from LeadAdmin."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)
    # Shown only once a new lead matched others (possible_duplicates.py).
    save_anyway = forms.BooleanField(label=_("Save anyway"), required=False)
    matches_found = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            # The admin saves inside a transaction: the row lock holds a
            # second writer here until the first one has committed.
            current = Lead.objects.lock_version(self.instance.pk)
            if cleaned.get("version") != current:
                raise forms.ValidationError(CONFLICT, code="conflict")
        if self.matches_found and not cleaned.get("save_anyway"):
            raise forms.ValidationError(MATCHES_FIRST, code="matches")
        return cleaned


class LeadPhoneForm(forms.ModelForm):
    """A phone row: the number in any usual spelling, read in the lead's
    dealership's country, an extension typed in it filling `extension`."""

    # Where a new lead's dealership is not known yet; LeadPhoneInline sets
    # the user's.
    default_region = phones.DEFAULT_REGION

    def clean(self):
        cleaned = super().clean()
        number = cleaned.get("number")
        # An untouched row keeps its stored number, even one phonenumbers
        # refuses, so that the rest of the lead can still be saved.
        if number and {"number", "extension"} & set(self.changed_data):
            number, typed_extension = phones.read(number, region=self._region())
            # Stored before the extensions are compared, so that the model's
            # own validation sees E.164 even when they differ.
            cleaned["number"] = number
            cleaned["extension"] = phones.agreed_extension(
                typed_extension, cleaned.get("extension")
            )
        return cleaned

    def _region(self) -> str:
        # The inline formset's own field holds the lead being saved.
        lead = self.cleaned_data.get("lead")
        if lead is not None and lead.account_id is not None:
            return lead.account.country
        return self.default_region
