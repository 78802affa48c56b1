"""Small geometry helpers on plain coordinates (WGS84)."""

from borderwatch.lib.errors import DomainError


def validate_point(lat, lon, *, field_prefix: str = "") -> tuple[float, float]:
    """Return (lat, lon) as floats, or raise a DomainError naming the bad coordinate."""
    out = []
    for name, value, limit in (("lat", lat, 90), ("lon", lon, 180)):
        field = f"{field_prefix}{name}"
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise DomainError(
                f"{field} must be a number of degrees, not {value!r}.", field=field
            ) from None
        if number != number or not -limit <= number <= limit:
            raise DomainError(
                f"{field} = {value} is outside the valid range (-{limit} to {limit} degrees).",
                field=field,
            )
        out.append(number)
    return out[0], out[1]
