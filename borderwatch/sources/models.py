"""Source reports (articles, press releases, patrol logs) and what was extracted from them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# the languages the extractor reads (a report sent without one takes it from its text)
LANGUAGES = {"en": _("English"), "no": _("Norwegian")}


class SourceReport(models.Model):
    """A text that supports records: kept whole, recognised by its hash if it comes again."""

    title = models.CharField(max_length=300)
    outlet = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=500, blank=True)
    language = models.CharField(max_length=10, default="en")
    published_at = models.DateTimeField(null=True, blank=True)
    # only the day is known ("published on 25 August"): published_at is noon of it in
    # Europe/Oslo, shown and exported as the day
    published_day_only = models.BooleanField(default=False)
    text = models.TextField()
    sha256 = models.CharField(max_length=64, unique=True)
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    owning_unit = models.ForeignKey(
        "access.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # how it came in (page, upload, api, cli, scenario) and the file it came from
    channel = models.CharField(max_length=20, blank=True)
    file_name = models.CharField(max_length=255, blank=True)
    # the last extraction: when, and by which version of the rules (sources/extract.py)
    extracted_at = models.DateTimeField(null=True, blank=True)
    extractor_version = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["-published_at", "-id"]

    def __str__(self):
        return self.title


class Mention(models.Model):
    """A span of a report that an extractor read as a fact (place, date, count, ...)."""

    report = models.ForeignKey(SourceReport, on_delete=models.CASCADE, related_name="mentions")
    field = models.CharField(max_length=40)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField()
    value = models.JSONField(null=True, blank=True)
    confidence = models.FloatField(default=1.0)
    incident = models.ForeignKey(
        "border.Incident", null=True, blank=True, on_delete=models.SET_NULL, related_name="mentions"
    )

    class Meta:
        ordering = ["report", "start"]

    def __str__(self):
        return f"{self.field} [{self.start}:{self.end}] in report {self.report_id}"


class ProposedEvent(models.Model):
    """One border-crossing event the extractor proposed from a report, waiting for an
    analyst (or reviewed): the event as in the extraction contract (`data`: when, places,
    direction, people, nationality, affiliation, detection, outcomes, evidence spans and
    confidence), and what became of it. Nothing enters the record unreviewed: an accepted
    or merged proposal names the incident it became or joined."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Waiting for review")
        ACCEPTED = "accepted", _("Accepted as a new incident")
        MERGED = "merged", _("Merged into an incident")
        REJECTED = "rejected", _("Rejected")
        SUPERSEDED = "superseded", _("Superseded by a newer extraction")

    class Role(models.TextChoices):
        MAIN = "main", _("The report's news")
        PREVIOUS = "previous", _("Mentioned in passing")

    report = models.ForeignKey(
        SourceReport, on_delete=models.PROTECT, related_name="proposed_events"
    )
    index = models.PositiveSmallIntegerField()  # the event's place in the extraction
    role = models.CharField(max_length=10, choices=Role.choices)
    data = models.JSONField()  # the event as `borderwatch extract --json` prints it
    confidence = models.FloatField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PROPOSED)
    extractor_version = models.CharField(max_length=20)
    published_basis = models.DateField(null=True, blank=True)  # relative dates read against
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    incident = models.ForeignKey(
        "border.Incident",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    review_note = models.TextField(blank=True)

    class Meta:
        ordering = ["report", "index"]
        indexes = [models.Index(fields=["status", "-created_at"], name="proposal_queue")]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "extractor_version", "index"], name="proposal_once_per_version"
            )
        ]

    def __str__(self):
        return f"Proposed {self.role} event {self.index} of report {self.report_id}"

    @property
    def when(self) -> dict:
        return self.data.get("when") or {}
