"""The docs stay true to the code: generated parts are current, nothing is left out, and
the README's promises (make targets, file paths, links) point at things that exist.

When one of these fails after a code change: `.venv/bin/python scripts/gen_docs.py`, read
the diff, and write what the generator cannot (meanings, prose) by hand.
"""

import importlib.util
import re
import shlex
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
README = ROOT / "README.md"
PROSE = [README, ROOT / "CONTRIBUTING.md", *sorted(DOCS.glob("*.md"))]


def _load_generator():
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_docs"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


gen = _load_generator()


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _generated_part(path: Path) -> str:
    text = _read(path)
    return text.split(gen.BEGIN, 1)[1].split(gen.END, 1)[0]


# --- generated parts -------------------------------------------------------------------------


@pytest.mark.parametrize("relpath", sorted(gen.DOCS))
def test_it_keeps_the_generated_docs_current(relpath):
    path = ROOT / relpath
    assert path.exists(), f"{relpath} is missing: run .venv/bin/python scripts/gen_docs.py"
    if relpath == "docs/cli.md":
        made_with = re.search(r"under Python (\d+\.\d+)\.", _read(path))
        running = f"{sys.version_info.major}.{sys.version_info.minor}"
        if made_with and made_with.group(1) != running:
            # argparse lays out --help differently on other Pythons: compare what the help
            # says (commands and options), not its layout.
            def said(text):
                return set(re.findall(r"borderwatch [a-z ]+--help|--[a-z][a-z-]*", text))

            assert said(_read(path)) == said(gen.expected(relpath)), (
                f"{relpath} is out of date: run .venv/bin/python scripts/gen_docs.py"
            )
            return
    assert _read(path) == gen.expected(relpath), (
        f"{relpath} is out of date: run .venv/bin/python scripts/gen_docs.py and commit it"
    )


def test_it_documents_every_borderwatch_command_and_sub_command():
    text = _read(DOCS / "cli.md")
    expected = ["borderwatch --help"] + [cmd for cmd, _ in gen.help_pages()[1:]]
    for must in ["demo", "serve", "scenario", "scenario load", "timeline", "stats", "stats count"]:
        assert f"borderwatch {must} --help" in expected
    missing = [cmd for cmd in expected if f"## `{cmd}`" not in text]
    assert not missing, f"docs/cli.md lacks {missing}"


def test_it_lists_every_borderwatch_command_in_the_top_level_help():
    from borderwatch.cli import COMMANDS

    missing = [name for name, _ in gen.borderwatch_commands() if name not in COMMANDS]
    assert not missing, f"add {missing} to COMMANDS in borderwatch/cli.py"


def test_it_documents_every_audit_verb():
    from borderwatch.access.verbs import VERBS

    text = _generated_part(DOCS / "audit.md")
    missing = [verb for verb in VERBS if f"| `{verb}` |" not in text]
    assert not missing, f"docs/audit.md lacks {missing}"


def test_it_documents_every_workflow_transition_state_and_role():
    from borderwatch.access.models import Membership
    from borderwatch.cases.choices import CaseState
    from borderwatch.cases.workflow import TRANSITIONS

    text = _generated_part(DOCS / "workflow.md")
    names = list(TRANSITIONS) + list(CaseState.values) + list(Membership.Role.values)
    missing = [name for name in names if f"| `{name}` |" not in text]
    assert not missing, f"docs/workflow.md lacks {missing}"


# --- settings ------------------------------------------------------------------------------

ENV_HELPER = re.compile(r"\benv_(str|bool|int|list|secret)\(\s*[\"']([A-Z][A-Z0-9_]*)[\"']")
OS_ENVIRON = re.compile(
    r"\bos\.(?:environ\.get|getenv)\(\s*[\"']([A-Z][A-Z0-9_]*)[\"']"
    r"|\bos\.environ\[\s*[\"']([A-Z][A-Z0-9_]*)[\"']\s*\]"
)


def _env_names_in(source: str) -> set[str]:
    names = set()
    for helper, name in ENV_HELPER.findall(source):
        names.add(name)
        if helper == "secret":
            names.add(f"{name}_FILE")
    for a, b in OS_ENVIRON.findall(source):
        names.add(a or b)
    return names


def _env_names_read_by_the_package() -> set[str]:
    names = set()
    for path in (ROOT / "borderwatch").rglob("*.py"):
        if "migrations" not in path.parts:
            names |= _env_names_in(_read(path))
    return names


def test_it_finds_the_env_vars_the_settings_read():
    names = _env_names_in(_read(ROOT / "borderwatch" / "settings.py"))
    assert {"DATABASE_URL", "SECRET_KEY", "SECRET_KEY_FILE", "SECURE_COOKIES"} <= names


