from django.core.management.base import BaseCommand, CommandError

from borderwatch.access import audit, policy
from borderwatch.access.cli import (
    actor_from_options,
    add_actor_arguments,
    domain_errors_as_command_errors,
)
from borderwatch.access.models import AuditEvent, User
from borderwatch.lib.timefmt import format_instant


class Command(BaseCommand):
    help = (
        "The audit trail. 'audit verify' checks the whole hash chain and names the first "
        "broken or missing row; 'audit show' answers who did what to an object or what a "
        "user did."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        verify = sub.add_parser(
            "verify",
            help="check every row's hash and its link to the "
            "row before; exit 1 at the first broken row",
        )
        add_actor_arguments(verify)
        show = sub.add_parser("show", help="list audit events for an object or a user")
        show.add_argument(
            "--object",
            metavar="TYPE:ID",
            help="e.g. cases.asylumcase:1 or people.person:3 (also matches "
            "events where it is the related object)",
        )
        show.add_argument("--user", metavar="USERNAME", help="events by this user")
        show.add_argument("--verb", help="only this verb, e.g. case.viewed")
        show.add_argument("--limit", type=int, default=200, help="at most this many (200)")
        add_actor_arguments(show)

    @domain_errors_as_command_errors
    def handle(self, *args, action, **options):
        actor = actor_from_options(options)
        policy.require(actor, "audit.read")
        if action == "verify":
            report = audit.verify_chain(workers=audit.verify_workers())
            if not report.ok:
                raise CommandError(
                    f"Audit chain broken after {report.checked} good rows: {report.problem}."
                )
            self.stdout.write(f"Audit chain intact: {report.checked} rows verified.")
            return
        qs = AuditEvent.objects.select_related("unit").order_by("seq")
        if not options.get("object") and not options.get("user"):
            raise CommandError("Name --object TYPE:ID or --user USERNAME.")
        if options.get("object"):
            kind, _, pk = options["object"].partition(":")
            if not kind or not pk:
                raise CommandError("--object takes TYPE:ID, e.g. cases.asylumcase:1.")
            from django.db.models import Q

            qs = qs.filter(
                Q(target_type=kind.lower(), target_id=pk)
                | Q(related_type=kind.lower(), related_id=pk)
            )
        if options.get("user"):
            user = User.objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"No user {options['user']!r}.")
            qs = qs.filter(actor=user)
        if options.get("verb"):
            qs = qs.filter(verb=options["verb"])
        rows = list(qs[: max(1, options["limit"])])
        for e in rows:
            target = f"{e.target_type}:{e.target_id}" if e.target_type else ""
            fields = f" [{', '.join(e.fields)}]" if e.fields else ""
            reason = f" — {e.reason}" if e.reason else ""
            self.stdout.write(
                f"#{e.seq:<7} {format_instant(e.at):<27} {e.actor_name:<22} "
                f"{(str(e.unit) if e.unit else ''):<14} {e.verb:<24} "
                f"{target}{fields} via {e.channel}{reason}"
            )
        self.stdout.write(f"{len(rows)} event(s).")
