"""Fuzz the JSON API from its own OpenAPI schema: no generated request may cause a server
error (5xx), signed in or not. At least 1,000 requests in all."""

import json
from urllib.parse import urlencode

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

REQUESTS_PER_OPERATION = 40
MIN_TOTAL = 1000


def _operations(client):
    spec = client.get("/api/v1/openapi.json").json()
    schema = schemathesis.openapi.from_dict(spec)
    return [result.ok() for result in schema.get_all_operations()]


def _send(client, case):
    kwargs = {}
    if case.body is not None and not isinstance(case.body, schemathesis.core.NotSet):
        kwargs["data"] = json.dumps(case.body)
        kwargs["content_type"] = case.media_type or "application/json"
    query = urlencode(case.query or {}, doseq=True)
    return client.generic(case.method.upper(), case.formatted_path, QUERY_STRING=query, **kwargs)


def test_no_generated_request_causes_a_server_error(story, police):
    from django.test import Client

    client = Client(raise_request_exception=False)
    client.force_login(police.user)
    operations = _operations(client)
    tally = {"sent": 0}
    failures = []
    per_op = max(REQUESTS_PER_OPERATION, MIN_TOTAL // max(len(operations), 1) + 1)
    for op in operations:

        @settings(
            max_examples=per_op,
            deadline=None,
            database=None,
            derandomize=True,  # the same requests every run: CI stays repeatable
            suppress_health_check=list(HealthCheck),
        )
        @given(case=op.as_strategy(), anonymous=st.booleans())
        def fire(case, anonymous):
            if anonymous:
                client.logout()
            else:
                client.force_login(police.user)
            response = _send(client, case)
            tally["sent"] += 1
            if response.status_code >= 500:
                failures.append(
                    f"{case.method} {case.formatted_path} {case.query} "
                    f"{case.body!r} -> {response.status_code}"
                )

        fire()
    sent = tally["sent"]
    assert not failures, f"{len(failures)} server errors:\n" + "\n".join(failures[:20])
    assert sent >= MIN_TOTAL, f"only {sent} requests over {len(operations)} operations"
