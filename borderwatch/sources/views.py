"""The reports pages: paste or upload a report, the latest reports, one report with the
events proposed from it, and the review queue (accept, merge, reject a proposal)."""

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from borderwatch.access import policy
from borderwatch.access.views import actor_view
from borderwatch.lib.errors import DomainError, NotVisible

from . import services
from .forms import RejectForm, ReportForm, ReviewForm


@actor_view
def report_list(request):
    actor = request.actor
    policy.require(actor, "source.record")
    return render(request, "sources/report_list.html", {"reports": services.recent_reports(actor)})


@actor_view
def report_new(request):
    actor = request.actor
    policy.require(actor, "source.record")
    form = ReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        doc = form.cleaned_data["document"]
        published = form.cleaned_data.get("published") or doc.published_at
        upload = form.cleaned_data.get("file")
        try:
            done = services.ingest_report(
                actor=actor,
                text=doc.text,
                title=form.cleaned_data["title"] or doc.title,
                outlet=form.cleaned_data["outlet"] or doc.outlet,
                url=form.cleaned_data["url"] or doc.url,
                language=form.cleaned_data["language"] or doc.language,
                published_at=published,
                channel="upload" if upload else "page",
                file_name=upload.name if upload else "",
            )
        except DomainError as exc:
            if exc.status != 400:
                raise
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            if done.created:
                messages.success(
                    request,
                    _("The report was stored; %(n)s event(s) proposed for review.")
                    % {"n": len(done.proposals)},
                )
            else:
                messages.info(request, _("This text was stored before; here it is."))
            return redirect("report_detail", pk=done.report.pk)
    status = 400 if form.errors else 200
    return render(request, "sources/report_new.html", {"form": form}, status=status)


@actor_view
def report_detail(request, pk: int):
    actor = request.actor
    report = services.get_report_for(actor, pk)
    proposals = list(services.proposals_of(actor, report))
    context = {"report": report, "proposals": proposals, "segments": segments(report, proposals)}
    return render(request, "sources/report_detail.html", context)


def segments(report, proposals) -> list[dict]:
    """The report's text cut into parts, each marked with the fields whose evidence it is."""
    return segments_of(report.text, proposals)


def segments_of(text: str, proposals) -> list[dict]:
    spans = [
        (max(0, ev["start"]), min(len(text), ev["end"]), ev["field"])
        for p in proposals
        for ev in p.data.get("evidence", [])
        if ev["end"] > ev["start"]
    ]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    parts: list[dict] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        fields = sorted({f for s, e, f in spans if s <= a and b <= e})
        if parts and parts[-1]["fields"] == fields:
            parts[-1]["text"] += text[a:b]
        else:
            parts.append({"text": text[a:b], "fields": fields})
    return parts


# --- review ------------------------------------------------------------------------------


def highlighted_text(text: str, proposals) -> SafeString:
    """The text as HTML with each evidence span in a <mark> naming its fields. Every
    segment is escaped here; only the <mark> tags we write ourselves are markup."""
    html = []
    for part in segments_of(text, proposals):
        if part["fields"]:
            html.append(
                f'<mark title="{escape(", ".join(part["fields"]))}">{escape(part["text"])}</mark>'
            )
        else:
            html.append(escape(part["text"]))
    return mark_safe("".join(html))  # every piece is escaped above


@actor_view
def review_list(request):
    actor = request.actor
    policy.require(actor, "source.record")
    context = {
        "proposals": services.review_queue(actor),
        "counts": services.review_counts(actor),
        "may_review": services.may_review(actor),
    }
    return render(request, "sources/review_list.html", context)


@actor_view
def review_detail(request, event_id: int):
    actor = request.actor
    event = services.get_proposal_for(actor, event_id)
    proposed = services.proposed_fields(event)
    for day in ("start", "end"):  # as the form's fields hold them, so "changed" is true
        proposed[day] = date.fromisoformat(proposed[day]) if proposed[day] else None
    form = ReviewForm(initial=proposed)
    reject_form = RejectForm()
    merge_error = ""
    status = 200
    if request.method == "POST":
        services.require_review(actor)
        action = request.POST.get("action", "")
        try:
            if action == "accept":
                form = ReviewForm(request.POST, initial=proposed)
                if form.is_valid():
                    edits = {k: form.cleaned_data[k] for k in form.changed_data}
                    incident = services.accept_proposed_event(event, actor=actor, edits=edits)
                    messages.success(
                        request, _("Accepted as %(ref)s.") % {"ref": incident.reference}
                    )
                    return redirect("review_list")
            elif action == "merge":
                incident_id = request.POST.get("incident", "")
                if not incident_id.isdigit():
                    merge_error = _("Choose the incident to merge into.")
                else:
                    try:
                        incident = services.merge_proposed_event(
                            event, actor=actor, incident=int(incident_id)
                        )
                    except NotVisible as exc:
                        merge_error = exc.message
                    else:
                        messages.success(
                            request, _("Merged into %(ref)s.") % {"ref": incident.reference}
                        )
                        return redirect("review_list")
            elif action == "reject":
                reject_form = RejectForm(request.POST)
                if reject_form.is_valid():
                    services.reject_proposed_event(
                        event, actor=actor, reason=reject_form.cleaned_data["reason"]
                    )
                    messages.success(request, _("The proposal was rejected."))
                    return redirect("review_list")
            else:
                messages.error(request, _("Choose accept, merge or reject."))
        except DomainError as exc:
            if exc.status not in (400, 409):
                raise
            target = reject_form if action == "reject" else form
            if exc.status == 409 or exc.field not in target.fields:
                messages.error(request, exc.message)
            else:
                target.add_error(exc.field, exc.message)
        event.refresh_from_db()
        status = 409 if event.status != event.Status.PROPOSED else 400
    context = {
        "event": event,
        "report": event.report,
        "waiting": event.status == event.Status.PROPOSED,
        "text": highlighted_text(event.report.text, [event]),
        "form": form,
        "reject_form": reject_form,
        "merge_error": merge_error,
        "candidates": services.merge_candidates(event, actor),
        "may_review": services.may_review(actor),
    }
    return render(request, "sources/review_detail.html", context, status=status)
