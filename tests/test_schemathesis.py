"""Schemathesis against /openapi.json, over real HTTP: no 5xx, no response outside the schema.

Operations are driven through Hypothesis directly (schemathesis's pytest plugin does not load
under this pytest), one test per operation of the served schema.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from leaktrace.api import create_app
from leaktrace.config import RateLimit, Settings
from tests._servers import serve_in_thread
from tests.test_api import make_home

schemathesis = pytest.importorskip("schemathesis")
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import positive_data_acceptance  # noqa: E402

OPERATIONS = [
    ("POST", "/v1/oprf/evaluate"),
    ("GET", "/v1/range/{prefix}"),
    ("GET", "/v1/breaches"),
    ("GET", "/v1/breaches/{name}"),
    ("POST", "/v1/phish"),
    ("GET", "/v1/advice"),
    ("GET", "/v1/lineage/{name}"),
]
# The subscription and organisation routes read their bodies and query strings by hand, so the
# schema does not describe them yet: they are held to "no 5xx" only (see docs/api.md).
UNDESCRIBED = [
    ("POST", "/v1/subscriptions"),
    ("GET", "/v1/subscriptions/verify"),
    ("GET", "/v1/subscriptions/unsubscribe"),
    ("POST", "/v1/subscriptions/verify-code"),
    ("POST", "/v1/orgs"),
    ("GET", "/v1/orgs/report"),
]


UNSAYABLE = ("/v1/oprf/evaluate", "/v1/phish")


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    home: Path = tmp_path_factory.mktemp("home")
    make_home(home)
    # A generous limit: this test is about the contract, test_enumeration about the limit.
    app = create_app(Settings(home=home, rate_limit=RateLimit(1e9, 1_000_000)))
    with serve_in_thread(app) as url:
        yield schemathesis.openapi.from_url(url + "/openapi.json")


def test_every_operation_is_covered(api_schema: Any) -> None:
    served = {(r.ok().method.upper(), r.ok().path) for r in api_schema.get_all_operations()}
    assert set(OPERATIONS) | set(UNDESCRIBED) <= served


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_operation_conforms(api_schema: Any, method: str, path: str) -> None:
    operation = api_schema[path][method]

    @given(case=operation.as_strategy())
    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
    def run(case: Any) -> None:
        # What no JSON Schema can say exactly: a 64-hex string may not encode a group element,
        # and a text is refused as binary by its share of control characters. For these two,
        # "schema-valid data rejected" does not apply; every other check does.
        excluded = [positive_data_acceptance] if path in UNSAYABLE else []
        case.call_and_validate(excluded_checks=excluded)

    run()


@pytest.mark.parametrize(("method", "path"), UNDESCRIBED)
def test_undescribed_operation_never_fails_on_the_server(
    api_schema: Any, method: str, path: str
) -> None:
    operation = api_schema[path][method]

    @given(case=operation.as_strategy())
    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
    def run(case: Any) -> None:
        case.call_and_validate(checks=[not_a_server_error])

    run()
