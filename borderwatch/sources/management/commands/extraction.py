import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from borderwatch.access.cli import (
    actor_from_options,
    add_actor_arguments,
    domain_errors_as_command_errors,
)
from borderwatch.sources import services
from borderwatch.sources.evaluate import check_folder, evaluate

from .extract import describe


class Command(BaseCommand):
    help = (
        "The extractor's quality and its proposals. 'extraction evaluate DIR' scores it "
        "against annotated texts (precision, recall and F1 per field, and what it missed); "
        "'extraction check DIR' checks such a folder against the answer format; "
        "'extraction show REPORT' lists a stored report's proposed events; "
        "'extraction rerun REPORT' proposes them again with the current rules."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        e = sub.add_parser(
            "evaluate",
            help="score the extractor against a folder of NAME.txt + NAME.json",
            description="Score the extractor against the annotated texts in DIR (each "
            "NAME.txt with its answer NAME.json; tests/sources/corpus/README.md). Reads "
            "files only: nothing is stored.",
        )
        e.add_argument("folder", metavar="DIR")
        e.add_argument("--json", action="store_true", help="print JSON instead of a table")
        e.add_argument(
            "--with-ner", action="store_true", help="with the model's statistical NER too"
        )
        e.add_argument("--confusions", action="store_true", help="list every miss and extra value")
        e.add_argument(
            "--against",
            metavar="OTHER",
            help="score a second annotator's answers (OTHER/NAME.json) instead of the "
            "extractor: how far two annotators agree",
        )

        c = sub.add_parser(
            "check",
            help="check a folder of annotated texts against the answer format",
            description="List what is wrong with the annotated texts in DIR: answers "
            "without a text or texts without an answer, empty or non-UTF-8 texts, and "
            "answers not in the format of tests/sources/corpus/README.md. Exits 1 if "
            "anything is. Reads files only.",
        )
        c.add_argument("folder", metavar="DIR")

        s = sub.add_parser("show", help="a stored report's proposed events")
        s.add_argument("report", type=int, metavar="REPORT", help="the report's id")
        s.add_argument("--json", action="store_true", help="print JSON")
        add_actor_arguments(s)

        r = sub.add_parser(
            "rerun",
            help="propose a stored report's events again with the current rules",
            description="Extract a stored report again. Proposals still waiting for review "
            "are superseded by the new ones; reviewed ones stay.",
        )
        r.add_argument("report", type=int, metavar="REPORT", help="the report's id")
        add_actor_arguments(r)

    @domain_errors_as_command_errors
    def handle(self, *args, action, **options):
        if action == "evaluate":
            self.evaluate(options)
            return
        if action == "check":
            self.check_answers(options)
            return
        actor = actor_from_options(options)
        report = services.get_report_for(actor, options["report"])
        if action == "rerun":
            proposals = services.extract_report(report, actor=actor, again=True)
            self.stdout.write(f"Report {report.pk}: {len(proposals)} event(s) proposed.")
            return
        proposals = list(services.proposals_of(actor, report))
        if options["json"]:
            body = [{"id": p.pk, "status": p.status, **p.data} for p in proposals]
            self.stdout.write(json.dumps(body, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"Report {report.pk}: {report.title}")
        for p in proposals:
            self.stdout.write(f"#{p.pk} [{p.status}]")
            self.stdout.write(describe(p.data))

    def check_answers(self, options):
        folder = Path(options["folder"])
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder.")
        texts = len(list(folder.glob("*.txt")))
        found = check_folder(folder)
        for name, problems in found.items():
            for problem in problems:
                self.stdout.write(f"{name}: {problem}")
        if found:
            raise CommandError(f"{len(found)} of the files in {folder} have problems.")
        if texts == 0:
            raise CommandError(f"{folder} holds no NAME.txt.")
        self.stdout.write(f"{texts} annotated texts, no problems.")

    def evaluate(self, options):
        folder = Path(options["folder"])
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder.")
        against = options["against"]
        if against is not None and not Path(against).is_dir():
            raise CommandError(f"{against} is not a folder.")
        for where in (folder, against):
            found = (
                check_folder(where, answers_only=where is against, metadata=False) if where else {}
            )
            if found:
                name, problems = next(iter(found.items()))
                raise CommandError(
                    f"Not every file in {where} is an annotated text as the corpus README "
                    f"describes ({len(found)} with problems); the first, {name}: "
                    f"{problems[0]}. 'extraction check' lists them all."
                )
        report = evaluate(folder, with_ner=options["with_ner"], against=against)
        if report.documents == 0:
            where = f" with a NAME.json in {against}" if against else ""
            raise CommandError(f"{folder} holds no NAME.txt with a NAME.json{where}.")
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(report.table())
        missed = [c for c in report.confusions if c.get("missed") or "expected" in c]
        if options["confusions"]:
            self.stdout.write("")
            for c in report.confusions:
                self.stdout.write(json.dumps(c, ensure_ascii=False, default=str))
        elif missed:
            self.stdout.write(f"\n{len(report.confusions)} confusions (--confusions lists them).")
