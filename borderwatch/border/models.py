"""Geography, detections, incidents, search operations and EUROSUR event reports."""

from django.conf import settings
from django.db import models

from borderwatch.access.models import Unit

from .choices import (
    AssetKind,
    DetectionSource,
    ImpactLevel,
    IncidentStatus,
    IncidentType,
    SearchOutcome,
    TimePrecision,
)


class BorderSection(models.Model):
    """A stretch of the border with its area (GeoJSON Polygon/MultiPolygon, WGS84)."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=120)
    geometry = models.JSONField(null=True, blank=True)
    impact_level = models.CharField(
        max_length=10, choices=ImpactLevel.choices, default=ImpactLevel.LOW
    )
    responsible_units = models.ManyToManyField(Unit, blank=True, related_name="sections")
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class SectionLevelChange(models.Model):
    """The history of a section's impact level: when, to what, by which rule or person, why."""

    section = models.ForeignKey(BorderSection, on_delete=models.CASCADE, related_name="levels")
    level = models.CharField(max_length=10, choices=ImpactLevel.choices)
    previous_level = models.CharField(max_length=10, choices=ImpactLevel.choices, blank=True)
    at = models.DateTimeField()
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    by_name = models.CharField(max_length=150, blank=True)  # the person, or console:…
    rule = models.CharField(max_length=100, blank=True)  # the rule, when no person set it
    reason = models.TextField(blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)  # a person's setting ends then

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.section}: {self.previous_level or '—'} → {self.level}"


class Place(models.Model):
    """A gazetteer entry: a named place with its spelling variants and a point."""

    name = models.CharField(max_length=120, unique=True)
    variants = models.JSONField(default=list, blank=True)  # other spellings and scripts
    lat = models.FloatField()
    lon = models.FloatField()
    approximate = models.BooleanField(default=False)  # coordinates not verified
    section = models.ForeignKey(
        BorderSection, null=True, blank=True, on_delete=models.SET_NULL, related_name="places"
    )
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class IncidentQuerySet(models.QuerySet):
    def with_names(self):
        """With the place, section and owning unit a listed incident names, in the same
        query, but not the section's polygon (kilobytes of JSON to decode for every row)."""
        return self.select_related("place", "section", "owning_unit").defer("section__geometry")


