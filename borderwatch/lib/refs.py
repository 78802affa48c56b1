"""Human references such as CASE-000001 and INC-000004, and their ids."""

from borderwatch.lib.errors import DomainError


def parse_reference(text: str, prefix: str) -> int:
    """'CASE-000001', 'case-1' or '1' → 1; anything else is a clear error."""
    raw = str(text).strip()
    body = raw.upper()
    if body.startswith(prefix.upper() + "-"):
        body = body[len(prefix) + 1 :]
    if not body.isdigit() or int(body) == 0:
        raise DomainError(f"{raw!r} is not a {prefix} reference (e.g. {prefix}-000001 or 1).")
    return int(body)
