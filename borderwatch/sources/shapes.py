"""Proposed events and merge candidates as plain dicts: the shapes the API answers with
(sources/api.py) and `borderwatch review --json` prints. No django-ninja here, so the
command can use them without importing the API."""

from .models import ProposedEvent


def proposal_out(p: ProposedEvent) -> dict:
    return {
        **p.data,
        "id": p.pk,
        "status": p.status,
        "extractor_version": p.extractor_version,
        "incident": p.incident_id,
    }


def queue_item_out(p: ProposedEvent) -> dict:
    return {
        **proposal_out(p),
        "report": p.report_id,
        "report_title": p.report.title,
        "created_at": p.created_at,
    }


def candidate_out(inc) -> dict:
    return {
        "id": inc.pk,
        "reference": inc.reference,
        "occurred_from": inc.occurred_from,
        "occurred_to": inc.occurred_to,
        "time_precision": inc.time_precision,
        "place": inc.place.name if inc.place_id else None,
        "section": inc.section.code if inc.section_id else None,
        "persons_count": inc.persons_count,
        "nationality": inc.nationality,
        "score": inc.match_score,
        "reasons": inc.match_reasons,
    }
