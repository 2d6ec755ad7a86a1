"""How generated code builds a shape instance: the one place that writes this pattern.

A blank instance (`new(cls)`), then every slot set through its descriptor
(`slot_writers(cls, names)[i](o, value)`), which costs less than half of attrs' `__init__`
with keyword arguments; see `elasticache_typed/_conversion/construct.py`.
"""

from __future__ import annotations

from codegen.model import Structure

IMPORTS = "from elasticache_typed._conversion.construct import new, slot_writers\n"
"""What a module using `construction` imports (besides the shapes module as `_s`)."""


def slots_name(structure: Structure) -> str:
    return f"_{structure.name}_SLOTS"


def slots_constant(structure: Structure) -> str:
    """The module-level tuple of the attribute names `construction` writes, in order."""
    names = "".join(f'    "{m.attr}",\n' for m in structure.members)
    return f"{slots_name(structure)} = (\n{names})\n"


def construction(structure: Structure, values: list[str], indent: str = "    ") -> str:
    """Statements that leave in `o` an instance of the structure's class whose i-th member
    (in model order) is the value of the expression `values[i]`."""
    if len(values) != len(structure.members):
        raise ValueError(f"{structure.name}: {len(values)} values for its members")
    lines = [f"cls = _s.{structure.name}", "o = new(cls)"]
    if values:
        lines.append(f"w = slot_writers(cls, {slots_name(structure)})")
    lines.extend(f"w[{i}](o, {value})" for i, value in enumerate(values))
    return "".join(f"{indent}{line}\n" for line in lines)
