"""Source reports (articles, press releases, patrol logs) and what was extracted from them."""

from django.conf import settings
from django.db import models


class SourceReport(models.Model):
    """A text that supports records: kept whole, recognised by its hash if it comes again."""

    title = models.CharField(max_length=300)
    outlet = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=500, blank=True)
    language = models.CharField(max_length=10, default="en")
    published_at = models.DateTimeField(null=True, blank=True)
    text = models.TextField()
    sha256 = models.CharField(max_length=64, unique=True)
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    owning_unit = models.ForeignKey(
        "access.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

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
