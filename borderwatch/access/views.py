"""Home, unit switching, and the error pages."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from borderwatch.lib.errors import AccessDenied, NotVisible

from . import audit
from .actor import Actor
from .middleware import SESSION_UNIT
from .models import Membership


def actor_view(view):
    """Sign-in required; policy errors become 404 (not visible) or 403 (not allowed)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except NotVisible as exc:
            raise Http404(exc.message) from None
        except AccessDenied as exc:
            raise PermissionDenied(exc.message) from None

    return wrapper


@actor_view
def home(request):
    actor = request.actor
    if actor.has_role(
        "police_operations",
        "immigration_caseworker",
        "decision_caseworker",
        "lawyer",
        "security_analyst",
    ):
        return redirect("case_list")
    if actor.has_role("border_guard"):
        return redirect("incident_list")
    return render(request, "home.html", {})


@require_POST
@actor_view
def switch_unit(request):
    unit_id = request.POST.get("unit", "")
    membership = None
    if unit_id.isdigit():
        membership = (
            Membership.objects.filter(user=request.user, unit_id=int(unit_id))
            .select_related("unit")
            .first()
        )
    if membership is None:
        messages.error(request, _("You are not a member of that unit."))
    else:
        request.session[SESSION_UNIT] = membership.unit_id
        actor = Actor.for_user(
            request.user,
            membership.unit,
            channel="web",
            request_id=request.request_id,
            ip=request.actor.ip,
        )
        audit.record(actor, "auth.unit_switched", membership.unit)
        messages.success(request, _("You now act for %(unit)s.") % {"unit": membership.unit})
    target = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    return redirect(target)


def not_found(request, exception=None):
    return render(request, "404.html", {"message": str(exception or "")}, status=404)


def forbidden(request, exception=None):
    return render(request, "403.html", {"message": str(exception or "")}, status=403)
