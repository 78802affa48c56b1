"""API of the sources app: reports in (`POST /reports`), a report with its proposed events
out (`GET /reports/{id}`). The review queue's endpoints come with the review work."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Router, Schema, Status
from pydantic import AwareDatetime, ConfigDict

from borderwatch.api import session

from . import services
from .models import ProposedEvent, SourceReport

router = Router(tags=["sources"])


class ReportIn(Schema):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=1_000_000, description="The report's text")
    title: str = Field("", max_length=300, description="Default: the text's first line")
    outlet: str = Field("", max_length=200)
    url: str = Field("", max_length=500)
    language: str = Field("en", max_length=10)
    published_at: AwareDatetime | None = Field(
        None, description="Publication time with its UTC offset; relative dates count from it"
    )
    extract: bool = Field(True, description="Propose the text's events for review")


class WhenOut(Schema):
    start: date | None
    end: date | None = Field(description="Exclusive end of the period")
    precision: Literal["day", "month", "season", "year", "unknown"]
    text: str


class PeopleOut(Schema):
    count: int | None
    lower_bound: bool


class EvidenceOut(Schema):
    field: str
    start: int = Field(description="Character offset into the report's text")
    end: int
    text: str


class ProposalOut(Schema):
    id: int
    status: str
    extractor_version: str
    role: Literal["main", "previous"]
    when: WhenOut
    places: list[str]
    country_entered: str | None
    country_left: str | None
    people: PeopleOut
    nationality: str | None
    affiliation: str | None
    detection: list[str]
    outcomes: list[str]
    evidence: list[EvidenceOut]
    confidence: float
    incident: int | None


class ReportOut(Schema):
    id: int
    created: bool = Field(description="false when the same text was stored before")
    title: str
    outlet: str
    url: str
    language: str
    published_at: datetime | None
    recorded_at: datetime
    sha256: str
    extractor_version: str
    events: list[ProposalOut]


def proposal_out(p: ProposedEvent) -> dict:
    return {
        **p.data,
        "id": p.pk,
        "status": p.status,
        "extractor_version": p.extractor_version,
        "incident": p.incident_id,
    }


def report_out(report: SourceReport, proposals, created: bool) -> dict:
    return {
        "id": report.pk,
        "created": created,
        "title": report.title,
        "outlet": report.outlet,
        "url": report.url,
        "language": report.language,
        "published_at": report.published_at,
        "recorded_at": report.recorded_at,
        "sha256": report.sha256,
        "extractor_version": report.extractor_version,
        "events": [proposal_out(p) for p in proposals],
    }


@router.post(
    "/reports",
    auth=[session],
    response={201: ReportOut, 200: ReportOut},
    summary="Store a source report and propose its events",
)
def post_report(request, payload: ReportIn):
    """Store the text (recognised by its hash: the same text again answers 200 with the
    report stored the first time) and propose the border-crossing events it reports, each
    with evidence spans into the text and a confidence, for an analyst to review."""
    done = services.ingest_report(
        actor=request.actor,
        text=payload.text,
        title=payload.title,
        outlet=payload.outlet,
        url=payload.url,
        language=payload.language,
        published_at=payload.published_at,
        channel="api",
        extract=payload.extract,
    )
    proposals = services.proposals_of(request.actor, done.report)
    return Status(201 if done.created else 200, report_out(done.report, proposals, done.created))


@router.get("/reports/{report_id}", auth=[session], response=ReportOut, summary="One report")
def get_report(request, report_id: int):
    """The report and its current proposals (404 for someone who may not read reports)."""
    report = services.get_report_for(request.actor, report_id)
    return report_out(report, services.proposals_of(request.actor, report), False)
