"""API of the sources app: reports in (`POST /reports`), a report with its proposed events
out (`GET /reports/{id}`), and the review queue (`/reports/review`: list, one proposal
with its merge candidates, accept, merge, reject)."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Router, Schema, Status
from pydantic import AwareDatetime, ConfigDict

from borderwatch.access import policy
from borderwatch.api import session
from borderwatch.lib.schemas import Out

from . import services
from .ingest import MAX_CHARACTERS
from .models import SourceReport
from .shapes import candidate_out, proposal_out, queue_item_out

router = Router(tags=["sources"])


class ReportIn(Schema):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_CHARACTERS, description="The report's text")
    title: str = Field("", max_length=300, description="Default: the text's first line")
    outlet: str = Field("", max_length=200)
    url: str = Field("", max_length=500)
    language: str = Field(
        "", max_length=10, description='e.g. "en" or "no"; default: taken from the text'
    )
    published_at: AwareDatetime | date | None = Field(
        None,
        description="Publication time with its UTC offset, or the day alone (YYYY-MM-DD) "
        "when only that is known; relative dates count from it",
        union_mode="left_to_right",
    )
    extract: bool = Field(True, description="Propose the text's events for review")


class WhenOut(Out):
    start: date | None
    end: date | None = Field(description="Exclusive end of the period")
    precision: Literal["day", "month", "season", "year", "unknown"]
    text: str


class PeopleOut(Out):
    count: int | None
    lower_bound: bool


class EvidenceOut(Out):
    field: str
    start: int = Field(description="Character offset into the report's text")
    end: int
    text: str


class ProposalOut(Out):
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


class ReportOut(Out):
    id: int
    created: bool = Field(description="false when the same text was stored before")
    title: str
    outlet: str
    url: str
    language: str
    published_at: datetime | None
    published_day_only: bool = Field(
        description="Only the day is known: published_at is noon of it in Europe/Oslo"
    )
    recorded_at: datetime
    sha256: str
    extractor_version: str
    events: list[ProposalOut]


def report_out(report: SourceReport, proposals, created: bool) -> dict:
    return {
        "id": report.pk,
        "created": created,
        "title": report.title,
        "outlet": report.outlet,
        "url": report.url,
        "language": report.language,
        "published_at": report.published_at,
        "published_day_only": report.published_day_only,
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


@router.get("/reports/{int:report_id}", auth=[session], response=ReportOut, summary="One report")
def get_report(request, report_id: int):
    """The report and its current proposals (404 for someone who may not read reports)."""
    report = services.get_report_for(request.actor, report_id)
    return report_out(report, services.proposals_of(request.actor, report), False)


# --- review ---------------------------------------------------------------------------------


class QueueItemOut(ProposalOut):
    report: int
    report_title: str
    created_at: datetime


class QueueOut(Out):
    counts: dict[str, int] = Field(description="Proposals per status (superseded left out)")
    may_review: bool = Field(description="Whether the caller may accept, merge or reject")
    proposals: list[QueueItemOut] = Field(description="Waiting for review, newest first")


class CandidateOut(Out):
    id: int
    reference: str
    occurred_from: datetime
    occurred_to: datetime
    time_precision: str
    place: str | None
    section: str | None
    persons_count: int | None
    nationality: str
    score: int
    reasons: list[str]


class ReviewOut(Out):
    proposal: QueueItemOut
    text: str = Field(description="The report's text; evidence offsets point into it")
    fields: dict = Field(description="The proposal as the incident fields accept takes")
    candidates: list[CandidateOut] = Field(description="Visible incidents it may report")
    may_review: bool


class AcceptIn(Schema):
    model_config = ConfigDict(extra="forbid")

    edits: dict = Field(
        default_factory=dict,
        description="Corrections, by field name: start, end (YYYY-MM-DD, exclusive), "
        "precision, time_text, place, country_left, country_entered, persons_count, "
        "persons_count_is_lower_bound, nationality, affiliation, detection_method, summary",
    )


class MergeIn(Schema):
    model_config = ConfigDict(extra="forbid")

    incident: int = Field(description="The id of the incident the report supports")


class RejectIn(Schema):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=1, max_length=500)


class ReviewedOut(Out):
    proposal: QueueItemOut
    incident: int | None


def reviewed_out(actor, event_id: int) -> dict:
    p = services.get_proposal_for(actor, event_id)
    return {"proposal": queue_item_out(p), "incident": p.incident_id}


@router.get("/reports/review", auth=[session], response=QueueOut, summary="The review queue")
def review_queue(request):
    """Proposals waiting for review, newest first, with the counts per status. For those
    who may read reports (others: 403)."""
    actor = request.actor
    policy.require(actor, "source.record")
    return {
        "counts": services.review_counts(actor),
        "may_review": services.may_review(actor),
        "proposals": [queue_item_out(p) for p in services.review_queue(actor)],
    }


@router.get(
    "/reports/review/{event_id}", auth=[session], response=ReviewOut, summary="One proposal"
)
def review_detail(request, event_id: int):
    """The proposal, its report's text, the fields accept would record and the merge
    candidates with their scores."""
    actor = request.actor
    event = services.get_proposal_for(actor, event_id)
    fields = services.proposed_fields(event)
    return {
        "proposal": queue_item_out(event),
        "text": event.report.text,
        "fields": fields,
        "candidates": [candidate_out(i) for i in services.merge_candidates(event, actor)],
        "may_review": services.may_review(actor),
    }


@router.post(
    "/reports/review/{event_id}/accept",
    auth=[session],
    response={201: ReviewedOut},
    summary="Accept a proposal as a new incident",
)
def review_accept(request, event_id: int, payload: AcceptIn):
    """Open an incident from the proposal (with the edits) and link the report to it
    (border guards and police operations; 409 once the proposal is reviewed)."""
    event = services.get_proposal_for(request.actor, event_id)
    services.accept_proposed_event(event, actor=request.actor, edits=payload.edits)
    return Status(201, reviewed_out(request.actor, event_id))


@router.post(
    "/reports/review/{event_id}/merge",
    auth=[session],
    response=ReviewedOut,
    summary="Merge a proposal into an incident",
)
def review_merge(request, event_id: int, payload: MergeIn):
    """Link the report to an existing incident the caller's unit may change."""
    event = services.get_proposal_for(request.actor, event_id)
    services.merge_proposed_event(event, actor=request.actor, incident=payload.incident)
    return reviewed_out(request.actor, event_id)


@router.post(
    "/reports/review/{event_id}/reject",
    auth=[session],
    response=ReviewedOut,
    summary="Reject a proposal",
)
def review_reject(request, event_id: int, payload: RejectIn):
    """Reject the proposal with a reason; nothing enters the record."""
    event = services.get_proposal_for(request.actor, event_id)
    services.reject_proposed_event(event, actor=request.actor, reason=payload.reason)
    return reviewed_out(request.actor, event_id)
