"""What the ingest and extract commands share: dates and reading files."""

from datetime import date
from pathlib import Path

from django.core.management.base import CommandError

from borderwatch.sources.ingest import Document, UnreadableFile, read_document


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{value!r} is not a date; write it as YYYY-MM-DD.") from None


def read_file(path: str) -> Document:
    """The document in a file, or UnreadableFile naming the file and the reason."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise UnreadableFile(path, "no such file.") from None
    except IsADirectoryError:
        raise UnreadableFile(path, "it is a directory, not a file.") from None
    except OSError as exc:
        raise UnreadableFile(path, f"it cannot be read ({exc.strerror}).") from None
    return read_document(data, p.name)
