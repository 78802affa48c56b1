import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

ISO_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


@register.filter
def unbroken_dates(text: str) -> str:
    """Escape `text` and keep each ISO date on one line ('2023-01-01', not '2023-01-/01')."""
    # safe: the text is escaped before the spans go in
    return mark_safe(ISO_DATE.sub(r'<span class="nowrap">\1</span>', escape(text)))
