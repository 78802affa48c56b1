"""Incident pages: the list and one incident."""

from django.core.paginator import Paginator
from django.shortcuts import render

from borderwatch.access import audit, policy
from borderwatch.access.views import actor_view

from .models import Incident


@actor_view
def incident_list(request):
    actor = request.actor
    qs = policy.incidents_visible_to(actor).with_names().order_by("-occurred_from", "-id")
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "border/incident_list.html", {"page": page})


@actor_view
def incident_detail(request, pk: int):
    actor = request.actor
    incident: Incident = policy.get_incident_for(actor, pk)
    audit.record(actor, "incident.viewed", incident)
    cases = policy.cases_visible_to(actor).filter(incident=incident).select_related("person")
    context = {
        "incident": incident,
        "detections": incident.detections.select_related("filed_by_unit"),
        "searches": incident.search_operations.prefetch_related("assets"),
        "sources": incident.sources.all(),
        "cases": cases,
        # Custody periods through the policy funnel (the acting police unit's own).
        "custodies": policy.custodies_visible_to(actor)
        .filter(incident=incident)
        .select_related("person"),
        "may_apprehend": policy.can(actor, "apprehension.record", incident),
    }
    return render(request, "border/incident_detail.html", context)