class Incident(models.Model):
    """An event at the border: a crossing (or attempt), with what is known and how well.

    The time is a period [occurred_from, occurred_to) with a precision; the number of
    persons says whether it is exact or a lower bound; `crossings_uncertain` marks a
    record that stands for a group whose members may have crossed together or apart
    (so it counts as one incident at least and `persons_count` at most).
    """

    type = models.CharField(
        max_length=30, choices=IncidentType.choices, default=IncidentType.UNAUTHORISED_CROSSING
    )
    status = models.CharField(
        max_length=10, choices=IncidentStatus.choices, default=IncidentStatus.OPEN
    )
    owning_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="incidents")
    external_ref = models.CharField(max_length=120, unique=True, null=True, blank=True)
    summary = models.TextField(blank=True)

    occurred_from = models.DateTimeField()
    occurred_to = models.DateTimeField()  # exclusive
    time_precision = models.CharField(max_length=10, choices=TimePrecision.choices)
    time_text = models.CharField(max_length=120, blank=True)  # as the source put it

    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    location_approximate = models.BooleanField(default=False)
    place = models.ForeignKey(
        Place, null=True, blank=True, on_delete=models.PROTECT, related_name="incidents"
    )
    section = models.ForeignKey(
        BorderSection, null=True, blank=True, on_delete=models.PROTECT, related_name="incidents"
    )

    country_left = models.CharField(max_length=2, blank=True)  # ISO 3166-1 alpha-2
    country_entered = models.CharField(max_length=2, blank=True)
    attempted_only = models.BooleanField(default=False)  # stopped before crossing

    persons_count = models.PositiveIntegerField(null=True, blank=True)
    persons_count_is_lower_bound = models.BooleanField(default=False)
    crossings_uncertain = models.BooleanField(default=False)
    nationality = models.CharField(max_length=2, blank=True)  # main nationality, ISO2
    claimed_affiliation = models.CharField(max_length=120, blank=True)
    detection_method = models.CharField(max_length=20, choices=DetectionSource.choices, blank=True)
    impact_level = models.CharField(
        max_length=10, choices=ImpactLevel.choices, default=ImpactLevel.LOW
    )
    impact_rule = models.CharField(max_length=100, blank=True)  # or "set by <person>"

    opened_at = models.DateTimeField()
    persons = models.ManyToManyField("people.Person", blank=True, related_name="incidents")
    sources = models.ManyToManyField("sources.SourceReport", blank=True, related_name="incidents")

    objects = IncidentQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_from"]
        indexes = [
            # The period filter of lists, statistics and the map. On PostgreSQL it also
            # holds what the map's grid cells read (position, impact, and the owner and id
            # the policy asks about), so a view of 100,000 incidents is summed from the
            # index alone (an index-only scan) instead of visiting 30,000 table pages.
            # SQLite has no INCLUDE: there it is the plain index (check W040 silenced).
            models.Index(
                fields=["occurred_from", "occurred_to"],
                include=["lat", "lon", "impact_level", "owning_unit", "id"],
                name="incident_period",
            ),
            models.Index(fields=["owning_unit", "-occurred_from"], name="incident_owner_time"),
            models.Index(fields=["section", "-occurred_from"], name="incident_section_time"),
            # The map's bounding-box filter and its grid aggregation.
            models.Index(fields=["lat", "lon"], name="incident_position"),
        ]

    def __str__(self):
        return self.reference

    @property
    def reference(self) -> str:
        return f"INC-{self.pk:06d}" if self.pk else "INC-new"

    @property
    def when(self) -> str:
        from borderwatch.lib.timefmt import format_period

        return format_period(self.occurred_from, self.occurred_to, self.time_precision)

    @property
    def direction(self) -> str:
        home = settings.BORDERWATCH_HOME_COUNTRY
        if self.country_entered == home:
            return "entry"
        if self.country_left == home:
            return "exit"
        return ""


class Detection(models.Model):
    """An alert or sensor hit: when, where, by what. The raw payload is kept as received."""

    source = models.CharField(max_length=20, choices=DetectionSource.choices)
    detected_at = models.DateTimeField()
    lat = models.FloatField()
    lon = models.FloatField()
    description = models.TextField(blank=True)
    filed_by_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="detections")
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    integration = models.ForeignKey(
        "access.IntegrationToken",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="detections",
    )
    sender_id = models.CharField(max_length=120, blank=True)  # the sender's own id
    track_id = models.CharField(max_length=120, blank=True)
    raw_payload = models.JSONField(default=dict, blank=True)
    place = models.ForeignKey(
        Place, null=True, blank=True, on_delete=models.PROTECT, related_name="detections"
    )
    section = models.ForeignKey(
        BorderSection, null=True, blank=True, on_delete=models.PROTECT, related_name="detections"
    )
    distance_to_border_m = models.FloatField(null=True, blank=True)
    outside_sections = models.BooleanField(default=False)
    incident = models.ForeignKey(
        Incident, null=True, blank=True, on_delete=models.PROTECT, related_name="detections"
    )
    received_at = models.DateTimeField()

    class Meta:
        ordering = ["-detected_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["filed_by_unit", "sender_id"],
                condition=~models.Q(sender_id=""),
                name="detection_sender_id_once_per_unit",
            )
        ]

    def __str__(self):
        return f"Detection {self.pk} ({self.get_source_display()})"


