import json

from django.core.management.base import BaseCommand, CommandError

from borderwatch.access.cli import (
    actor_from_options,
    add_actor_arguments,
    domain_errors_as_command_errors,
)
from borderwatch.sources import services
from borderwatch.sources.ingest import UnreadableFile

from ._files import iso_date, read_file


def describe(event: dict) -> str:
    when = event["when"]
    period = when["start"] and f"{when['start']}..{when['end']}" or "?"
    people = event["people"]
    count = (
        "?"
        if people["count"] is None
        else f"{'≥' if people['lower_bound'] else ''}{people['count']}"
    )
    route = f"{event['country_left'] or '?'}→{event['country_entered'] or '?'}"
    return (
        f"  {event['role']:<8} {when['precision']:<7} {period:<22} {route:<6} people {count:<4} "
        f"{', '.join(event['places']) or '(no place)'}; {event['nationality'] or '?'}"
        f"{'; ' + event['affiliation'] if event['affiliation'] else ''}; "
        f"detection {', '.join(event['detection']) or '-'}; "
        f"outcomes {', '.join(event['outcomes']) or '-'} (confidence {event['confidence']})"
    )


class Command(BaseCommand):
    help = (
        "Extract the border-crossing events of files (text, HTML or PDF) without storing "
        "them. With --json: one JSON object per file (the extraction contract, see "
        "docs/EXTRACTION.md), evidence offsets into the file's text as read."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="text, HTML or PDF files")
        parser.add_argument("--json", action="store_true", help="print JSON, one object per file")
        parser.add_argument(
            "--indent", type=int, default=None, metavar="N", help="with --json: indent by N"
        )
        parser.add_argument(
            "--published",
            metavar="YYYY-MM-DD",
            help="publication day (relative dates count from it; without one, 'on Friday' "
            "has precision unknown)",
        )
        parser.add_argument(
            "--with-ner",
            action="store_true",
            help="run the model's statistical NER after the gazetteer too (slower)",
        )
        add_actor_arguments(parser)

    @domain_errors_as_command_errors
    def handle(self, *args, files, **options):
        actor = actor_from_options(options)
        given = iso_date(options["published"]) if options["published"] else None
        failed = 0
        for path in files:
            try:
                doc = read_file(path)
            except UnreadableFile as exc:
                failed += 1
                self.stderr.write(f"Not read: {exc.message}")
                continue
            published = given or doc.published_day()
            facts = services.extract_text(
                doc.text,
                actor=actor,
                published=published,
                title=doc.title,
                outlet=doc.outlet or None,
                with_ner=options["with_ner"],
            )
            out = facts.as_dict()
            if options["json"]:
                self.stdout.write(json.dumps(out, ensure_ascii=False, indent=options["indent"]))
                continue
            self.stdout.write(f"{path}: {out['source']['title']}")
            self.stdout.write(
                f"  published {out['source']['published'] or 'unknown'}; "
                f"{len(out['events'])} event(s)"
            )
            for event in out["events"]:
                self.stdout.write(describe(event))
        if failed:
            raise CommandError(f"{failed} of {len(files)} file(s) could not be read.")
