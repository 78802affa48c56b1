"""The forms of the case pages: the queue filters, each workflow step's inputs, the steps
before a case exists (apprehension, questioning, the asylum request, ...) and tasks.

Forms parse and show; the service functions decide. A `DomainError` from a service goes
back on the form beside the field it names (`put_error`), with the input kept. Forms that
change a case carry the case's `version`, which the view passes as `expected_version`.
"""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from borderwatch.access.models import Membership, Unit, User
from borderwatch.border.models import Place
from borderwatch.lib.errors import DomainError

from . import workflow
from .choices import CaseState
from .models import Custody, LegalRepresentation

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format=DATETIME_FORMAT)


class InstantField(forms.DateTimeField):
    """A date and time typed in Oslo time (TIME_ZONE); left empty, it means now (to the
    second, so that steps taken in the same minute stay in order)."""

    def __init__(self, *args, empty_is_now: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.empty_is_now = empty_is_now

    def clean(self, value):
        result = super().clean(value)
        if result is None and self.empty_is_now:
            return timezone.now()
        return result


def instant_field(label, *, empty_is_now=True) -> InstantField:
    hint = _("Norwegian time (Europe/Oslo).")
    if empty_is_now:
        hint = _("Norwegian time (Europe/Oslo). Leave empty for now.")
    return InstantField(
        label=label,
        required=False,
        empty_is_now=empty_is_now,
        input_formats=[DATETIME_FORMAT, "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
        help_text=hint,
        error_messages={"invalid": _("Write a date and time, such as 2025-08-22 09:00.")},
        widget=LocalDateTimeInput(),
    )


def text_field(label, *, rows=3, required=False, max_length=None, help_text="") -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    return forms.CharField(
        label=label, required=required, max_length=max_length, help_text=help_text, widget=widget
    )


class ServiceForm(forms.Form):
    """A form whose input goes to a service function."""

    # A service names nested inputs like "person.nationality"; the form field is the last part.
    def put_error(self, err: DomainError) -> None:
        """Show a service's refusal beside the field it names, or above the form."""
        name = (err.field or "").split(".")[-1]
        self.add_error(name if name in self.fields else None, err.message)


class VersionedForm(ServiceForm):
    """A form that changes a case: it carries the version of the case the user saw."""

    version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={
            "required": _("The form did not say which version of the case you saw: reload it."),
            "invalid": _("The form did not say which version of the case you saw: reload it."),
        },
    )

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        if case is not None:
            self.fields["version"].initial = case.version


# --- the queues ---------------------------------------------------------------------------

SORT_CHOICES = [
    ("due", _("Next deadline first")),
    ("-due", _("Next deadline last")),
    ("-claimed", _("Newest claim first")),
    ("claimed", _("Oldest claim first")),
    ("state", _("State")),
    ("updated", _("Changed most recently")),
]


class QueueForm(forms.Form):
    """The filters of the queue page (GET); anything wrong falls back to the default."""

    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[("", _("Any state")), *CaseState.choices],
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)


# --- workflow steps -----------------------------------------------------------------------

# Units a case can be sent to, by step.
TARGET_KINDS = {
    "refer": [Unit.Kind.POLICE, Unit.Kind.IMMIGRATION_POLICE, Unit.Kind.DIRECTORATE],
    "send_for_decision": [Unit.Kind.DIRECTORATE],
}
# Labels of a step's inputs where the plain name would be vague.
LABELS = {
    ("refer", "to_unit"): _("Refer to"),
    ("refer", "reason"): _("Reason for the referral"),
    ("reject_referral", "reason"): _("Why the referral is rejected"),
    ("withdraw_referral", "reason"): _("Why the referral is withdrawn"),
    ("withdraw_claim", "reason"): _("How the withdrawal was made known"),
    ("send_for_decision", "to_unit"): _("Send to"),
    ("send_for_decision", "reason"): _("Note to the directorate (optional)"),
    ("record_interview", "held_at"): _("Held at"),
    ("record_interview", "summary"): _("Summary of the interview"),
    ("record_interview", "interpreter"): _("Interpreter (optional)"),
    ("record_interview", "language"): _("Language (optional)"),
}
# Inputs a step's service function reads besides those it needs.
OPTIONAL = {"record_interview": ("interpreter", "language"), "send_for_decision": ("reason",)}
# Steps that undo or refuse: shown apart from the steps forward.
HOLDING_BACK = {"reject_referral", "withdraw_referral", "withdraw_claim"}


