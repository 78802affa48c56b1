from django.core.management.base import BaseCommand

from borderwatch.access.cli import (
    actor_from_options,
    add_actor_arguments,
    domain_errors_as_command_errors,
)
from borderwatch.scenario import founding


class Command(BaseCommand):
    help = (
        "The founding scenario. 'scenario load' tells the article's story through the "
        "service functions; loading twice changes nothing."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        sub.add_parser("load", help="load the founding scenario (idempotent)")
        synth = sub.add_parser(
            "synth",
            help="write a seeded synthetic data set in bulk for benchmarks (console only)",
        )
        synth.add_argument("--incidents", type=int, default=10_000, help="default 10,000")
        synth.add_argument("--persons", type=int, default=2_000, help="and as many cases")
        synth.add_argument("--audit-events", type=int, default=None, help="default: 5 per incident")
        synth.add_argument("--seed", type=int, default=1, help="the same seed, the same data")
        synth.add_argument("--batch", type=int, default=5_000, help="rows per transaction")
        add_actor_arguments(synth)

    @domain_errors_as_command_errors
    def handle(self, *args, action, **options):
        if action == "synth":
            self._synth(options)
            return
        result = founding.load()
        if result.created:
            self.stdout.write(
                f"Loaded the founding scenario: {result.counts['incidents']} incidents."
            )
        else:
            self.stdout.write("The founding scenario was loaded already; nothing changed.")

    def _synth(self, options):
        from borderwatch.scenario import synth

        actor = actor_from_options(options)
        audit_events = options["audit_events"]
        if audit_events is None:
            audit_events = 5 * options["incidents"]
        result = synth.synthesise(
            actor=actor,
            incidents=options["incidents"],
            persons=options["persons"],
            audit_events=audit_events,
            seed=options["seed"],
            batch=options["batch"],
            progress=options["verbosity"] > 0,
        )
        counts = ", ".join(f"{n:,} {what}" for what, n in result.counts.items())
        rate = result.rows / result.seconds if result.seconds else 0
        self.stdout.write(
            f"Synthesised {counts} (surge: {result.surge_arrivals:,} arrivals) "
            f"in {result.seconds:.1f} s, {rate:,.0f} rows/s."
        )
