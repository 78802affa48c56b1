"""The reports pages: paste or upload a report, the latest reports, one report with the
events proposed from it (the review of the proposals is built on these)."""

from datetime import datetime, time

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from borderwatch.access import policy
from borderwatch.access.views import actor_view
from borderwatch.lib.errors import DomainError
from borderwatch.lib.timefmt import OSLO

from . import services
from .forms import ReportForm


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
        day = form.cleaned_data.get("published")
        published = datetime.combine(day, time(12, 0), tzinfo=OSLO) if day else doc.published_at
        upload = form.cleaned_data.get("file")
        try:
            done = services.ingest_report(
                actor=actor,
                text=doc.text,
                title=form.cleaned_data["title"] or doc.title,
                outlet=form.cleaned_data["outlet"] or doc.outlet,
                url=form.cleaned_data["url"] or doc.url,
                language=form.cleaned_data["language"] or doc.language or "en",
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
    text = report.text
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
