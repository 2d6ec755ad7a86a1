"""Fixtures of the wire-level tests: a real boto3 client behind a fake HTTP endpoint."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.fake_endpoint import FakeEndpoint, make_client


@pytest.fixture(scope="module")
def _module_wire() -> tuple[Any, FakeEndpoint]:
    client = make_client()
    return client, FakeEndpoint.attach(client)


@pytest.fixture
def wire(_module_wire: tuple[Any, FakeEndpoint]) -> tuple[Any, FakeEndpoint]:
    """One client for the module (making one is slow); a clean fake endpoint for each test."""
    _module_wire[1].reset()
    return _module_wire
