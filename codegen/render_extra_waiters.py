"""Render `_generated/extra_waiters.py`: the hand-kept definitions of the waiters the model
lacks (codegen/type_maps/extra_waiters.py), for botocore's `WaiterModel` at run time."""

from __future__ import annotations

import pprint

from codegen.model import Model
from codegen.render_common import header


def render(model: Model) -> str:
    definitions = pprint.pformat(model.extra_waiters, sort_dicts=False, width=96)
    return f'''{header(model)}
"""The waiters botocore's model lacks, in its waiters-2 format, for `botocore.waiter.WaiterModel`.

Kept by hand in codegen/type_maps/extra_waiters.py.
"""

from typing import Any

EXTRA_WAITERS: dict[str, Any] = {definitions}
'''