def _step_field(step: str, name: str) -> forms.Field:
    label = LABELS.get((step, name))
    if name == "to_unit":
        return forms.ChoiceField(label=label or _("Unit"), required=False)
    if name == "held_at":
        return instant_field(label or _("When"))
    if name in ("reason", "summary"):
        return text_field(label or _("Reason"), rows=4 if name == "summary" else 3)
    if name == "reasoning":
        return text_field(_("Reasoning of the decision"), rows=5)
    return text_field(label or name, rows=0, max_length=150)


class StepForm(VersionedForm):
    """The inputs of one workflow step (`workflow.TRANSITIONS[step].needs`).

    Text inputs are not required here: the service function says what is missing, in the
    same words for the pages and the API.
    """

    def __init__(self, step: str, *args, case=None, actor=None, **kwargs):
        kwargs.setdefault("prefix", step)
        super().__init__(*args, case=case, **kwargs)
        self.step = step
        self.transition = workflow.get(step)
        names = self.transition.needs + OPTIONAL.get(step, ())
        for name in names:
            self.fields[name] = _step_field(step, name)
        if "to_unit" in self.fields:
            units = Unit.objects.filter(kind__in=TARGET_KINDS.get(step, [])).order_by("name")
            if case is not None:
                units = units.exclude(pk=case.owning_unit_id)
            choices = [(u.code, u.name) for u in units]
            if len(choices) != 1:
                choices.insert(0, ("", _("Choose a unit")))
            self.fields["to_unit"].choices = choices

    @property
    def holds_back(self) -> bool:
        return self.step in HOLDING_BACK

    def service_fields(self) -> dict:
        """The step's inputs as `services.perform` takes them."""
        return {k: v for k, v in self.cleaned_data.items() if k != "version" and v is not None}


# --- before a case exists -----------------------------------------------------------------


