"""The statistics page: the count with its reasons and records, the breakdown with its
trend chart, this year against last, and the exports. Aggregates only: no person."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from borderwatch.access import policy
from borderwatch.access.views import actor_view

from .forms import StatsForm
from .queries import breakdown, count, year_on_year


def bounds(lo: int, hi: int | None) -> str:
    """'3', 'at least 3' or '3 to 5'."""
    if hi == lo:
        return str(lo)
    if hi is None:
        return _("at least %(lo)s") % {"lo": lo}
    return _("%(lo)s to %(hi)s") % {"lo": lo, "hi": hi}


@actor_view
def stats_page(request):
    actor = request.actor
    policy.require(actor, "stats.view")
    form = StatsForm(request.GET)
    query = form.query()
    context = {"form": form, "query": query}
    if query is None:
        return render(request, "stats/stats.html", context)

    period, dims = form.cleaned_data["period"], form.cleaned_data["dimensions"]
    result = count(actor, query)
    table = breakdown(actor, query, period, dims)
    compared = year_on_year(actor, query)
    openable = set(
        policy.incidents_visible_to(actor)
        .filter(pk__in=[r.pk for r in result.records])
        .values_list("pk", flat=True)
    )
    labels = {b.key: b.label for b in table.buckets}
    shown = [c for c in table.totals if c.certain or c.possible]
    cells = table.rows if table.dimensions else shown
    filters = {k: v for k, v in query.as_dict().items() if v}
    params = urlencode({**filters, "period": period, "dimensions": list(dims)}, doseq=True)
    count_params = urlencode(filters)
    context.update(
        {
            "result": result,
            "openable": openable,
            "table": table,
            "cells": [
                {
                    "label": labels[c.period],
                    "values": [
                        table.labels.get(d, {}).get(v, v) if v else None
                        for d, v in c.values.items()
                    ],
                    "cell": c,
                }
                for c in cells
            ],
            "empty_periods": len(table.totals) - len(shown),
            "imprecise_more": table.imprecise_total - len(table.imprecise),
            "imprecise": [
                {"record": r, "first": labels[r.buckets[0]], "last": labels[r.buckets[-1]]}
                for r in table.imprecise
                if r.buckets
            ],
            "chart": {
                "labels": [labels[c.period] for c in table.totals],
                "certain": [c.minimum for c in table.totals],
                "possible": [
                    0 if c.maximum is None else c.maximum - c.minimum for c in table.totals
                ],
                "open": [c.maximum is None for c in table.totals],
                "text": {
                    "certain": _("At least (certain)"),
                    "possible": _("Up to at most (imprecise time, or a group)"),
                    "open": _("no upper bound known"),
                    "axis": _("Reported incidents")
                    if query.by == "incident"
                    else _("Reported persons"),
                },
            },
            "compared": [
                (r.query.since, r.query.until, bounds(r.minimum, r.maximum))
                for r in (compared.this_year, compared.last_year)
            ],
            "exports": {
                "breakdown_csv": f"{reverse('api:get_breakdown_csv')}?{params}",
                "incidents_csv": f"{reverse('api:get_export_csv')}?{count_params}",
                "incidents_geojson": f"{reverse('api:get_export_geojson')}?{count_params}",
                "breakdown_json": f"{reverse('api:get_breakdown')}?{params}",
            },
        }
    )
    return render(request, "stats/stats.html", context)
