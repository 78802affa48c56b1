from datetime import datetime

from django.core.management.base import BaseCommand, CommandError

from borderwatch.access.cli import (
    actor_from_options,
    add_actor_arguments,
    domain_errors_as_command_errors,
)
from borderwatch.border import impact
from borderwatch.border.models import BorderSection
from borderwatch.lib.timefmt import format_instant


def _instant(value: str, flag: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise CommandError(
            f"{flag} {value!r} is not a time; write e.g. 2025-09-01T12:00+02:00."
        ) from None
    if moment.tzinfo is None:
        raise CommandError(f"{flag} needs a UTC offset, e.g. 2025-09-01T12:00+02:00.")
    return moment


class Command(BaseCommand):
    help = (
        "EUROSUR impact levels of border sections: recompute them from the rules, set one "
        "by hand for a time (critical only so), or show the history of changes."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        rec = sub.add_parser("recompute", help="apply the section rules now (or --at a time)")
        rec.add_argument("--at", help="the moment to evaluate, ISO 8601 with offset")
        add_actor_arguments(rec)
        put = sub.add_parser("set", help="set a section's level by hand until a time")
        put.add_argument("section", help="section code, e.g. pasvik")
        put.add_argument("level", choices=["low", "medium", "high", "critical"])
        put.add_argument("--reason", required=True, help="why (kept in the history)")
        put.add_argument(
            "--until", required=True, help="when rules take over again, ISO 8601 with offset"
        )
        add_actor_arguments(put)
        hist = sub.add_parser("history", help="the level changes of one section or all")
        hist.add_argument("section", nargs="?", help="section code (default: all)")
        add_actor_arguments(hist)

    @domain_errors_as_command_errors
    def handle(self, *args, action, **options):
        actor = actor_from_options(options)
        if action == "recompute":
            at = _instant(options["at"], "--at") if options.get("at") else None
            changes = impact.recompute_all(actor=actor, at=at)
            for c in changes:
                self.stdout.write(
                    f"{c.section.code}: {c.previous_level} → {c.level} ({c.rule}: {c.reason})"
                )
            self.stdout.write(f"{len(changes)} section(s) changed.")
            return
        sections = BorderSection.objects.order_by("code")
        if options.get("section"):
            sections = sections.filter(code=options["section"])
            if not sections:
                raise CommandError(f"No border section {options['section']!r}.")
        if action == "set":
            change = impact.set_section_level(
                sections.get(),
                actor=actor,
                level=options["level"],
                reason=options["reason"],
                until=_instant(options["until"], "--until"),
            )
            self.stdout.write(
                f"{change.section.code}: {change.previous_level} → "
                f"{change.level} until {format_instant(change.expires_at)}."
            )
            return
        for section in sections:
            self.stdout.write(f"{section.code} ({section.name}): now {section.impact_level}")
            for c in section.levels.order_by("at", "id"):
                who = c.rule and f"rule {c.rule}" or f"set by {c.by_name}"
                until = f" until {format_instant(c.expires_at)}" if c.expires_at else ""
                self.stdout.write(
                    f"  {format_instant(c.at):<27} {c.previous_level or '—'} → "
                    f"{c.level}  {who}{until}: {c.reason}"
                )
