"""The map page: the situational picture on Leaflet (vendored), drawn from the map API.

The page holds no inline script or style: `static/js/map.js` reads its configuration
from the `data-*` attributes of `#map` and the filters from the form, which is a plain GET
form, so a filtered map has an address and the filters survive a reload. The layers come
from `border/map_api.py` and are filtered there by the policy; this view only decides
whether the actor may have a map at all (roles without incident access get 404: their
numbers are on the statistics pages).
"""

import json

from django import forms
from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from borderwatch.access.views import actor_view
from borderwatch.lib.errors import DomainError, NotVisible
from borderwatch.lib.validate import country_code

from .choices import (
    AssetKind,
    DetectionSource,
    ImpactLevel,
    IncidentStatus,
    IncidentType,
    SearchOutcome,
)
from .map_layers import LAYERS, first_view, may_see_incidents
from .models import BorderSection

SECTION_LEVELS = (ImpactLevel.LOW, ImpactLevel.MEDIUM, ImpactLevel.HIGH, ImpactLevel.CRITICAL)
INCIDENT_LEVELS = (ImpactLevel.LOW, ImpactLevel.MEDIUM, ImpactLevel.HIGH, ImpactLevel.VERY_HIGH)
# Short marks drawn inside incident markers, so the level does not rest on colour alone.
LEVEL_MARKS = {
    ImpactLevel.LOW: gettext_lazy("L"),
    ImpactLevel.MEDIUM: gettext_lazy("M"),
    ImpactLevel.HIGH: gettext_lazy("H"),
    ImpactLevel.VERY_HIGH: gettext_lazy("V"),
    ImpactLevel.CRITICAL: gettext_lazy("C"),
}
ASSET_MARKS = {
    AssetKind.PATROL: gettext_lazy("Patrol"),
    AssetKind.UAV: gettext_lazy("UAV"),
    AssetKind.HELICOPTER: gettext_lazy("Heli"),
    AssetKind.DOG: gettext_lazy("Dog"),
    AssetKind.BOAT: gettext_lazy("Boat"),
    AssetKind.OTHER: gettext_lazy("Other"),
}
LAYER_LABELS = {
    "incidents": gettext_lazy("Incidents"),
    "detections": gettext_lazy("Detections"),
    "searches": gettext_lazy("Search operations"),
}


class MapFilters(forms.Form):
    since = forms.DateField(
        required=False, label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        required=False, label=gettext_lazy("To"), widget=forms.DateInput(attrs={"type": "date"})
    )
    type = forms.ChoiceField(
        required=False,
        label=gettext_lazy("Type"),
        choices=[("", gettext_lazy("Any type")), *IncidentType.choices],
    )
    nationality = forms.CharField(required=False, label=gettext_lazy("Nationality"))
    status = forms.ChoiceField(
        required=False,
        label=gettext_lazy("Status"),
        choices=[("", gettext_lazy("Any status")), *IncidentStatus.choices],
    )
    layers = forms.MultipleChoiceField(
        required=False,
        label=gettext_lazy("Show"),
        choices=[(name, LAYER_LABELS[name]) for name in LAYERS],
        widget=forms.CheckboxSelectMultiple,
    )

    def clean_nationality(self):
        try:
            return country_code(self.cleaned_data["nationality"], "nationality")
        except DomainError:
            raise forms.ValidationError(_("Enter a two-letter country code, such as RU.")) from None

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            self.add_error("until", _("The end date must not be before the start date."))
        return data


def _choices(choices) -> dict:
    return {value: str(label) for value, label in choices.choices}


def _labels() -> dict:
    """Every string map.js shows, translated here (the page's language)."""

    def plural(singular, plural_form):
        return [ngettext(singular, plural_form, 1), ngettext(singular, plural_form, 2)]

    return {
        "type": _choices(IncidentType),
        "status": _choices(IncidentStatus),
        "impact": _choices(ImpactLevel),
        "impact_mark": {k: str(v) for k, v in LEVEL_MARKS.items()},
        "source": _choices(DetectionSource),
        "asset": _choices(AssetKind),
        "asset_mark": {k: str(v) for k, v in ASSET_MARKS.items()},
        "outcome": _choices(SearchOutcome),
        "incidents": plural("%(n)s incident", "%(n)s incidents"),
        "detections": plural("%(n)s detection", "%(n)s detections"),
        "searches": plural("%(n)s search operation", "%(n)s search operations"),
        "in_view": _("In view: %(list)s."),
        "nothing": _("Nothing in view matches the filters."),
        "grouped": _(
            "Where there are many, they are grouped: select a number, or zoom in, to see "
            "them one by one."
        ),
        "searches_hidden": _("Too many search operations to draw: zoom in to see them."),
        "cell": plural("%(n)s incident here", "%(n)s incidents here"),
        "cell_detections": plural("%(n)s detection here", "%(n)s detections here"),
        "zoom_in": _("select to zoom in"),
        "loading": _("Loading the map…"),
        "loading_incident": _("Loading the incident…"),
        "problem": _("There is a problem: %(detail)s"),
        "not_found": _("This incident cannot be shown."),
        "incident": _("Incident"),
        "detection": _("Detection"),
        "search": _("Search operation"),
        "search_for": _("Search for %(reference)s"),
        "when": _("When"),
        "where": _("Where"),
        "persons": _("Persons"),
        "persons_unknown": _("not known"),
        "at_least": _("at least %(n)s"),
        "together_or_apart": _("may have crossed together or apart"),
        "nationality": _("Nationality"),
        "impact_level": _("Impact level"),
        "approximate": _("approximate position"),
        "detected": _("Detected"),
        "source_label": _("Source"),
        "part_of": _("Part of"),
        "no_incident": _("not yet part of an incident"),
        "started": _("Started"),
        "ended": _("Ended"),
        "under_way": _("under way"),
        "outcome_label": _("Outcome"),
        "assets": _("Assets"),
        "no_area": _("Area not recorded; drawn at the incident."),
        "open_incident": _("Open the incident page"),
        "section_level": _("%(name)s: impact level %(level)s"),
        "fields": {
            "since": _("From"),
            "until": _("To"),
            "type": _("Type"),
            "nationality": _("Nationality"),
            "status": _("Status"),
            "bbox": _("Map area"),
            "layers": _("Show"),
        },
    }


def _first_view() -> list[list[float]]:
    """[[south, west], [north, east]], as Leaflet's fitBounds takes it."""
    view = first_view()
    return [[view.south, view.west], [view.north, view.east]]


@actor_view
def map_page(request):
    actor = request.actor
    if not may_see_incidents(actor):
        raise NotVisible(_("There is no map for your role: it shows incidents you may open."))
    data = request.GET.copy()
    if "layers" not in data:
        data.setlist("layers", list(LAYERS))
    form = MapFilters(data)
    form.is_valid()
    api_root = reverse("api:api-root")
    context = {
        "form": form,
        "sections": BorderSection.objects.order_by("name"),
        "section_levels": [(level.value, level.label) for level in SECTION_LEVELS],
        "incident_levels": [
            (level.value, level.label, LEVEL_MARKS[level]) for level in INCIDENT_LEVELS
        ],
        "asset_marks": [(kind.value, kind.label, ASSET_MARKS[kind]) for kind in AssetKind],
        "config": {
            "api": api_root,
            "incident_page": reverse("incident_detail", args=[0]),
            "tile_url": settings.BORDERWATCH_TILE_URL,
            "bounds": json.dumps(_first_view()),
            "labels": json.dumps(_labels(), ensure_ascii=False),
        },
    }
    return render(request, "border/map.html", context)
