"""Pages and API for emergency access ("break the glass")."""

from django import forms
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from ninja import Field as F
from ninja import Router, Schema

from borderwatch.lib.errors import AccessDenied, DomainError, NotVisible
from borderwatch.lib.schemas import Out

from . import breakglass
from .views import actor_view


class BreakGlassForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Record"), choices=[("case", _("Case")), ("incident", _("Incident"))]
    )
    pk = forms.IntegerField(label=_("Number"), min_value=1, help_text=_("e.g. 12 for CASE-000012"))
    reason = forms.CharField(
        label=_("Why you need it now"),
        widget=forms.Textarea,
        min_length=breakglass.MIN_REASON,
        help_text=_("Shown to the unit that owns the record and kept in the audit trail."),
    )


@actor_view
def break_glass_page(request):
    if not request.actor.has_role(*breakglass.ALLOWED_ROLES):
        raise AccessDenied("Your role cannot ask for emergency access.")
    form = BreakGlassForm(request.POST or None, initial=request.GET or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            grant = breakglass.break_glass(
                actor=request.actor, kind=data["kind"], pk=data["pk"], reason=data["reason"]
            )
        except NotVisible as exc:
            form.add_error("pk", exc.message)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            name = "case_detail" if data["kind"] == "case" else "incident_detail"
            request.session["break_glass_notice"] = grant.pk
            return redirect(reverse(name, args=[data["pk"]]))
    return render(
        request,
        "access/break_glass.html",
        {"form": form, "minutes": breakglass.settings.BORDERWATCH_BREAK_GLASS_MINUTES},
    )


router = Router(tags=["access"])


class BreakGlassIn(Schema):
    kind: str = F(description="case or incident")
    id: int
    reason: str = F(min_length=breakglass.MIN_REASON)


class BreakGlassOut(Out):
    grant: int
    kind: str
    id: int
    expires_at: str


def _api_route():
    from borderwatch.api import session

    @router.post(
        "/break-glass",
        auth=session,
        response=BreakGlassOut,
        summary="Emergency access to one record",
    )
    def post_break_glass(request, payload: BreakGlassIn):
        """Time-limited access to a case or incident outside your rights, with a written
        reason; flagged in the audit trail and shown to the owning unit."""
        grant = breakglass.break_glass(
            actor=request.actor, kind=payload.kind, pk=payload.id, reason=payload.reason
        )
        return {
            "grant": grant.pk,
            "kind": payload.kind,
            "id": payload.id,
            "expires_at": grant.expires_at.isoformat(),
        }


_api_route()
