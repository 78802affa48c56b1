"""How a proposed event reads on a page: its codes in words ('Border patrol', 'Detained')
and its time as the record shows times ('Fri 22 Aug 2025', 'autumn 2023')."""

from datetime import date, datetime, time

from django import template
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from borderwatch.lib.timefmt import OSLO, format_period
from borderwatch.sources.models import LANGUAGES

register = template.Library()

DETECTION_LABELS = {
    "border_patrol": _("Border patrol"),
    "sensor": _("Sensor or camera"),
    "uav": _("Drone"),
    "helicopter": _("Helicopter"),
    "police": _("Police"),
    "surrendered": _("Gave themselves up"),
    "public_tip": _("Tip from the public"),
}
OUTCOME_LABELS = {
    "detained": _("Detained"),
    "questioned": _("Questioned"),
    "asylum_requested": _("Asked for asylum"),
    "referred": _("Referred"),
    "released": _("Released"),
    "returned": _("Returned"),
    "charged": _("Charged"),
    "granted": _("Granted protection"),
    "refused": _("Refused"),
}


def _labels(codes, labels: dict) -> str:
    return ", ".join(str(labels.get(code, code)) for code in codes or ()) or "—"


@register.filter
def language_label(code: str) -> str:
    """'no' → 'Norwegian'; a code the extractor does not read is shown as it is."""
    return str(LANGUAGES.get(code, code or "—"))


@register.filter
def detection_labels(codes) -> str:
    """['border_patrol', 'uav'] → 'Border patrol, Drone' ('—' for none)."""
    return _labels(codes, DETECTION_LABELS)


@register.filter
def outcome_labels(codes) -> str:
    """['detained', 'asylum_requested'] → 'Detained, Asked for asylum' ('—' for none)."""
    return _labels(codes, OUTCOME_LABELS)


@register.filter
def proposed_when(when: dict | None) -> str:
    """A proposed event's time (the extraction contract's `when`: ISO days, `end`
    exclusive, a precision) as the record shows times: 'Fri 22 Aug 2025', 'autumn 2023',
    'Sat 21 – Sun 22 Jun 2025'; 'not known' without days."""
    when = when or {}
    if not when.get("start") or not when.get("end") or when.get("precision") == "unknown":
        return gettext("not known")
    try:
        start, end = (
            datetime.combine(date.fromisoformat(when[k]), time(0), tzinfo=OSLO)
            for k in ("start", "end")
        )
    except (TypeError, ValueError):
        return f"{when.get('start')} – {when.get('end')}"
    return format_period(start, end, when.get("precision") or "day")
