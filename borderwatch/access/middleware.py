"""Attach the acting identity (`request.actor`) and a request id to every request."""

import time
import uuid

from . import policy
from .actor import Actor, memberships_of

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
            memberships = getattr(request, "memberships", None)
            if memberships is None:
                memberships = memberships_of(user)
            context = {
                "memberships": memberships,
                "channel": "web",
                "request_id": request.request_id,
                "ip": client_ip(request),
            }
            unit = None
            unit_id = request.session.get(SESSION_UNIT)
            if unit_id:
                unit = next((m.unit for m in memberships if m.unit_id == unit_id), None)
            if unit_id and unit is None:  # membership withdrawn since: the first unit
                request.session.pop(SESSION_UNIT, None)
            request.actor = Actor.for_user(user, unit, **context)
        if request.method in ("GET", "HEAD"):
            # a read: the policy's answers (live grants, pending referrals) are read once
            with policy.remembering():
                response = self.get_response(request)
        else:
            response = self.get_response(request)
        response["X-Request-ID"] = request.request_id
        return response


SESSION_TOUCHED = "touched"
REFRESH_SECONDS = 60


class IdleSessionMiddleware:
    """Renew a signed-in session's idle timeout (SESSION_COOKIE_AGE) on use, at most once a
    minute: rewriting the session row on every request costs an UPDATE and a signature per
    request, and the timeout is 30 minutes. A session that changed is saved anyway."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and session.session_key and not session.is_empty():
            now = int(time.time())
            if now - session.get(SESSION_TOUCHED, 0) >= REFRESH_SECONDS:
                session[SESSION_TOUCHED] = now  # marks it modified: saved, cookie renewed
        return response
