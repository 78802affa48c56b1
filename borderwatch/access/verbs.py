"""The closed catalogue of audit verbs. `audit.record` refuses any verb not listed here.

Each entry's text is its documentation (docs/audit.md is checked against it).
"""

VERBS: dict[str, str] = {
    # sign-in
    "auth.login": "A user signed in.",
    "auth.login_failed": "A sign-in was refused (payload: the username tried; while_locked "
    "when it was refused because of a lockout).",
    "auth.locked_out": "Signing in as one username from one address was locked after "
    "repeated failures (payload: username, failures, minutes).",
    "auth.logout": "A user signed out.",
    "auth.otp_verified": "A user gave the right second-factor (TOTP) code after the password.",
    "auth.otp_failed": "A second-factor code was refused (payload: why: wrong or throttled).",
    "auth.otp_enrolled": "A second factor (TOTP device) was set up for a user (payload: device).",
    "auth.otp_reset": "The console removed a user's second-factor devices, e.g. after a lost "
    "phone (payload: devices).",
    "auth.otp_code_shown": "The console printed a user's current second-factor code "
    "(`borderwatch otp code`, for the demo and testing; payload: device).",
    "auth.unit_switched": "A user changed the unit they act for.",
    "access.break_glass": "A user took emergency access to a record outside their rights, "
    "with a reason (flagged; reads under the grant carry break_glass in their payload).",
    # reference data and accounts
    "unit.created": "A unit (agency or sub-unit) was created.",
    "user.created": "A user account was created.",
    "membership.granted": "A user was given a role in a unit.",
    "section.saved": "A border section was created or its geometry changed.",
    "section.level_changed": "A section's EUROSUR impact level changed, by a rule or set by a "
    "person for a time (payload: from, to, rule).",
    "place.saved": "A gazetteer place was created or changed.",
    "admin.changed": "An administrator added, changed or deleted reference data in the admin "
    "(payload: model, action).",
    "token.issued": "An integration token was issued (only its hash is kept).",
    "token.revoked": "An integration token was revoked.",
    # border
    "detection.filed": "A detection or alert was filed.",
    "detection.correlated": "A detection was attached to an open incident of its section "
    "close in time.",
    "incident.opened": "An incident was opened (from detections or from a source report).",
    "incident.level_changed": "A person changed an incident's impact level, saying why.",
    "incident.reported": "A EUROSUR event report (first, follow-up, closure) was sent; it "
    "carries no person's identity.",
    "incident.viewed": "An incident's page or record was read.",
    "incident.source_linked": "A source report was linked to an incident it supports.",
    "incident.imported": "Incidents were imported in bulk from a file, one event for the whole "
    "import (payload: file, format, sha256, rows, imported, rejected, first_id, last_id).",
    "search.started": "A search operation started, with its assets.",
    "search.ended": "A search operation ended, with its outcome.",
    # people, custody, interviews
    "person.exported": "A person's data was exported for an access request.",
    "person.pseudonymised": "A person's identifying data was blanked after the retention "
    "period (payload: which fields; never the data).",
    "person.viewed": "A person's data was read.",
    "apprehension.recorded": "A person was apprehended: the person and a custody period "
    "were recorded.",
    "custody.ended": "A custody period ended (released, brought before a court, transferred).",
    "interview.recorded": "An interview (questioning, registration, asylum) was recorded.",
    # cases
    "case.opened": "An asylum case was opened when a person asked for protection.",
    "case.viewed": "A case's page, timeline or record was read.",
    "case.transition": "A case moved from one state to another (payload: from, to, name).",
    "referral.sent": "A case was referred to another unit.",
    "referral.accepted": "A referral was accepted; the receiving unit now owns the case.",
    "referral.rejected": "A referral was rejected, with a reason.",
    "referral.withdrawn": "The sending unit withdrew a pending referral, with a reason.",
    "referral.escalated": "A referral went unanswered past its time; both units were told.",
    "task.assigned": "A verification task was given to a caseworker (or to nobody).",
    "task.completed": "A verification task was done (with its result) or cancelled.",
    "case.decided": "The directorate decided a case (payload: outcome).",
    "notification.read": "A unit's notification was marked as read.",
    "criminal_matter.opened": "A criminal matter (e.g. breach of the Border Act) was opened.",
    "counsel.assigned": "A lawyer was assigned to a person (defence, detention, legal aid).",
    # security
    "security.notified": "The security service was notified about a case.",
    "security.assessed": "The security service recorded a restricted assessment.",
    # sources and statistics
    "source.recorded": "A source report (article, press release, log) was stored.",
    "source.extracted": "Border-crossing events were extracted from a source report or a "
    "file and, for a stored report, proposed for review (payload: extractor version, "
    "events, the proposals' ids).",
    "source.event_accepted": "A proposed event was reviewed and accepted as a new incident, "
    "linked to its report (payload: report, incident, the fields the reviewer edited).",
    "source.event_merged": "A proposed event was reviewed and merged into an existing incident, "
    "which gained its report as a source (payload: report, incident).",
    "source.event_rejected": "A proposed event was reviewed and rejected, with the reason "
    "(payload: report).",
    "stats.queried": "Aggregate statistics were computed (payload: the filters).",
    "stats.exported": "Statistics or the selected incidents' non-personal fields were "
    "exported (payload: what, format, the filters, rows).",
    "scenario.loaded": "The founding scenario was loaded (or found already loaded).",
    "scenario.synthesised": "A synthetic data set was written in bulk for benchmarks "
    "(payload: seed and the number of rows of each kind).",
}


def describe(verb: str) -> str:
    return VERBS[verb]
