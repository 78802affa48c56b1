"""Storing reports and proposing their events: policy, duplicates, audit, re-runs."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from borderwatch.access.models import AuditEvent
from borderwatch.lib.errors import AccessDenied, DomainError, NotVisible
from borderwatch.sources import extract as extractor
from borderwatch.sources import services
from borderwatch.sources.models import ProposedEvent, SourceReport

from .helpers import article

OSLO = ZoneInfo("Europe/Oslo")
MONDAY = datetime(2025, 8, 25, 12, 0, tzinfo=OSLO)


def ingest(actor, text=None, **kw):
    return services.ingest_report(
        actor=actor, text=text or article(), published_at=MONDAY, channel="page", **kw
    )


def test_it_stores_a_report_and_proposes_its_events(police):
    done = ingest(police)
    assert done.created
    report = done.report
    assert report.title == "Russian soldier Seeks Asylum in Norway,Citing Opposition to Ukraine War"
    assert report.owning_unit == police.unit and report.recorded_by == police.user
    assert report.extractor_version == extractor.EXTRACTOR_VERSION
    assert [p.role for p in done.proposals] == ["main", "previous", "previous", "previous"]
    main = done.proposals[0]
    assert main.status == ProposedEvent.Status.PROPOSED
    assert main.data["when"]["start"] == "2025-08-22"
    assert main.published_basis.isoformat() == "2025-08-25"
    assert main.incident is None  # nothing enters the record unreviewed
    assert main.confidence == main.data["confidence"]


def test_it_audits_the_recording_and_the_extraction(police):
    report = ingest(police).report
    recorded = AuditEvent.objects.get(verb="source.recorded", target_id=str(report.pk))
    extracted = AuditEvent.objects.get(verb="source.extracted", target_id=str(report.pk))
    assert recorded.actor == police.user and extracted.actor == police.user
    assert extracted.payload["events"] == 4
    assert extracted.payload["extractor"] == extractor.EXTRACTOR_VERSION
    assert sorted(extracted.payload["proposals"]) == sorted(
        report.proposed_events.values_list("pk", flat=True)
    )


def test_the_same_text_twice_is_stored_once(police, guard):
    first = ingest(police)
    again = ingest(guard, text=article().replace("\n", "\r\n") + "  \n")
    assert not again.created and again.report == first.report
    assert SourceReport.objects.count() == 1
    assert ProposedEvent.objects.count() == 4
    assert AuditEvent.objects.filter(verb="source.extracted").count() == 1


def test_a_rerun_supersedes_waiting_proposals_only(police):
    done = ingest(police)
    rejected = done.proposals[1]
    ProposedEvent.objects.filter(pk=rejected.pk).update(status=ProposedEvent.Status.REJECTED)
    again = services.extract_report(done.report, actor=police, again=True)
    assert len(again) == 4 and {p.index for p in again} == {4, 5, 6, 7}
    statuses = dict(ProposedEvent.objects.values_list("pk", "status"))
    assert statuses[rejected.pk] == "rejected"
    assert statuses[done.proposals[0].pk] == "superseded"
    current = services.proposals_of(police, done.report)
    assert [p.pk for p in current] == [rejected.pk] + [p.pk for p in again]


def test_a_new_extractor_version_replaces_the_waiting_proposals(police, monkeypatch):
    done = ingest(police)
    monkeypatch.setattr(extractor, "EXTRACTOR_VERSION", "test-2")
    newer = services.extract_report(done.report, actor=police)
    assert [p.index for p in newer] == [0, 1, 2, 3]
    assert {p.extractor_version for p in newer} == {"test-2"}
    assert services.extract_report(done.report, actor=police) == newer  # once per version


@pytest.mark.parametrize("persona", ["lawyer", "udi", "admin_actor"])
def test_it_refuses_those_who_may_not_record_reports(persona, request):
    actor = request.getfixturevalue(persona)
    with pytest.raises(AccessDenied):
        ingest(actor)
    with pytest.raises(AccessDenied):
        services.extract_text("A man crossed.", actor=actor)
    assert SourceReport.objects.count() == 0


def test_reading_reports_needs_the_same_right(police, lawyer):
    report = ingest(police).report
    assert services.get_report_for(police, report.pk) == report
    with pytest.raises(NotVisible):
        services.get_report_for(lawyer, report.pk)
    assert list(services.recent_reports(lawyer)) == []
    [row] = services.recent_reports(police)
    assert row.waiting == 4


def test_it_explains_what_is_wrong_with_the_input(police):
    with pytest.raises(DomainError, match="no text") as caught:
        ingest(police, text=" \n ")
    assert caught.value.field == "text"
    with pytest.raises(DomainError, match="time zone"):
        services.ingest_report(
            actor=police, text="A man crossed.", published_at=datetime(2025, 8, 25)
        )
    with pytest.raises(DomainError, match="future"):
        services.ingest_report(
            actor=police, text="A man crossed.", published_at=datetime(2999, 1, 1, tzinfo=OSLO)
        )


def test_extracting_a_text_alone_stores_nothing_but_the_audit_row(db, console):
    facts = services.extract_text(article(), actor=console, published=MONDAY.date())
    assert len(facts.events) == 4
    assert SourceReport.objects.count() == 0
    row = AuditEvent.objects.get(verb="source.extracted")
    assert row.payload["stored"] is False and row.payload["sha256"] == services.text_hash(article())
    assert row.actor_name.startswith("console:")


def test_a_report_without_a_publication_time_reads_weekdays_as_unknown(police):
    done = services.ingest_report(actor=police, text=article())
    assert done.proposals[0].data["when"]["precision"] == "unknown"
    assert done.proposals[0].published_basis is None
