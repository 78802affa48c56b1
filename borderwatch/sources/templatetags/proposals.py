"""How a proposed event's contract codes read on a page: 'Border patrol', 'Detained'."""

from django import template
from django.utils.translation import gettext_lazy as _

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
def detection_labels(codes) -> str:
    """['border_patrol', 'uav'] → 'Border patrol, Drone' ('—' for none)."""
    return _labels(codes, DETECTION_LABELS)


@register.filter
def outcome_labels(codes) -> str:
    """['detained', 'asylum_requested'] → 'Detained, Asked for asylum' ('—' for none)."""
    return _labels(codes, OUTCOME_LABELS)
