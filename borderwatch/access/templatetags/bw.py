from django import template

from borderwatch.lib.timefmt import format_instant, format_published

register = template.Library()


@register.filter
def instant(value):
    """An instant in Europe/Oslo with its zone: 'Fri 22 Aug 2025 09:00 CEST'."""
    return format_instant(value)


@register.filter
def published(report):
    """A source report's publication: 'Mon 25 Aug 2025' when only the day is known."""
    return format_published(report.published_at, report.published_day_only)
