"""The lead page's form: refuses to overwrite what someone else saved
since the page was opened (the admin's side of leads.etags)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..etags import etag_of
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
            self.fields["version"].initial = etag_of(
                self.instance.pk, self.instance.updated_at
            )

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            # The admin saves inside a transaction: the row lock holds a
            # second writer here until the first one has committed.
            current = (
                Lead.objects.select_for_update()
                .values_list("updated_at", flat=True)
                .get(pk=self.instance.pk)
            )
            if cleaned.get("version") != etag_of(self.instance.pk, current):
                raise forms.ValidationError(CONFLICT, code="conflict")
        return cleaned
