"""Custody, interviews, asylum cases with their history, referrals, tasks, decisions,
criminal matters and legal representation."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from borderwatch.access.models import Unit
from borderwatch.people.models import Person

from .choices import CaseState

USER = settings.AUTH_USER_MODEL


class Custody(models.Model):
    """One period of deprivation of liberty, with its own legal basis and deadline.

    A border holding, an arrest under the Criminal Procedure Act and an immigration arrest
    are separate periods; `court_deadline` is computed by cases/deadlines.py from the
    rule named in `legal_basis` and stored, so "overdue" is a query.
    """

    class LegalBasis(models.TextChoices):
        BORDER_HOLDING = "border_holding", _("Holding at the border (utlendingsloven § 21 a)")
        CRIMINAL_ARREST = "criminal_arrest", _("Arrest (straffeprosessloven §§ 171, 183)")
        IMMIGRATION_ARREST = "immigration_arrest", _("Immigration arrest (utlendingsloven § 106)")

    class EndReason(models.TextChoices):
        RELEASED = "released", _("Released")
        BEFORE_COURT = "before_court", _("Brought before a court")
        TRANSFERRED = "transferred", _("Transferred to another custody basis")
        RETURNED = "returned", _("Returned")

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="custodies")
    incident = models.ForeignKey(
        "border.Incident", null=True, blank=True, on_delete=models.PROTECT, related_name="custodies"
    )
    owning_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="custodies")
    legal_basis = models.CharField(max_length=30, choices=LegalBasis.choices)
    started_at = models.DateTimeField()
    clock_started_at = models.DateTimeField()  # earlier if border holding counts in
    court_deadline = models.DateTimeField()
    counsel_deadline = models.DateTimeField(null=True, blank=True)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    place = models.ForeignKey(
        "border.Place", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)
    end_reason = models.CharField(max_length=20, choices=EndReason.choices, blank=True)
    end_note = models.TextField(blank=True)

    class Meta:
        ordering = ["started_at"]
        verbose_name_plural = "custody periods"
        indexes = [models.Index(fields=["ended_at", "court_deadline"], name="custody_open_due")]

    def __str__(self):
        return f"Custody {self.pk} of {self.person}"

    def is_active_at(self, at) -> bool:
        return self.started_at <= at and (self.ended_at is None or at < self.ended_at)


class AsylumCase(models.Model):
    """A claim for protection, moved along by cases/workflow.py and nothing else."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="cases")
    incident = models.ForeignKey(
        "border.Incident", null=True, blank=True, on_delete=models.PROTECT, related_name="cases"
    )
    owning_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="cases")
    state = models.CharField(max_length=30, choices=CaseState.choices, default=CaseState.CLAIMED)
    claimed_at = models.DateTimeField()
    version = models.PositiveIntegerField(default=1)  # optimistic locking
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["-claimed_at"]
        indexes = [models.Index(fields=["owning_unit", "state"], name="case_owner_state")]

    def __str__(self):
        return self.reference

    @property
    def reference(self) -> str:
        return f"CASE-{self.pk:06d}" if self.pk else "CASE-new"


class CaseTransition(models.Model):
    """One state change of a case: the history, the timeline and the statistics read it."""

    case = models.ForeignKey(AsylumCase, on_delete=models.CASCADE, related_name="transitions")
    name = models.CharField(max_length=40)
    from_state = models.CharField(max_length=30, choices=CaseState.choices, blank=True)
    to_state = models.CharField(max_length=30, choices=CaseState.choices)
    at = models.DateTimeField()
    actor = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_name = models.CharField(max_length=150)
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.case}: {self.from_state or '—'} → {self.to_state}"


