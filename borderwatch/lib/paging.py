"""Keyset pagination: a page is 'rows after this (time, id)', so deep pages stay fast."""

import base64
from datetime import datetime

from borderwatch.lib.errors import DomainError


def encode_cursor(at: datetime, pk: int) -> str:
    return base64.urlsafe_b64encode(f"{at.isoformat()}|{pk}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        at, pk = raw.rsplit("|", 1)
        return datetime.fromisoformat(at), int(pk)
    except (ValueError, UnicodeDecodeError):
        raise DomainError("The cursor is not one this API gave out.", field="cursor") from None
