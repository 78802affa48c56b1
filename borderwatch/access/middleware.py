"""Attach the acting identity (`request.actor`) and a request id to every request."""

import uuid

from borderwatch.lib.errors import AccessDenied

from .actor import Actor
from .models import Unit

SESSION_UNIT = "acting_unit_id"


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


class ActorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request.headers.get("X-Request-ID", "")[:40] or uuid.uuid4().hex
        request.actor = None
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            unit = None
            unit_id = request.session.get(SESSION_UNIT)
            if unit_id:
                unit = Unit.objects.filter(pk=unit_id).first()
            try:
                request.actor = Actor.for_user(
                    user, unit, channel="web", request_id=request.request_id, ip=client_ip(request)
                )
            except AccessDenied:  # membership withdrawn since: fall back to the first unit
                request.session.pop(SESSION_UNIT, None)
                request.actor = Actor.for_user(
                    user, None, channel="web", request_id=request.request_id, ip=client_ip(request)
                )
        response = self.get_response(request)
        response["X-Request-ID"] = request.request_id
        return response
