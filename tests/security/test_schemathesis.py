"""Schemathesis against the gateway's own OpenAPI document (real stack), bounded to stay fast.

Every generated request must get an answer below 500 (``not_a_server_error``).
"""
from __future__ import annotations

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

pytestmark = pytest.mark.live


@pytest.fixture(scope="module")
def gateway_schema(live_stack):  # type: ignore[no-untyped-def]
    document = httpx.get(f"{live_stack.base_url}/openapi.json", timeout=30).json()
    # FastAPI labels its document OpenAPI 3.1; Schemathesis 3.14 (the newest that co-installs with
    # Rasa 3.6's pins) reads 3.0 – our schemas use nothing that differs between the two
    document["openapi"] = "3.0.3"
    return schemathesis.from_dict(document, base_url=live_stack.base_url)


schema = schemathesis.from_pytest_fixture("gateway_schema")


@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_gateway_api(case) -> None:  # type: ignore[no-untyped-def]
    if case.path.endswith("/events"):
        case.query = {**(case.query or {}), "wait": 0}  # the long poll would otherwise wait per example
    response = case.call(timeout=30)
    case.validate_response(response, checks=(not_a_server_error,))
