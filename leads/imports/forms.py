"""The upload form, and the form that maps a file's columns to targets."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.models import Account
from leads.models import Lead

from . import columns
from .models import LeadImport
from .reading import MAX_BYTES, UnreadableFile, inspect

TWICE = _("%(target)s is chosen for two columns: %(first)s and %(second)s.")
NOTHING_MAPPED = _("Choose a field for at least one column.")
TYPE_MISSING = _(
    "Every lead needs a type: map a column to Type, or choose the type of rows "
    "that give none."
)


FILE_HELP = _(
    "UTF-8 or Windows-1252, comma or semicolon separated, with a header row; "
    "at most %(limit)s MB."
)


class UploadForm(forms.Form):
    file = forms.FileField(label=_("CSV file"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        limit = MAX_BYTES // (1024 * 1024)
        self.fields["file"].help_text = FILE_HELP % {"limit": limit}
        self.layout = None
        # Superusers belong to no dealership: they say whose leads these are.
        if user.is_superuser:
            self.fields["account"] = forms.ModelChoiceField(
                Account.objects.for_user(user), label=_("Dealership")
            )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            self.layout = inspect(upload.file, upload.size)
        except UnreadableFile as error:
            raise forms.ValidationError(error.message) from None
        return upload

    def save(self) -> LeadImport:
        upload, layout = self.cleaned_data["file"], self.layout
        account = self.cleaned_data.get("account") or self.user.account
        return LeadImport.objects.create(
            account=account,
            user=self.user,
            file=upload,
            filename=upload.name[:255],
            encoding=layout.encoding,
            delimiter=layout.delimiter,
            header=layout.header,
            mapping=columns.guess_mapping(layout.header),
            total_rows=layout.total_rows,
            language=get_language() or "en",
        )


class MappingForm(forms.Form):
    """A select per column of the file, and how to import its rows."""

    default_type = forms.ChoiceField(
        label=_("Type of leads whose row gives none"),
        choices=[("", _("None: reject such rows")), *Lead.Type.choices],
        required=False,
    )
    all_or_nothing = forms.BooleanField(
        label=_("All or nothing"),
        help_text=_("Create no lead at all if any row is rejected."),
        required=False,
    )

    skip_duplicates = forms.BooleanField(
        label=_("Skip duplicates"),
        help_text=_(
            "Skip a row whose email an earlier row of the file has. A customer "
            "may have several leads (a sale, a service visit): leave it off to "
            "import them all."
        ),
        required=False,
    )

    def __init__(self, *args, record: LeadImport, **kwargs):
        super().__init__(*args, **kwargs)
        self.header = record.header
        choices = columns.choices()
        for index, name in enumerate(record.header):
            self.fields[self.column_field(index)] = forms.ChoiceField(
                label=name or _("Column %(number)s") % {"number": index + 1},
                choices=choices,
                required=False,
                initial=record.mapping[index],
            )
        self.fields["default_type"].initial = record.default_type
        self.fields["all_or_nothing"].initial = record.all_or_nothing
        self.fields["skip_duplicates"].initial = record.skip_duplicates

    @staticmethod
    def column_field(index: int) -> str:
        return f"column_{index}"

    def column_fields(self) -> list[forms.BoundField]:
        return [self[self.column_field(i)] for i in range(len(self.header))]

    def options(self) -> list[forms.BoundField]:
        return [self["all_or_nothing"], self["skip_duplicates"]]

    def mapping(self) -> list[str]:
        data = self.cleaned_data
        return [data[self.column_field(i)] for i in range(len(self.header))]

    def clean(self):
        data = super().clean()
        chosen: dict[str, int] = {}
        for index in range(len(self.header)):
            key = data.get(self.column_field(index), columns.IGNORE)
            if key == columns.IGNORE:
                continue
            if key in chosen:
                first = self.fields[self.column_field(chosen[key])].label
                second = self.fields[self.column_field(index)].label
                target = columns.TARGETS[key].label
                raise forms.ValidationError(
                    TWICE % {"target": target, "first": first, "second": second}
                )
            chosen[key] = index
        if not chosen:
            raise forms.ValidationError(NOTHING_MAPPED)
        if "type" not in chosen and not data.get("default_type"):
            raise forms.ValidationError(TYPE_MISSING)
        return data
