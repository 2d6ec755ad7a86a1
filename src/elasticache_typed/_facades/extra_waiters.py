"""Waiters from botocore's model and the ones it lacks, made by the same waiter machinery.

The waiters the model lacks are defined in `_generated/extra_waiters.py` (kept by hand in
codegen/type_maps/extra_waiters.py); botocore's `create_waiter_with_client` (aiobotocore's for
the asyncio facade) turns a definition into the same kind of waiter `client.get_waiter` gives.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from botocore import xform_name
from botocore.waiter import WaiterModel

from elasticache_typed._generated.extra_waiters import EXTRA_WAITERS

_EXTRA_MODEL = WaiterModel(EXTRA_WAITERS)

CreateWaiter = Callable[[str, WaiterModel, Any], Any]
"""botocore's (or aiobotocore's) `create_waiter_with_client`."""


def fixed_input(name: str) -> dict[str, Any]:
    """The request members a waiter the model lacks always sends (its definition's "input",
    e.g. ShowMemberInfo=True to read the members of a global datastore)."""
    waiter: dict[str, Any] = EXTRA_WAITERS["waiters"].get(name, {})
    return dict(waiter.get("input", {}))


def botocore_waiter(client: Any, name: str, create_waiter: CreateWaiter) -> Any:
    """The waiter named `name` (e.g. "UserActive") for `client`."""
    if name in _EXTRA_MODEL.waiter_names:
        return create_waiter(name, _EXTRA_MODEL, client)
    return client.get_waiter(xform_name(name))
