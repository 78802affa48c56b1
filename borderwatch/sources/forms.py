"""The report page's form: paste a text or upload a file, with what is known about it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .ingest import MAX_BYTES, MAX_CHARACTERS, Document, UnreadableFile, read_document
from .models import LANGUAGES


class ReportForm(forms.Form):
    text = forms.CharField(
        label=_("Paste the text"),
        required=False,
        max_length=MAX_CHARACTERS,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false"}),
        help_text=_("The whole article, press release, log or message, as it was written."),
    )
    file = forms.FileField(
        label=_("Or upload a file"),
        required=False,
        help_text=_("Text (UTF-8), HTML or PDF, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.text,.md,.html,.htm,.pdf"}),
    )
    title = forms.CharField(
        label=_("Title"),
        required=False,
        max_length=300,
        help_text=_("Leave empty to use the file's title or the text's first line."),
    )
    outlet = forms.CharField(label=_("Outlet"), required=False, max_length=200)
    url = forms.URLField(
        label=_("Address (URL)"), required=False, max_length=500, assume_scheme="https"
    )
    published = forms.DateField(
        label=_("Published on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Relative dates such as “on Friday” count from this day."),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("From the text")), *LANGUAGES.items()],
        required=False,
    )

    def clean(self):
        data = super().clean()
        text, upload = data.get("text") or "", data.get("file")
        if text.strip() and upload:
            self.add_error("file", _("Paste a text or upload a file, not both."))
            return data
        if upload:
            if upload.size > MAX_BYTES:
                self.add_error("file", _("The file is larger than 10 MB."))
                return data
            try:
                document = read_document(upload.read(), upload.name)
            except UnreadableFile as exc:
                self.add_error("file", exc.reason)
                return data
            if len(document.text) > MAX_CHARACTERS:
                # as long a text as may be pasted (a page's extraction runs while one waits)
                self.add_error(
                    "file",
                    _(
                        "Its text is longer than %(limit)s characters: split the file and "
                        "upload the parts."
                    )
                    % {"limit": f"{MAX_CHARACTERS:,}"},
                )
                return data
            data["document"] = document
            return data
        if not text.strip():
            if "text" not in self.errors:
                self.add_error("text", _("Paste the report's text, or upload a file."))
            return data
        data["document"] = Document(text=text.replace("\r\n", "\n"), kind="text")
        return data


PRECISION_CHOICES = [
    ("", _("— not known —")),
    ("day", _("Day")),
    ("month", _("Month")),
    ("season", _("Season")),
    ("year", _("Year")),
]


class ReviewForm(forms.Form):
    """A proposed event's fields as the reviewer may correct them before accepting."""

    start = forms.DateField(
        label=_("From (day)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    end = forms.DateField(
        label=_("Until (day, exclusive)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Leave empty to end with the period the precision gives."),
    )
    precision = forms.ChoiceField(
        label=_("Known to the"), choices=PRECISION_CHOICES, required=False
    )
    time_text = forms.CharField(
        label=_("Time as the report puts it"), required=False, max_length=120
    )
    place = forms.CharField(label=_("Place (gazetteer)"), required=False, max_length=120)
    country_left = forms.CharField(label=_("Country left"), required=False, max_length=2)
    country_entered = forms.CharField(label=_("Country entered"), required=False, max_length=2)
    persons_count = forms.IntegerField(label=_("Number of persons"), required=False, min_value=0)
    persons_count_is_lower_bound = forms.BooleanField(label=_("At least that many"), required=False)
    nationality = forms.CharField(label=_("Nationality"), required=False, max_length=2)
    affiliation = forms.CharField(label=_("Claimed affiliation"), required=False, max_length=120)
    detection_method = forms.ChoiceField(label=_("Detected by"), required=False)
    summary = forms.CharField(
        label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        from borderwatch.border.choices import DetectionSource

        super().__init__(*args, **kwargs)
        self.fields["detection_method"].choices = [("", "—"), *DetectionSource.choices]


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it rejected?"),
        max_length=500,
        help_text=_("Not a crossing, a duplicate, misread …"),
        error_messages={"required": _("Say why the proposal is rejected.")},
    )
