"""API of the statistics: the same answers as `borderwatch stats`."""

from datetime import date

from django.http import HttpResponse
from ninja import Field as F
from ninja import Query, Router, Schema

from borderwatch.api import session

from .exports import Export, export_breakdown, export_incidents
from .queries import CountQuery, breakdown, count

router = Router(tags=["statistics"])


class CountFilters(Schema):
    since: date | None = F(None, description="First day, YYYY-MM-DD (Europe/Oslo)")
    until: date | None = F(None, description="Last day, inclusive")
    nationality: str = F("", description="ISO country code, e.g. RU")
    country_entered: str = F("", description="ISO country code, e.g. NO")
    section: str = F("", description="Border section code or name")
    by: str = F("incident", description="incident or person")

    def query(self) -> CountQuery:
        return CountQuery(**self.model_dump(include=set(CountFilters.model_fields)))


class BreakdownFilters(CountFilters):
    period: str = F("month", description="month, quarter or year")
    dimensions: list[str] = F(
        [],
        description="Split by section, nationality and/or outcome: repeat the parameter "
        "or separate with commas",
    )


def _download(export: Export) -> HttpResponse:
    response = HttpResponse(export.content, content_type=export.content_type)
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    return response


@router.get("/count", auth=session, summary="'At least the Nth reported incident since …'")
def get_count(request, filters: Query[CountFilters]):
    """Count incidents or persons, honouring time precision and lower bounds, with the
    records (and their sources) the count rests on. Aggregates only: no person's data."""
    result = count(request.actor, filters.query())
    return result.as_dict()


@router.get("/breakdown", auth=session, summary="Counts per month, quarter or year")
def get_breakdown(request, filters: Query[BreakdownFilters]):
    """Incidents or persons per period, optionally split by section, nationality and
    outcome, each cell with a minimum and a maximum. A record known less precisely than
    the period (or that may fall outside the filters' dates) is not spread or guessed: it
    counts only in the maximum of each period it may fall in, and is listed in
    `imprecise` (the first 100; `imprecise_total` counts them all). Same as `borderwatch
    stats breakdown --json`."""
    result = breakdown(request.actor, filters.query(), filters.period, filters.dimensions)
    return result.as_dict()


@router.get("/breakdown.csv", auth=session, summary="The breakdown table as CSV")
def get_breakdown_csv(request, filters: Query[BreakdownFilters]):
    """The breakdown as CSV, one line per period (and dimension values); `max` is empty
    where no upper bound is known. Same as `borderwatch stats breakdown --format csv`."""
    return _download(
        export_breakdown(request.actor, filters.query(), filters.period, filters.dimensions)
    )


@router.get("/export.csv", auth=session, summary="The selected incidents as CSV")
def get_export_csv(request, filters: Query[CountFilters]):
    """The incidents the filters select, their non-personal fields only (no names, dates
    of birth, person ids or case content; coordinates rounded to 0.01°). Same as
    `borderwatch stats export --format csv`."""
    return _download(export_incidents(request.actor, filters.query(), "csv"))


@router.get("/export.geojson", auth=session, summary="The selected incidents as GeoJSON")
def get_export_geojson(request, filters: Query[CountFilters]):
    """The same as `export.csv` as a GeoJSON FeatureCollection of points. Same as
    `borderwatch stats export --format geojson`."""
    return _download(export_incidents(request.actor, filters.query(), "geojson"))
