"""API of the statistics: the same answers as `borderwatch stats`."""

from datetime import date

from ninja import Field as F
from ninja import Query, Router, Schema

from borderwatch.api import session

from .queries import CountQuery, count

router = Router(tags=["statistics"])


class CountFilters(Schema):
    since: date | None = F(None, description="First day, YYYY-MM-DD (Europe/Oslo)")
    until: date | None = F(None, description="Last day, inclusive")
    nationality: str = F("", description="ISO country code, e.g. RU")
    country_entered: str = F("", description="ISO country code, e.g. NO")
    section: str = F("", description="Border section code or name")
    by: str = F("incident", description="incident or person")


@router.get("/count", auth=session, summary="'At least the Nth reported incident since …'")
def get_count(request, filters: Query[CountFilters]):
    """Count incidents or persons, honouring time precision and lower bounds, with the
    records (and their sources) the count rests on. Aggregates only: no person's data."""
    result = count(request.actor, CountQuery(**filters.model_dump()))
    return result.as_dict()
