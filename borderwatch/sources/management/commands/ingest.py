from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from borderwatch.access.cli import (
    actor_from_options,
    add_actor_arguments,
    domain_errors_as_command_errors,
)
from borderwatch.lib.errors import DomainError
from borderwatch.sources import services
from borderwatch.sources.ingest import UnreadableFile

from ._files import iso_date, read_file


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class Command(BaseCommand):
    help = (
        "Store source reports from files (text, HTML or PDF) and propose the border-crossing "
        "events in them for review. The same text twice is stored once; a file that cannot "
        "be read is named with the reason and the others go on. Ends with a summary."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="text, HTML or PDF files")
        parser.add_argument(
            "--published",
            metavar="YYYY-MM-DD",
            help="publication day of files that do not say (relative dates count from it)",
        )
        parser.add_argument("--outlet", default="", help="the outlet, for every file")
        parser.add_argument("--url", default="", help="the address, for a single file")
        parser.add_argument(
            "--language",
            default="",
            help="language code, e.g. en or no (default: the file's own, else from its text)",
        )
        parser.add_argument(
            "--no-extract", action="store_true", help="store only; propose no events"
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")
        add_actor_arguments(parser)

    @domain_errors_as_command_errors
    def handle(self, *args, files, **options):
        actor = actor_from_options(options)
        published = iso_date(options["published"]) if options["published"] else None
        if options["url"] and len(files) > 1:
            raise CommandError("--url names one report; give one file with it.")
        stored = again = events = 0
        failed: list[str] = []
        bar = tqdm(
            files,
            unit="file",
            file=self.stderr._out,
            disable=True if options["no_progress"] or len(files) < 2 else None,
            leave=False,
        )
        for path in bar:
            try:
                doc = read_file(path)
                done = services.ingest_report(
                    actor=actor,
                    text=doc.text,
                    title=doc.title,
                    outlet=options["outlet"] or doc.outlet,
                    url=options["url"] or doc.url,
                    language=doc.language or options["language"],
                    published_at=doc.published_at or published,
                    channel="cli",
                    file_name=path[-255:],
                    extract=not options["no_extract"],
                )
            except UnreadableFile as exc:
                failed.append(path)
                tqdm.write(f"Not read: {exc.message}", file=self.stderr._out)
                continue
            except DomainError as exc:
                if exc.status == 403:
                    raise
                failed.append(path)
                tqdm.write(f"Not stored: {path}: {exc.message}", file=self.stderr._out)
                continue
            report = done.report
            n = len(done.proposals)
            events += n if done.extracted else 0
            if done.created:
                stored += 1
                what = f"stored as report {report.pk}, {plural(n, 'event')} proposed"
            else:
                again += 1
                what = f"already stored as report {report.pk}"
                if done.extracted:  # stored before this extractor read it
                    what += f"; {plural(n, 'event')} proposed now"
            tqdm.write(f"{path}: {what}", file=self.stdout._out)
        bar.close()
        summary = (
            f"{plural(len(files), 'file')}: {stored} stored, {again} already stored, "
            f"{len(failed)} not read; {plural(events, 'event')} proposed for review."
        )
        self.stdout.write(summary)
        if failed:
            raise CommandError(
                f"{len(failed)} of {plural(len(files), 'file')} could not be stored."
            )