class SearchOperation(models.Model):
    """A search for persons after an incident: which assets, where, how it ended."""

    incident = models.ForeignKey(
        Incident, on_delete=models.PROTECT, related_name="search_operations"
    )
    owning_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    area = models.JSONField(null=True, blank=True)  # GeoJSON Polygon
    outcome = models.CharField(max_length=20, choices=SearchOutcome.choices, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["started_at"]

    def __str__(self):
        return f"Search {self.pk} for {self.incident}"


class SearchAsset(models.Model):
    """One asset in a search: a patrol, a drone with its call sign, a helicopter, a dog."""

    operation = models.ForeignKey(SearchOperation, on_delete=models.CASCADE, related_name="assets")
    kind = models.CharField(max_length=20, choices=AssetKind.choices)
    call_sign = models.CharField(max_length=60, blank=True)
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self):
        if self.call_sign:
            return f"{self.get_kind_display()}: {self.call_sign}"
        return self.get_kind_display()


class EventReport(models.Model):
    """A EUROSUR report of an incident: the first within 24 hours, then follow-ups.

    Carries no person's identity (personal data stays national).
    """

    class Kind(models.TextChoices):
        FIRST = "first", "First report"
        FOLLOW_UP = "follow_up", "Follow-up"
        CLOSURE = "closure", "Closure"

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="reports")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    due_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    impact_level = models.CharField(max_length=10, choices=ImpactLevel.choices)
    credibility = models.CharField(max_length=40, blank=True)
    reliability = models.CharField(max_length=40, blank=True)
    validation_status = models.CharField(max_length=40, blank=True)
    content = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["incident", "sent_at"]

    def __str__(self):
        return f"{self.get_kind_display()} report on {self.incident}"


class CrossingSums(models.Model):
    """What a set of crossings adds up to, in one section with one nationality and country
    entered (the fields IncidentSpan and IncidentMonth share; stats.queries sums the same
    over incidents)."""

    section_pk = models.IntegerField(default=0)  # 0: no section (a key column cannot be NULL)
    nationality = models.CharField(max_length=2, blank=True)
    country_entered = models.CharField(max_length=2, blank=True)
    records = models.IntegerField(default=0)
    incidents_max = models.IntegerField(default=0)  # a group that may have crossed apart: N
    persons_min = models.IntegerField(default=0)  # an unknown number counts as 1
    persons_max = models.IntegerField(default=0)  # an unknown number counts as 0 …
    persons_open = models.IntegerField(default=0)  # … and is one of these (no upper bound)

    class Meta:
        abstract = True


class IncidentSpan(CrossingSums):
    """Crossings (not attempts) added up by the days their period spans: how many records
    run from `first_day` to `last_day` (dates in Europe/Oslo; the last is the day of the
    period's last instant) in one section with one nationality and country entered.

    Counts over a period at a million incidents read these few hundred thousand sums
    instead of the incidents (stats.queries.compute_breakdown, for those who may count
    every incident). On PostgreSQL, triggers on border_incident keep them (border/spans.py,
    whatever writes: services, the importer's COPY, the generator). SQLite has no time
    zones to find an Oslo date in a trigger; there the table stays empty and unused.
    A sum that falls to zero stays, with records = 0."""

    first_day = models.DateField()
    last_day = models.DateField()
    within_month = models.BooleanField(default=True)  # first_day and last_day in one month

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["first_day", "last_day", "section_pk", "nationality", "country_entered"],
                name="incident_span_key",
            )
        ]
        indexes = [
            # the few spans across months, which IncidentMonth does not hold
            models.Index(
                fields=["first_day", "last_day"],
                condition=models.Q(within_month=False),
                name="incident_span_months",
            )
        ]

    def __str__(self):
        return f"{self.first_day}–{self.last_day} section {self.section_pk}: {self.records}"


class IncidentMonth(CrossingSums):
    """The incident spans that lie within one month, added up per month (the first day of
    it): a year's breakdown reads twelve of these per section, nationality and country
    instead of every day's spans. Kept with the spans by the same triggers (border/spans.py;
    PostgreSQL only)."""

    month = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["month", "section_pk", "nationality", "country_entered"],
                name="incident_month_key",
            )
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} section {self.section_pk}: {self.records}"
