from datetime import date, datetime, time

from django import template
from django.utils.translation import gettext as _

from borderwatch.lib.timefmt import OSLO, format_instant, format_period

register = template.Library()


@register.filter
def instant(value):
    """An instant in Europe/Oslo with its zone: 'Fri 22 Aug 2025 09:00 CEST'."""
    return format_instant(value)


@register.filter
def proposed_when(when: dict | None) -> str:
    """A proposed event's time (the extraction contract's `when`: ISO days, `end`
    exclusive, a precision) as the record shows times: 'Fri 22 Aug 2025', 'autumn 2023',
    'Sat 21 – Sun 22 Jun 2025'; 'not known' without days."""
    when = when or {}
    if not when.get("start") or not when.get("end") or when.get("precision") == "unknown":
        return _("not known")
    try:
        start, end = (
            datetime.combine(date.fromisoformat(when[k]), time(0), tzinfo=OSLO)
            for k in ("start", "end")
        )
    except (TypeError, ValueError):
        return f"{when.get('start')} – {when.get('end')}"
    return format_period(start, end, when.get("precision") or "day")