class Referral(models.Model):
    """A case sent from one unit to another. Ownership moves only on acceptance."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    case = models.ForeignKey(AsylumCase, on_delete=models.PROTECT, related_name="referrals")
    from_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="referrals_sent")
    to_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="referrals_received")
    reason = models.TextField()
    sent_at = models.DateTimeField()
    sent_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answer_reason = models.TextField(blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(status="pending"),
                name="one_pending_referral_per_case",
            )
        ]

    def __str__(self):
        return f"Referral {self.pk}: {self.from_unit} → {self.to_unit}"


class Interview(models.Model):
    """Questioning by police, a registration interview, or the asylum interview."""

    class Kind(models.TextChoices):
        QUESTIONING = "questioning", _("Police questioning")
        REGISTRATION = "registration", _("Registration interview")
        ASYLUM = "asylum", _("Asylum interview")

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="interviews")
    case = models.ForeignKey(
        AsylumCase, null=True, blank=True, on_delete=models.PROTECT, related_name="interviews"
    )
    custody = models.ForeignKey(
        Custody, null=True, blank=True, on_delete=models.PROTECT, related_name="interviews"
    )
    owning_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    held_at = models.DateTimeField()
    interviewer = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    interviewer_name = models.CharField(max_length=150, blank=True)
    interpreter = models.CharField(max_length=150, blank=True)
    language = models.CharField(max_length=60, blank=True)
    summary = models.TextField(blank=True)

    class Meta:
        ordering = ["held_at"]

    def __str__(self):
        return f"{self.get_kind_display()} of {self.person} ({self.held_at:%Y-%m-%d})"


class Task(models.Model):
    """A piece of verification work on a case, with assignee, due time and result."""

    class Kind(models.TextChoices):
        IDENTITY = "identity", _("Verify identity")
        DOCUMENTS = "documents", _("Check documents")
        FINGERPRINTS = "fingerprints", _("Fingerprint check (Eurodac)")
        CLAIMS = "claims", _("Verify claims (e.g. military service, unit)")
        WATCHLISTS = "watchlists", _("Watch-list checks (SIS, NORVIS)")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    case = models.ForeignKey(AsylumCase, on_delete=models.CASCADE, related_name="tasks")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="tasks")
    assignee = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="tasks"
    )
    due_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    result = models.TextField(blank=True)
    evidence = models.TextField(blank=True)
    created_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_at", "id"]

    def __str__(self):
        return f"{self.get_kind_display()} on {self.case}"


class Decision(models.Model):
    """The outcome of a case."""

    class Outcome(models.TextChoices):
        GRANTED = "granted", _("Protection granted")
        REFUSED = "refused", _("Refused")
        OTHER_COUNTRY = "other_country", _("Another country responsible (Dublin)")

    case = models.OneToOneField(AsylumCase, on_delete=models.PROTECT, related_name="decision")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    decided_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    reasoning = models.TextField(blank=True)

    def __str__(self):
        return f"{self.case}: {self.get_outcome_display()}"


class CriminalMatter(models.Model):
    """The criminal track of a crossing (e.g. breach of the Border Act), beside the claim."""

    class Status(models.TextChoices):
        SUSPICION = "suspicion", _("Suspicion")
        INVESTIGATION = "investigation", _("Under investigation")
        FINED = "fined", _("Fine issued")
        CHARGED = "charged", _("Charged")
        DROPPED = "dropped", _("Dropped")

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="criminal_matters")
    incident = models.ForeignKey(
        "border.Incident",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="criminal_matters",
    )
    owning_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    offence = models.CharField(max_length=200)
    legal_reference = models.CharField(max_length=120, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SUSPICION)
    opened_at = models.DateTimeField()

    class Meta:
        ordering = ["opened_at"]

    def __str__(self):
        return f"Criminal matter {self.pk}: {self.offence}"


class LegalRepresentation(models.Model):
    """A lawyer acting for a person: defence counsel, counsel in detention, legal aid."""

    class Kind(models.TextChoices):
        DEFENCE = "defence", _("Defence counsel (criminal matter)")
        DETENTION = "detention", _("Counsel in detention proceedings")
        LEGAL_AID = "legal_aid", _("Legal aid (after a refusal)")

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="representations")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    lawyer = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="clients"
    )
    lawyer_name = models.CharField(max_length=150)
    criminal_matter = models.ForeignKey(
        CriminalMatter, null=True, blank=True, on_delete=models.PROTECT, related_name="counsel"
    )
    case = models.ForeignKey(
        AsylumCase, null=True, blank=True, on_delete=models.PROTECT, related_name="counsel"
    )
    appointed_by_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    appointed_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["appointed_at"]

    def __str__(self):
        return f"{self.lawyer_name} ({self.get_kind_display()}) for {self.person}"


class ClockQuerySet(models.QuerySet):
    def running(self):
        return self.filter(stopped_at__isnull=True)

    def overdue(self, now):
        """Running clocks past their due time: "overdue" is a query, not a flag."""
        return self.running().filter(due_at__lt=now)

    def due_within(self, now, delta):
        return self.running().filter(due_at__gte=now, due_at__lt=now + delta)


class Clock(models.Model):
    """A deadline as data: what must happen by when, for which unit, under which rule.

    Started by service functions (an arrest starts the court and counsel clocks, a referral
    its answer clock, ...) and stopped when what it waits for happens. The notifier warns
    the owning unit at the configured offsets before `due_at` and again when it passes.
    """

    class Kind(models.TextChoices):
        COURT = "court", _("Before a court or released")
        COUNSEL = "counsel", _("Counsel appointed")
        FIRST_REPORT = "first_report", _("EUROSUR first report")
        REFERRAL_ANSWER = "referral_answer", _("Referral answered")
        REGISTRATION = "registration", _("Application registered")
        TASK = "task", _("Verification task done")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    owning_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="clocks")
    case = models.ForeignKey(
        AsylumCase, null=True, blank=True, on_delete=models.CASCADE, related_name="clocks"
    )
    custody = models.ForeignKey(
        Custody, null=True, blank=True, on_delete=models.CASCADE, related_name="clocks"
    )
    referral = models.ForeignKey(
        Referral, null=True, blank=True, on_delete=models.CASCADE, related_name="clocks"
    )
    task = models.ForeignKey(
        Task, null=True, blank=True, on_delete=models.CASCADE, related_name="clocks"
    )
    incident = models.ForeignKey(
        "border.Incident", null=True, blank=True, on_delete=models.CASCADE, related_name="clocks"
    )
    started_at = models.DateTimeField()
    due_at = models.DateTimeField()
    source = models.CharField(max_length=300, blank=True)  # the rule and its legal source
    stopped_at = models.DateTimeField(null=True, blank=True)
    stop_reason = models.CharField(max_length=200, blank=True)
    warnings_sent = models.JSONField(default=list, blank=True)  # offsets in hours, sent
    overdue_notified_at = models.DateTimeField(null=True, blank=True)

    objects = ClockQuerySet.as_manager()

    class Meta:
        ordering = ["due_at", "id"]
        indexes = [
            models.Index(fields=["stopped_at", "due_at"], name="clock_running_due"),
            models.Index(fields=["owning_unit", "stopped_at", "due_at"], name="clock_unit_due"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} by {self.due_at:%Y-%m-%d %H:%M}"

    @property
    def subject(self):
        return self.custody or self.referral or self.task or self.case or self.incident


class Notification(models.Model):
    """An in-app message to a unit (its members see it while acting for it); e-mailed too."""

    class Kind(models.TextChoices):
        WARNING = "warning", _("Deadline approaching")
        OVERDUE = "overdue", _("Deadline passed")
        ESCALATION = "escalation", _("Escalated")
        INFO = "info", _("Information")

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="notifications")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    clock = models.ForeignKey(
        Clock, null=True, blank=True, on_delete=models.SET_NULL, related_name="notifications"
    )
    case = models.ForeignKey(
        AsylumCase, null=True, blank=True, on_delete=models.SET_NULL, related_name="notifications"
    )
    message = models.TextField()
    created_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)
    read_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    emailed_to = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["unit", "read_at", "-created_at"], name="notif_unit")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.message[:60]}"
