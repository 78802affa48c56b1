from django import template

from borderwatch.lib.timefmt import format_instant

register = template.Library()


@register.filter
def instant(value):
    """An instant in Europe/Oslo with its zone: 'Fri 22 Aug 2025 09:00 CEST'."""
    return format_instant(value)
