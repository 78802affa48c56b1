import argparse
import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from borderwatch.access import policy
from borderwatch.access.cli import (
    actor_from_options,
    add_actor_arguments,
    domain_errors_as_command_errors,
)
from borderwatch.lib.errors import AccessDenied, DomainError
from borderwatch.lib.refs import parse_reference
from borderwatch.lib.timefmt import format_published
from borderwatch.sources import services
from borderwatch.sources.models import ProposedEvent
from borderwatch.sources.shapes import candidate_out, queue_item_out

STATUSES = [s.value for s in ProposedEvent.Status]
YES_NO = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}
CONSOLE_HINT = (
    " Without --as you act as the console operator, who may list and show proposals but "
    "not review them: give --as USERNAME of a border guard or police operations officer."
)


def proposal_id(value: str) -> int:
    body = value.strip().removeprefix("#")
    if not body.isdigit() or int(body) == 0:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a proposal id (the number 'review list' shows)"
        )
    return int(body)


def positive(value: str) -> int:
    if not value.isdigit() or int(value) == 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return int(value)


def parse_edits(pairs: list[str]) -> dict:
    """--set FIELD=VALUE … as the edits accept_proposed_event takes (the API's JSON types:
    persons_count a number, persons_count_is_lower_bound true or false)."""
    edits = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise CommandError(f"--set takes FIELD=VALUE, not {pair!r}.")
        if name in edits:
            raise CommandError(f"{name}: set twice.")
        if name == "persons_count_is_lower_bound":
            if value.strip().lower() not in YES_NO:
                raise CommandError(f"{name}: give true or false, not {value!r}.")
            value = YES_NO[value.strip().lower()]
        elif name == "persons_count" and value.strip().lstrip("-").isdigit():
            value = int(value)
        edits[name] = value
    return edits


def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def when_of(data: dict) -> str:
    when = data.get("when") or {}
    said = f'"{when["text"]}"' if when.get("text") else "(no time)"
    if when.get("precision") in services.PRECISIONS and when.get("start"):
        return f"{said} [{when['precision']} {when['start']}..{when['end']}]"
    return f"{said} [unknown]"


def people_of(data: dict) -> str:
    people = data.get("people") or {}
    if people.get("count") is None:
        return "?"
    return f"{'≥' if people.get('lower_bound') else ''}{people['count']}"


def field_value(value) -> str:
    if value is None or value == "":
        return "(none)"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _iso(value):
    if isinstance(value, date):  # and datetime: to the microsecond, with the offset
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def dumps(data) -> str:
    return json.dumps(data, default=_iso, ensure_ascii=False, indent=2)


