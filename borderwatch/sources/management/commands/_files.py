"""What the ingest and extract commands share: dates and reading files."""

from datetime import date, datetime, time
from pathlib import Path

from django.core.management.base import CommandError

from borderwatch.lib.timefmt import OSLO
from borderwatch.sources.ingest import Document, UnreadableFile, read_document


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{value!r} is not a date; write it as YYYY-MM-DD.") from None


def noon_in_oslo(day: date) -> datetime:
    """A publication day as an instant: noon in Europe/Oslo (the day is what counts)."""
    return datetime.combine(day, time(12, 0), tzinfo=OSLO)


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