def test_it_documents_every_env_var_the_package_reads():
    text = _read(DOCS / "settings.md")
    missing = sorted(n for n in _env_names_read_by_the_package() if f"`{n}`" not in text)
    assert not missing, f"docs/settings.md lacks {missing}: run scripts/gen_docs.py"
    undescribed = re.findall(r"^\| `(\w+)` .*NOT DESCRIBED", text, re.M)
    assert not undescribed, f"describe {undescribed} in MEANINGS in scripts/gen_docs.py"


def test_it_describes_no_env_var_the_package_no_longer_reads():
    stale = sorted(set(gen.MEANINGS) - _env_names_read_by_the_package())
    assert not stale, f"MEANINGS in scripts/gen_docs.py describes {stale}, which nothing reads"


# --- README and the hand-written docs ------------------------------------------------------


def test_it_starts_the_readme_with_make_run_and_make_test():
    head = "\n".join(_read(README).splitlines()[:15])
    assert "make run" in head
    assert "make test" in head


def _makefile_targets() -> set[str]:
    return set(re.findall(r"^([A-Za-z0-9][\w.-]*)\s*:(?!=)", _read(ROOT / "Makefile"), re.M))


def _code_in(markdown: str) -> list[str]:
    """Fenced code blocks and inline code spans."""
    blocks = re.findall(r"^```[^\n]*\n(.*?)^```", markdown, re.S | re.M)
    rest = re.sub(r"^```[^\n]*\n.*?^```", "", markdown, flags=re.S | re.M)
    return blocks + re.findall(r"`([^`\n]+)`", rest)


def _make_targets_named_in(markdown: str) -> set[str]:
    """Targets of every `make` that stands where a command starts (`$ sudo make run`,
    `... && make test`), not of a word "make" elsewhere (`apt-get install make`)."""
    targets = set()
    for code in _code_in(markdown):
        for line in code.splitlines():
            for segment in re.split(r"[;&|()]", line):
                try:
                    words = shlex.split(segment, comments=True)
                except ValueError:
                    words = segment.split()
                while words and (words[0] in {"$", "sudo", "env"} or "=" in words[0]):
                    words.pop(0)
                if words[:1] == ["make"]:
                    targets |= {w for w in words[1:] if "=" not in w and not w.startswith("-")}
    return targets


def test_it_reads_make_targets_from_code_only():
    found = _make_targets_named_in(
        "Make sure: `make run HOST=0.0.0.0`, `apt-get install make python3-venv` and\n"
        "```sh\n$ sudo make test PYTEST_ARGS='-k x'  # all\ncd x && make lint\n```"
    )
    assert found == {"run", "test", "lint"}


@pytest.mark.parametrize("path", PROSE, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_it_names_only_makefile_targets_that_exist(path):
    unknown = sorted(_make_targets_named_in(_read(path)) - _makefile_targets())
    assert not unknown, f"{path.name} names make targets the Makefile lacks: {unknown}"


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


@pytest.mark.parametrize("path", PROSE, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_it_links_only_to_files_and_headings_that_exist(path):
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", _read(path)):
        if re.match(r"[a-z]+:", target):  # http:, https:, mailto:
            continue
        file_part, _, anchor = target.partition("#")
        linked = (path.parent / file_part).resolve() if file_part else path
        if not linked.exists():
            broken.append(target)
        elif anchor and linked.suffix == ".md":
            headings = re.findall(r"^#+\s+(.*)$", _read(linked), re.M)
            if anchor not in {_slug(h) for h in headings}:
                broken.append(target)
    assert not broken, f"{path.name} links to what does not exist: {broken}"


REPO_PATH = re.compile(r"^(?:borderwatch|scripts|tests|docs)/[\w./-]*$")


@pytest.mark.parametrize("path", PROSE, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_it_names_only_repository_paths_that_exist(path):
    missing = sorted(
        {
            code
            for code in _code_in(_read(path))
            if REPO_PATH.match(code) and not (ROOT / code).exists()
        }
    )
    assert not missing, f"{path.name} names paths that do not exist: {missing}"


def test_it_maps_every_app_and_lib_module_in_the_architecture():
    text = _read(DOCS / "ARCHITECTURE.md")
    package = ROOT / "borderwatch"
    apps = [p.parent.name for p in package.glob("*/apps.py")]
    libs = [p.name for p in (package / "lib").glob("*.py") if p.name != "__init__.py"]
    missing = [f"borderwatch/{a}/" for a in apps if f"`borderwatch/{a}/`" not in text]
    missing += [f"lib/{m}" for m in libs if f"`{m}`" not in text]
    assert not missing, f"docs/ARCHITECTURE.md's repo map lacks {missing}"
