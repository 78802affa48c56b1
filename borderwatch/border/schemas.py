"""API schemas of the border app (typed, documented in the OpenAPI)."""

from datetime import datetime
from typing import Literal

from ninja import Field, Schema
from pydantic import AwareDatetime, ConfigDict

from borderwatch.lib.schemas import Out

from .choices import DetectionSource

Source = Literal[tuple(DetectionSource.values)]  # type: ignore[valid-type]


class DetectionIn(Schema):
    model_config = ConfigDict(extra="forbid")

    detected_at: AwareDatetime = Field(description="When, with its UTC offset (ISO 8601)")
    lat: float = Field(ge=-90, le=90, description="WGS84 latitude in degrees")
    lon: float = Field(ge=-180, le=180, description="WGS84 longitude in degrees")
    source: Source = Field(description="What detected it")
    sender_id: str = Field(
        "", max_length=120, description="The sender's own id: a retry with it is not duplicated"
    )
    track_id: str = Field("", max_length=120, description="The sender's track, if any")
    description: str = Field("", max_length=4000)


class DetectionBatchIn(Schema):
    model_config = ConfigDict(extra="forbid")

    detections: list[DetectionIn] = Field(min_length=1, max_length=1000)


class DetectionOut(Out):
    id: int
    created: bool = Field(description="false when this was a retry of a filed detection")
    detected_at: datetime
    source: str
    section: str | None = Field(description="Border section code, or null outside all")
    outside_sections: bool
    distance_to_border_m: float | None
    incident: int | None
    incident_reference: str | None


class When(Out):
    start: datetime
    end: datetime = Field(description="Exclusive end of the period")
    precision: str = Field(description="exact, day, month, season or year")
    text: str = Field(description="As the source put it")
    display: str = Field(description="As borderwatch shows it, e.g. 'autumn 2023'")


class Persons(Out):
    count: int | None
    lower_bound: bool
    crossings_uncertain: bool = Field(description="The persons may have crossed together or apart")


class SourceOut(Out):
    id: int
    title: str
    outlet: str
    published_at: datetime | None


class IncidentOut(Out):
    id: int
    reference: str
    type: str
    status: str
    when: When
    place: str | None
    section: str | None
    lat: float | None
    lon: float | None
    location_approximate: bool
    country_left: str | None
    country_entered: str | None
    persons: Persons
    nationality: str | None
    claimed_affiliation: str | None
    detection_method: str | None
    impact_level: str
    impact_rule: str | None = Field(description="The rule that set the level, or who did")
    owning_unit: str


class IncidentPage(Out):
    items: list[IncidentOut]
    next_cursor: str | None = Field(description="Pass as ?cursor= for the next page")


class AssetOut(Out):
    kind: str
    call_sign: str


class SearchOut(Out):
    id: int
    started_at: datetime
    ended_at: datetime | None
    outcome: str | None
    assets: list[AssetOut]
    area: dict | None


class DetectionBrief(Out):
    id: int
    detected_at: datetime
    source: str
    lat: float
    lon: float
    filed_by_unit: str


class IncidentDetailOut(IncidentOut):
    summary: str
    detections: list[DetectionBrief]
    search_operations: list[SearchOut]
    sources: list[SourceOut]