class ApprehensionForm(ServiceForm):
    given_names = text_field(_("Given names (optional)"), rows=0, max_length=200)
    family_name = text_field(_("Family name (optional)"), rows=0, max_length=200)
    name_original_script = text_field(
        _("Name in the original script (optional)"), rows=0, max_length=200
    )
    date_of_birth = forms.DateField(
        label=_("Date of birth (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    age_claimed = forms.IntegerField(
        label=_("Age as claimed (optional)"), required=False, min_value=0, max_value=130
    )
    nationality = forms.CharField(
        label=_("Nationality (optional)"),
        required=False,
        max_length=20,
        help_text=_("Two letters, e.g. RU"),
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "spellcheck": "false"}),
    )
    language = text_field(_("Language (optional)"), rows=0, max_length=60)
    claimed_affiliation = text_field(_("Claimed affiliation (optional)"), rows=0, max_length=200)
    vulnerabilities = text_field(_("Vulnerabilities (optional)"), rows=2)
    legal_basis = forms.ChoiceField(
        label=_("Legal basis of the custody"),
        choices=[("", _("Choose the legal basis")), *Custody.LegalBasis.choices],
        error_messages={"required": _("Choose the legal basis of the custody.")},
    )
    apprehended_at = instant_field(_("Apprehended at"))
    held_at_border_since = instant_field(
        _("Held at the border since (optional)"), empty_is_now=False
    )
    place = forms.ChoiceField(label=_("Place (optional)"), required=False)

    PERSON = (
        "given_names",
        "family_name",
        "name_original_script",
        "date_of_birth",
        "age_claimed",
        "nationality",
        "language",
        "claimed_affiliation",
        "vulnerabilities",
    )

    def __init__(self, *args, incident=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["held_at_border_since"].help_text = _(
            "A holding at the border before this custody counts towards its deadline "
            "(utlendingsloven § 21 a)."
        )
        self.fields["place"].choices = [
            ("", _("Not known")),
            *Place.objects.values_list("pk", "name"),
        ]
        if incident is not None and incident.place_id:
            self.fields["place"].initial = incident.place_id

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        person = {k: data[k] for k in self.PERSON if data.get(k) not in (None, "")}
        place = Place.objects.filter(pk=data["place"]).first() if data.get("place") else None
        return {
            "person": person,
            "legal_basis": data["legal_basis"],
            "apprehended_at": data["apprehended_at"],
            "held_at_border_since": data.get("held_at_border_since"),
            "place": place,
        }


class QuestioningForm(ServiceForm):
    held_at = instant_field(_("Held at"))
    interpreter = text_field(_("Interpreter (optional)"), rows=0, max_length=150)
    language = text_field(_("Language (optional)"), rows=0, max_length=60)
    summary = text_field(_("Summary"), rows=4)


class AsylumRequestForm(ServiceForm):
    requested_at = instant_field(_("Asked for protection at"))


class CriminalMatterForm(ServiceForm):
    offence = text_field(
        _("Offence"), rows=0, max_length=200, help_text=_("e.g. illegal border crossing")
    )
    legal_reference = text_field(
        _("Legal reference (optional)"), rows=0, max_length=120, help_text=_("e.g. grenseloven")
    )
    opened_at = instant_field(_("Opened at"))


class CounselForm(ServiceForm):
    kind = forms.ChoiceField(label=_("Kind of counsel"), choices=LegalRepresentation.Kind.choices)
    lawyer = forms.ChoiceField(label=_("Lawyer with a borderwatch account"), required=False)
    lawyer_name = text_field(
        _("Lawyer's name"),
        rows=0,
        max_length=150,
        help_text=_("Not needed when you choose a lawyer above."),
    )
    criminal_matter = forms.ChoiceField(label=_("Criminal matter"), required=False)
    appointed_at = instant_field(_("Appointed at"))

    def __init__(self, *args, person=None, **kwargs):
        super().__init__(*args, **kwargs)
        lawyers = User.objects.filter(memberships__role=Membership.Role.LAWYER).distinct()
        self.fields["lawyer"].choices = [
            ("", _("None of these")),
            *((u.pk, str(u)) for u in lawyers),
        ]
        matters = person.criminal_matters.all() if person is not None else []
        self.fields["criminal_matter"].choices = [
            ("", _("None")),
            *((m.pk, m.offence) for m in matters),
        ]
        self.fields["criminal_matter"].help_text = _("Defence counsel belongs to one.")

    def service_kwargs(self, person) -> dict:
        data = self.cleaned_data
        lawyer = None
        if data.get("lawyer"):
            lawyer = User.objects.filter(
                pk=data["lawyer"], memberships__role=Membership.Role.LAWYER
            ).first()
        matter = None
        if data.get("criminal_matter"):
            matter = person.criminal_matters.filter(pk=data["criminal_matter"]).first()
        return {
            "kind": data["kind"],
            "lawyer": lawyer,
            "lawyer_name": data.get("lawyer_name", ""),
            "criminal_matter": matter,
            "appointed_at": data["appointed_at"],
        }


class EndCustodyForm(ServiceForm):
    ended_at = instant_field(_("Ended at"))
    reason = forms.ChoiceField(
        label=_("Why it ended"),
        choices=[("", _("Choose")), *Custody.EndReason.choices],
        error_messages={"required": _("Say why the custody ended.")},
    )
    note = text_field(_("Note (optional)"), rows=2)


# --- tasks --------------------------------------------------------------------------------


class CompleteTaskForm(ServiceForm):
    result = text_field(_("Result"), rows=3)
    evidence = text_field(_("Evidence (optional)"), rows=2)
    cancelled = forms.BooleanField(
        label=_("Cancel the task instead (write the reason as the result)"), required=False
    )


class AssignTaskForm(ServiceForm):
    assignee = forms.ChoiceField(label=_("Assign to"), required=False)

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = [("", _("Nobody")), *members]