class Command(BaseCommand):
    help = (
        "The review queue of proposed events, as on /reports/review/. 'review list' shows "
        "the proposals waiting (newest first) with the counts per status; 'review show ID' "
        "one proposal as incident fields, with its evidence and merge candidates; 'review "
        "accept|merge|reject ID' reviews it. Reviewing needs --as a border guard or police "
        "operations officer; the console operator may list and show only."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        ls = sub.add_parser(
            "list",
            help="proposals (waiting for review by default), newest first, and the counts",
            description="Proposals of the reports you may read, newest first, one line "
            "each: id, role, when, places, people, nationality, confidence, report; then "
            "the counts per status (superseded left out).",
        )
        ls.add_argument("--status", choices=STATUSES, default="proposed", help="default: proposed")
        ls.add_argument(
            "--limit", type=positive, default=200, metavar="N", help="at most N (default 200)"
        )
        ls.add_argument("--json", action="store_true", help="print JSON (the API's shape)")
        add_actor_arguments(ls)

        sh = sub.add_parser(
            "show",
            help="one proposal: its incident fields, evidence and merge candidates",
            description="One proposal: the incident fields accepting it would record (what "
            "'review accept --set' changes), each piece of evidence with its sentence, and "
            "the incidents it most likely reports, best first.",
        )
        sh.add_argument("id", type=proposal_id, metavar="ID", help="the proposal's id")
        sh.add_argument("--json", action="store_true", help="print JSON")
        add_actor_arguments(sh)

        ac = sub.add_parser(
            "accept",
            help="accept a proposal as a new incident of your unit, with edits",
            description="Open an incident from the proposal, with your corrections, and "
            "link the report to it as its source. Fields: "
            + ", ".join(services.REVIEWABLE_FIELDS)
            + " (start and end as YYYY-MM-DD, end exclusive; an empty VALUE clears a field). "
            "A field or value that does not pass is named and nothing is written.",
        )
        ac.add_argument("id", type=proposal_id, metavar="ID", help="the proposal's id")
        ac.add_argument(
            "--set",
            dest="edits",
            action="append",
            default=[],
            metavar="FIELD=VALUE",
            help="correct one field (repeatable), e.g. --set persons_count=2",
        )
        add_actor_arguments(ac)

        mg = sub.add_parser(
            "merge",
            help="link the proposal's report to an existing incident",
            description="The report becomes a source of an incident your unit may change; "
            "nothing else of the incident changes.",
        )
        mg.add_argument("id", type=proposal_id, metavar="ID", help="the proposal's id")
        mg.add_argument("incident", metavar="INCIDENT", help="e.g. INC-000123 (or its number)")
        add_actor_arguments(mg)

        rj = sub.add_parser(
            "reject",
            help="reject a proposal with a reason; nothing enters the record",
        )
        rj.add_argument("id", type=proposal_id, metavar="ID", help="the proposal's id")
        rj.add_argument("--reason", required=True, metavar="TEXT", help="why (kept and audited)")
        add_actor_arguments(rj)

    @domain_errors_as_command_errors
    def handle(self, *args, action, **options):
        actor = actor_from_options(options)
        if action == "list":
            self.queue(actor, options)
            return
        event = services.get_proposal_for(actor, options["id"])
        if action == "show":
            self.detail(actor, event, options)
            return
        try:
            if action == "accept":
                incident = services.accept_proposed_event(
                    event, actor=actor, edits=parse_edits(options["edits"])
                )
                self.stdout.write(
                    f"Proposal #{event.pk} accepted as {incident.reference} "
                    f"(report {event.report_id} linked as its source)."
                )
            elif action == "merge":
                pk = parse_reference(options["incident"], "INC")
                incident = services.merge_proposed_event(event, actor=actor, incident=pk)
                self.stdout.write(
                    f"Proposal #{event.pk} merged into {incident.reference} "
                    f"(report {event.report_id} linked as a source)."
                )
            else:
                services.reject_proposed_event(event, actor=actor, reason=options["reason"])
                self.stdout.write(f"Proposal #{event.pk} rejected.")
        except AccessDenied as exc:
            raise CommandError(exc.message + (CONSOLE_HINT if actor.is_console else "")) from None
        except DomainError as exc:
            if exc.status != 400 or not exc.field or exc.message.startswith(exc.field):
                raise
            message = f"{exc.field}: {exc.message}"
            if action == "accept" and exc.field not in services.REVIEWABLE_FIELDS:
                message += f" The fields are: {', '.join(services.REVIEWABLE_FIELDS)}."
            raise CommandError(message) from None

    def queue(self, actor, options):
        policy.require(actor, "source.record")  # as the page and the API: others get 403
        status, limit = options["status"], options["limit"]
        if status == ProposedEvent.Status.PROPOSED:
            proposals = list(services.review_queue(actor, limit=limit))
        else:
            proposals = list(
                services.proposals_visible_to(actor)
                .filter(status=status)
                .select_related("report", "incident")
                .order_by("-created_at", "-id")[:limit]
            )
        counts = services.review_counts(actor)
        may_review = services.may_review(actor)
        if options["json"]:
            body = {
                "counts": counts,
                "may_review": may_review,
                "status": status,
                "proposals": [queue_item_out(p) for p in proposals],
            }
            self.stdout.write(dumps(body))
            return
        label = ProposedEvent.Status(status).label
        if not proposals:
            self.stdout.write(f"No proposals: {label.lower()}.")
        else:
            self.stdout.write(f"{label} ({len(proposals)}), newest first:")
        for p in proposals:
            data = p.data
            places = ", ".join(data.get("places") or []) or "(no place)"
            source = shorten(p.report.title, 50) + (
                f" — {shorten(p.report.outlet, 30)}" if p.report.outlet else ""
            )
            done = ""
            if p.incident_id:
                done = f" → {p.incident.reference}"
            elif p.review_note:
                done = f" ({shorten(p.review_note, 40)})"
            self.stdout.write(
                f"#{p.pk:<5} {p.role:<8} {when_of(data):<50} {places:<24} "
                f"people {people_of(data):<4} {data.get('nationality') or '?':<3} "
                f"{p.confidence:.2f}  {source}{done}"
            )
        self.stdout.write("Counts: " + ", ".join(f"{name} {n}" for name, n in counts.items()) + ".")
        if not may_review:
            self.stdout.write(
                "You may read the queue but not review it (border guards and police "
                "operations review; --as USERNAME)."
            )

    def detail(self, actor, event, options):
        fields = services.proposed_fields(event)
        candidates = services.merge_candidates(event, actor)
        report = event.report
        evidence = [
            {**e, "sentence": services._sentence(report.text, e["start"], e["end"])}
            for e in event.data.get("evidence") or []
        ]
        if options["json"]:
            body = {
                "proposal": queue_item_out(event),
                "report": {
                    "id": report.pk,
                    "title": report.title,
                    "outlet": report.outlet,
                    "url": report.url,
                    "published_at": report.published_at,
                    "published_day_only": report.published_day_only,
                },
                "fields": fields,
                "evidence": evidence,
                "candidates": [{**candidate_out(inc), "when": inc.when} for inc in candidates],
                "may_review": services.may_review(actor),
            }
            self.stdout.write(dumps(body))
            return
        status = event.get_status_display()
        if event.incident_id:
            status += f": {event.incident.reference}"
        elif event.review_note:
            status += f": {event.review_note}"
        self.stdout.write(
            f"Proposal #{event.pk} ({status}): {event.get_role_display().lower()}, "
            f"confidence {event.confidence:.2f}, extractor {event.extractor_version}"
        )
        published = (
            format_published(report.published_at, report.published_day_only)
            if report.published_at
            else "unknown"
        )
        self.stdout.write(
            f"Report {report.pk}: {report.title}"
            + (f" — {report.outlet}" if report.outlet else "")
            + f" (published {published})"
        )
        self.stdout.write("")
        self.stdout.write("As an incident (review accept ID --set FIELD=VALUE to correct):")
        for name, value in fields.items():
            self.stdout.write(f"  {name:<30} {field_value(value)}")
        self.stdout.write("")
        self.stdout.write(f"Evidence ({len(evidence)}), by sentence:")
        sentence = None
        for e in evidence:
            if e["sentence"] != sentence:
                sentence = e["sentence"]
                self.stdout.write(f"  {sentence}")
            self.stdout.write(f'    {e["field"]:<16} "{e["text"]}" [{e["start"]}:{e["end"]}]')
        self.stdout.write("")
        if not candidates:
            self.stdout.write("Merge candidates: none.")
        else:
            self.stdout.write(f"Merge candidates ({len(candidates)}), best first:")
        for inc in candidates:
            where = inc.place.name if inc.place_id else (inc.section or "(no place)")
            self.stdout.write(
                f"  {inc.reference}  score {inc.match_score:<2} {inc.when}, {where}: "
                f"{', '.join(inc.match_reasons)}"
            )
        if not services.may_review(actor):
            self.stdout.write("")
            self.stdout.write("You may read this proposal but not review it.")
