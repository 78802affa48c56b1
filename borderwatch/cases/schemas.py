"""API schemas of the case workflow: queues, the case document, referrals, tasks,
notifications (typed, documented in the OpenAPI).

The case document is redacted by field groups (`cases/redact.py`): a part the reader's
groups do not cover is left out of the JSON, not sent as null. Its fields are therefore
optional here, and the endpoints answer with `exclude_unset`.
"""

from datetime import date, datetime
from typing import Any, Literal

from ninja import Field, Schema
from pydantic import ConfigDict

from borderwatch.lib.schemas import Out

from .choices import CaseState
from .models import Referral, Task
from .queues import QUEUES, SORTS

Queue = Literal[tuple(QUEUES)]  # type: ignore[valid-type]
Sort = Literal[tuple(SORTS)]  # type: ignore[valid-type]


class UnitOut(Out):
    code: str
    name: str


# --- queues ------------------------------------------------------------------------------


class CaseFilters(Schema):
    queue: Queue = Field(
        "mine",
        description="mine: the unit's open and decided cases; referred: referrals waiting "
        "for the unit; due: a clock of the unit due within 24 hours; overdue: a clock of "
        "the unit past due; all: every case you may see",
    )
    state: CaseState | None = None
    sort: Sort = Field(
        "due",
        description="due / -due: the unit's next deadline (cases without one last); "
        "claimed / -claimed; state; updated (newest first)",
    )
    limit: int = Field(50, ge=1, le=200)
    cursor: str | None = Field(None, description="From the previous page's next_cursor")


class CaseSummary(Out):
    id: int
    reference: str
    state: str
    state_label: str
    owning_unit: UnitOut
    claimed_at: datetime
    updated_at: datetime
    version: int = Field(description="Send as expected_version when you change the case")
    next_due: datetime | None = Field(description="The unit's earliest running deadline")
    incident_reference: str | None


class CasePage(Out):
    queue: str
    sort: str
    items: list[CaseSummary]
    next_cursor: str | None = Field(description="Pass as ?cursor= for the next page")
    counts: dict[str, int] = Field(description="How many cases each queue holds")


# --- the case document -------------------------------------------------------------------


class PersonOut(Out):
    reference: str
    given_names: str | None
    family_name: str | None
    name_original_script: str | None
    transliterations: list[Any]
    nationality: str | None
    language: str | None
    claimed_affiliation: str | None
    date_of_birth: date | None
    age_claimed: int | None


class ReferralBrief(Out):
    id: int
    from_unit: UnitOut
    to_unit: UnitOut
    status: str
    status_label: str
    reason: str
    sent_at: datetime
    answered_at: datetime | None
    answer_reason: str
    escalated_at: datetime | None


class AssessmentOut(Out):
    assessed_at: datetime
    unit: UnitOut
    conclusion: str
    conclusion_label: str
    text: str


class SecurityNotificationOut(Out):
    id: int
    to_unit: UnitOut
    status: str
    status_label: str
    sent_at: datetime
    reason: str | None = Field(None, description="Group 'security' only")
    assessments: list[AssessmentOut] | None = Field(None, description="Group 'security' only")


class ClockOut(Out):
    kind: str
    label: str
    owning_unit: UnitOut
    started_at: datetime
    due_at: datetime
    running: bool
    overdue: bool
    seconds_left: int | None = Field(
        description="Until due (negative when overdue); null once stopped"
    )
    stopped_at: datetime | None
    stop_reason: str
    source: str = Field(description="The rule and its legal source")


class InterviewOut(Out):
    id: int
    kind: str
    kind_label: str
    held_at: datetime
    unit: UnitOut
    interviewer: str | None = Field(None, description="Group 'interview' only")
    interpreter: str | None = Field(None, description="Group 'interview' only")
    language: str | None = Field(None, description="Group 'interview' only")
    summary: str | None = Field(None, description="Group 'interview' only")


class CaseTaskOut(Out):
    id: int
    kind: str
    kind_label: str
    status: str
    unit: UnitOut
    assignee: str | None
    due_at: datetime | None
    completed_at: datetime | None
    result: str | None = Field(None, description="Group 'interview' only")
    evidence: str | None = Field(None, description="Group 'interview' only")


