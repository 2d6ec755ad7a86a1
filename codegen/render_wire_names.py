"""Render `_generated/wire_names.py`: each shape's attribute names mapped to wire names."""

from __future__ import annotations

from codegen.model import Model
from codegen.render_common import header


def render(model: Model) -> str:
    rows = []
    for s in model.structures:
        pairs = ", ".join(f'"{m.attr}": "{m.name}"' for m in s.members)
        rows.append(f'    "{s.name}": {{{pairs}}},')
    body = "\n".join(rows)
    return f'''{header(model)}
"""The wire (PascalCase) name of each attribute, by shape class name, for the converter."""

WIRE_NAMES: dict[str, dict[str, str]] = {{
{body}
}}
'''
