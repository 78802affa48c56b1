"""The JSON API at /api/v1/: one NinjaAPI, its authentication and its error shape.

People sign in with the session (and send the CSRF token on writes); machine senders use
an integration token as `Authorization: Bearer bw_…`. Errors are JSON
`{"detail": "...", "field": "..."}` with 400/403/404/409; schema errors are 422 with
one entry per bad field. The OpenAPI document and its Swagger UI are served offline.
"""

from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.parser import Parser
from ninja.security import HttpBearer, SessionAuth

from borderwatch.access import tokens
from borderwatch.access.actor import Actor
from borderwatch.access.middleware import client_ip
from borderwatch.lib.errors import DomainError


class IntegrationToken(HttpBearer):
    """`Authorization: Bearer bw_<prefix>_<secret>`: a sensor or tablet acting for its unit."""

    openapi_scheme = "bearer"

    def authenticate(self, request: HttpRequest, token: str):
        found = tokens.authenticate(token)
        if found is None:
            return None
        request.actor = Actor.integration(
            found, request_id=getattr(request, "request_id", ""), ip=client_ip(request)
        )
        request.integration = found
        return found


class SignedIn(SessionAuth):
    """A signed-in person (session cookie; CSRF token on writes)."""

    def _get_key(self, request: HttpRequest):
        # Without a session cookie there is no session for another site to ride on: the
        # answer is 401 (not signed in), not ninja's "CSRF check Failed" (403), which sent
        # integrations with a wrong token and clients without a session the wrong way.
        if self.param_name not in request.COOKIES:
            return None
        return super()._get_key(request)

    def authenticate(self, request: HttpRequest, key):
        user = super().authenticate(request, key)
        if user is None or getattr(request, "actor", None) is None:
            return None
        return user


class JSONWithoutNul(Parser):
    """JSON bodies; a NUL character in any string is refused (400): PostgreSQL cannot store
    it, and no text a person writes contains one. Forms refuse it the same way."""

    def parse_body(self, request: HttpRequest):
        data = super().parse_body(request)
        if _has_nul(data):
            raise DomainError("Text in the request contains a NUL character (\\u0000).")
        return data


def _has_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


session = SignedIn()
integration = IntegrationToken()

api = NinjaAPI(
    title="borderwatch API",
    version="1",
    description="Detections in; incidents, sections, the border and counts out. "
    "Every call is checked by the access policy and written to the audit trail.",
    urls_namespace="api",
    parser=JSONWithoutNul(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)


@api.exception_handler(DomainError)
def domain_error(request, exc: DomainError):
    body = {"detail": exc.message}
    if exc.field:
        body["field"] = exc.field
    return api.create_response(request, body, status=exc.status)


@api.exception_handler(OverflowError)
def number_out_of_range(request, exc: OverflowError):
    """An id or number beyond what the database holds (e.g. 2**70) is bad input, not a
    server error."""
    return api.create_response(
        request, {"detail": "A number in the request is out of range."}, status=400
    )


def _routers():
    from borderwatch.access.emergency import router as access_router
    from borderwatch.border.api import router as border_router
    from borderwatch.border.map_api import router as map_router
    from borderwatch.cases.api import router as cases_router
    from borderwatch.sources.api import router as sources_router
    from borderwatch.stats.api import router as stats_router

    api.add_router("/", border_router)
    api.add_router("/", map_router)
    api.add_router("/", cases_router)
    api.add_router("/stats", stats_router)
    api.add_router("/", access_router)
    api.add_router("/", sources_router)


_routers()
