"""Case pages: my unit's cases and one case with its timeline."""

from django.shortcuts import render

from borderwatch.access import policy
from borderwatch.access.views import actor_view

from . import workflow
from .queries import case_timeline, read_case


@actor_view
def case_list(request):
    actor = request.actor
    cases = (
        policy.cases_visible_to(actor)
        .select_related("person", "owning_unit", "incident")
        .order_by("-claimed_at", "-id")
    )[:200]
    return render(request, "cases/case_list.html", {"cases": cases})


@actor_view
def case_detail(request, pk: int):
    actor = request.actor
    case, groups = read_case(actor, pk)
    person = case.person
    context = {
        "case": case,
        "person": person,
        "groups": groups,
        "timeline": case_timeline(case, actor),
        "custodies": person.custodies.all(),
        "counsel": person.representations.filter(ended_at__isnull=True),
        "referrals": case.referrals.select_related("from_unit", "to_unit"),
        "notifications": case.security_notifications.select_related("to_unit"),
        "next_steps": workflow.allowed(case, actor),
        "incident_visible": case.incident_id is not None
        and policy.incidents_visible_to(actor).filter(pk=case.incident_id).exists(),
    }
    return render(request, "cases/case_detail.html", context)
