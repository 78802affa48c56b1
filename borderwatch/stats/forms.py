"""The filters of the statistics page: the same as `borderwatch stats` and the API."""

from django import forms
from django.utils.translation import gettext_lazy as _

from borderwatch.border.models import BorderSection
from borderwatch.lib.errors import DomainError

from .queries import CountQuery

DEFAULTS = {"by": "incident", "period": "year"}


class StatsForm(forms.Form):
    since = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    until = forms.DateField(
        label=_("To (inclusive)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    nationality = forms.CharField(
        label=_("Nationality"),
        required=False,
        max_length=20,
        help_text=_("Two letters, e.g. RU"),
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "spellcheck": "false"}),
    )
    country_entered = forms.CharField(
        label=_("Country entered"),
        required=False,
        max_length=20,
        help_text=_("Two letters, e.g. NO"),
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "spellcheck": "false"}),
    )
    section = forms.ChoiceField(label=_("Border section"), required=False)
    by = forms.ChoiceField(
        label=_("Count"), choices=[("incident", _("Incidents")), ("person", _("Persons"))]
    )
    period = forms.ChoiceField(
        label=_("Per"),
        choices=[("month", _("Month")), ("quarter", _("Quarter")), ("year", _("Year"))],
    )
    dimensions = forms.MultipleChoiceField(
        label=_("Split the table by"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[
            ("section", _("Section")),
            ("nationality", _("Nationality")),
            ("outcome", _("Outcome")),
        ],
    )

    def __init__(self, data, *args, **kwargs):
        data = data.copy()
        for key, value in DEFAULTS.items():
            if not data.get(key):
                data[key] = value
        super().__init__(data, *args, **kwargs)
        self.fields["section"].choices = [("", _("All sections"))] + list(
            BorderSection.objects.order_by("name").values_list("code", "name")
        )

    def _country(self, name: str) -> str:
        value = self.cleaned_data[name].strip().upper()
        if value and (len(value) != 2 or not value.isalpha()):
            raise forms.ValidationError(_("Write a two-letter country code, such as RU or NO."))
        return value

    def clean_nationality(self):
        return self._country("nationality")

    def clean_country_entered(self):
        return self._country("country_entered")

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            self.add_error("until", _("The last day comes before the first day."))
        return data

    def query(self) -> CountQuery | None:
        """The CountQuery of valid filters; None (and the error beside its field) if not."""
        if not self.is_valid():
            return None
        data = self.cleaned_data
        try:
            return CountQuery(
                since=data["since"],
                until=data["until"],
                nationality=data["nationality"],
                country_entered=data["country_entered"],
                section=data["section"],
                by=data["by"],
            )
        except DomainError as exc:
            self.add_error(exc.field if exc.field in self.fields else None, exc.message)
            return None
