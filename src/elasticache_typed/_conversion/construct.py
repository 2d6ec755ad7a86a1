"""Build shape instances without attrs' `__init__`: a blank instance, then each slot set.

The shape classes are frozen, slotted attrs classes without validators or converters, so
an instance is exactly its slots. Setting them through the slots' own descriptors costs less
than half of calling `__init__` with some thirty keyword arguments (measured). Generated code
(rendered by `codegen/render_construct.py`, the one place that writes this pattern) does:

    cls = _s.CacheCluster
    o = new(cls)
    w = slot_writers(cls, _CacheCluster_SLOTS)
    w[0](o, value_of_the_first_slot)
    ...

and sets every slot, as `__init__` would.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

T = TypeVar("T")

if TYPE_CHECKING:

    def new(cls: type[T]) -> T:
        """A blank instance of a class: no `__init__` called, no slot set yet."""
        ...

else:
    new = object.__new__

SlotWriter = Callable[[Any, Any], None]

_writers: dict[type, tuple[SlotWriter, ...]] = {}


def slot_writers(cls: type, names: tuple[str, ...]) -> tuple[SlotWriter, ...]:
    """The writers of `cls`'s slots `names`, in that order: `writers[i](instance, value)`.

    `names` must be every attribute of the class (checked the first time, so that a blank
    instance never keeps a slot unset).
    """
    found = _writers.get(cls)
    if found is None:
        fields = {a.name for a in attrs.fields(cls)}
        if fields != set(names) or len(names) != len(fields):
            raise TypeError(f"{cls.__name__}: the slots written differ from its attributes")
        found = tuple(cls.__dict__[name].__set__ for name in names)
        _writers[cls] = found
    return found
