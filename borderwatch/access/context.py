"""Template context: the acting identity, for the header and the navigation."""


def actor(request):
    """The actor, and their memberships with their units for the header's identity and
    unit switch: as this request's middleware read them (access/otp.py), not again."""
    return {
        "actor": getattr(request, "actor", None),
        "actor_memberships": getattr(request, "memberships", None) or (),
    }


def notifications(request):
    """The header's count of the acting unit's unread notifications (one query), or
    nothing for those who get none."""
    from borderwatch.cases.views import notifications_for

    qs = notifications_for(getattr(request, "actor", None))
    if qs is None:
        return {}
    return {"unread_notifications": qs.filter(read_at__isnull=True).count()}
