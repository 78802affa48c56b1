"""Validators shared by the service functions: each raises a DomainError naming the field."""

from datetime import datetime, timedelta

from django.utils import timezone

from borderwatch.lib.errors import DomainError

FUTURE_TOLERANCE = timedelta(minutes=5)
MIN_OFFSET, MAX_OFFSET = timedelta(hours=-12), timedelta(hours=14)


def aware(value: datetime, field: str) -> datetime:
    if not isinstance(value, datetime):
        raise DomainError(f"{field} must be a date and time.", field=field)
    if timezone.is_naive(value):
        raise DomainError(f"{field} must carry a time zone.", field=field)
    offset = value.utcoffset()
    if not MIN_OFFSET <= offset <= MAX_OFFSET:
        raise DomainError(
            f"{field} has the UTC offset {value.isoformat()[-6:]}, which no time zone uses "
            "(they run from -12:00 to +14:00).",
            field=field,
        )
    return value


def not_future(value: datetime, field: str) -> datetime:
    aware(value, field)
    if value > timezone.now() + FUTURE_TOLERANCE:
        raise DomainError(f"{field} is in the future ({value.isoformat()}).", field=field)
    return value


def choice(value: str, choices, field: str) -> str:
    if value not in choices.values:
        allowed = ", ".join(choices.values)
        raise DomainError(f"{field} = {value!r} is not one of: {allowed}.", field=field)
    return value


def country_code(value: str, field: str) -> str:
    value = (value or "").strip().upper()
    if value and (len(value) != 2 or not value.isalpha()):
        raise DomainError(
            f"{field} must be a two-letter country code (ISO 3166-1), not {value!r}.", field=field
        )
    return value
