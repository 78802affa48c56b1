"""Enumerations of the border domain (EUROSUR categories, precision, levels)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IncidentType(models.TextChoices):
    """EUROSUR events layer (Regulation 1052/2013's split, a usable default taxonomy)."""

    UNAUTHORISED_CROSSING = "unauthorised_crossing", _("Unauthorised border crossing")
    CROSS_BORDER_CRIME = "cross_border_crime", _("Cross-border crime")
    CRISIS = "crisis", _("Crisis situation")
    OTHER = "other", _("Other event")


class TimePrecision(models.TextChoices):
    """How precisely an incident's time is known; its period is [start, end)."""

    EXACT = "exact", _("Exact time")
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    SEASON = "season", _("Season")
    YEAR = "year", _("Year")


class ImpactLevel(models.TextChoices):
    """EUROSUR impact levels (2019/1896 Art 25(3) for events, Art 34 for sections)."""

    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")
    VERY_HIGH = "very_high", _("Very high")  # incidents only
    CRITICAL = "critical", _("Critical")  # sections only, temporarily, in a crisis


class DetectionSource(models.TextChoices):
    PATROL = "patrol", _("Border patrol")
    CAMERA = "camera", _("Camera")
    RADAR = "radar", _("Radar")
    UAV = "uav", _("Unmanned aircraft")
    HELICOPTER = "helicopter", _("Helicopter")
    SENSOR = "sensor", _("Ground sensor")
    POLICE = "police", _("Police")
    SURRENDERED = "surrendered", _("Person gave themselves up")
    PUBLIC_TIP = "public_tip", _("Public tip")
    OTHER = "other", _("Other")


class IncidentStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class AssetKind(models.TextChoices):
    PATROL = "patrol", _("Foot or vehicle patrol")
    UAV = "uav", _("Unmanned aircraft (drone)")
    HELICOPTER = "helicopter", _("Helicopter")
    DOG = "dog", _("Dog unit")
    BOAT = "boat", _("Boat")
    OTHER = "other", _("Other")


class SearchOutcome(models.TextChoices):
    FOUND = "found", _("Person(s) found")
    NOT_FOUND = "not_found", _("Nobody found")
    CALLED_OFF = "called_off", _("Called off")
