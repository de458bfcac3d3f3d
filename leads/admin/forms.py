"""The lead page's form: refuses to overwrite what someone else saved
since the page was opened (the lead's `version`, as the API's ETag)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Lead

CONFLICT = _(
    "Someone else saved this lead since you opened it. Your changes were not "
    "saved: open the lead again to see theirs, then redo yours."
)


class LeadAdminForm(forms.ModelForm):
    """The admin builds the Meta (model and fields) from LeadAdmin."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)

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
        return cleaned