class DecisionOut(Out):
    outcome: str
    outcome_label: str
    decided_at: datetime
    unit: UnitOut
    reasoning: str | None = Field(None, description="Group 'interview' only")


class TransitionOut(Out):
    name: str
    label: str
    needs: list[str] = Field(description="The keys to send in `fields`")


class CaseDocument(Out):
    """One case as its reader may see it. `groups` says which field groups that is; the
    parts of other groups are absent."""

    id: int
    reference: str
    state: str
    state_label: str
    version: int = Field(description="Send as expected_version when you change the case")
    groups: list[str] = Field(description="core, personal, interview, security")
    # core
    owning_unit: UnitOut | None = None
    claimed_at: datetime | None = None
    updated_at: datetime | None = None
    incident_reference: str | None = None
    referrals: list[ReferralBrief] | None = None
    security_notifications: list[SecurityNotificationOut] | None = None
    clocks: list[ClockOut] | None = None
    interviews: list[InterviewOut] | None = None
    tasks: list[CaseTaskOut] | None = None
    decision: DecisionOut | None = None
    allowed_transitions: list[TransitionOut] | None = Field(
        None, description="The steps you may take now"
    )
    # personal
    person: PersonOut | None = Field(None, description="Group 'personal' only")


class TransitionIn(Schema):
    model_config = ConfigDict(extra="forbid")

    transition: str = Field(description="A name from allowed_transitions")
    fields: dict[str, Any] = Field(
        {}, description='The inputs the step needs (its `needs`), e.g. {"reason": "…"}'
    )
    expected_version: int = Field(ge=1, description="The case's version you read")


class TimelineEntryOut(Out):
    at: datetime
    what: str
    who: str
    unit: str
    detail: str


class TimelineOut(Out):
    case: str
    state: str
    entries: list[TimelineEntryOut]


# --- referrals ---------------------------------------------------------------------------


class ReferralFilters(Schema):
    direction: Literal["incoming", "outgoing"] | None = Field(
        None, description="incoming: to your unit; outgoing: from it; both when left out"
    )
    status: Referral.Status | None = None
    limit: int = Field(50, ge=1, le=200)
    cursor: str | None = None


class ReferralOut(ReferralBrief):
    case: int
    case_reference: str
    case_state: str
    case_version: int = Field(description="Send as expected_version to answer or withdraw")


class ReferralPage(Out):
    items: list[ReferralOut]
    next_cursor: str | None


class AcceptIn(Schema):
    model_config = ConfigDict(extra="forbid")

    expected_version: int = Field(ge=1, description="The case's version you read")


class ReasonIn(AcceptIn):
    reason: str = Field(max_length=4000)


# --- tasks -------------------------------------------------------------------------------


class TaskFilters(Schema):
    case: int | None = Field(None, description="A case id")
    status: Task.Status | None = None
    mine: bool = Field(False, description="Only tasks assigned to you")
    limit: int = Field(50, ge=1, le=200)
    cursor: str | None = None


class TaskOut(Out):
    """A task of your unit. Its result and evidence are in the case document."""

    id: int
    case: int
    case_reference: str
    kind: str
    kind_label: str
    status: str
    unit: UnitOut
    assignee: str | None
    due_at: datetime | None
    created_at: datetime
    completed_at: datetime | None


class TaskPage(Out):
    items: list[TaskOut]
    next_cursor: str | None


class CompleteIn(Schema):
    model_config = ConfigDict(extra="forbid")

    result: str = Field(max_length=10000, description="The result, or why it is cancelled")
    evidence: str = Field("", max_length=10000)
    cancelled: bool = False


class AssignIn(Schema):
    model_config = ConfigDict(extra="forbid")

    assignee: str | None = Field(description="A username of the task's unit, or null")


# --- notifications -----------------------------------------------------------------------


class NotificationFilters(Schema):
    unread: bool = Field(False, description="Only unread ones")
    limit: int = Field(50, ge=1, le=200)
    cursor: str | None = None


class NotificationOut(Out):
    id: int
    kind: str
    kind_label: str
    message: str
    case: int | None
    case_reference: str | None
    created_at: datetime
    read_at: datetime | None
    read_by: str | None


class NotificationPage(Out):
    items: list[NotificationOut]
    next_cursor: str | None
    unread: int = Field(description="How many of the unit's notifications are unread")
