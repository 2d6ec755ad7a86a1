"""What the generated shape classes take from attrs without attrs building them.

codegen writes each shape class out as `attrs.frozen(kw_only=True)` would build it: its
slots, `__init__`, `__eq__`, `__hash__` (or None), `__match_args__`. Building a class with
attrs costs 0.1-1 ms (most of it compiling those methods), which was most of a facade's first
call; a written-out class costs some 30 µs. The rest comes from attrs itself:

- `__setattr__` / `__delattr__` are attrs' own frozen ones, so attrs (a subclass made with
  it, `FrozenInstanceError`) sees a frozen attrs class; each is taken from attrs (importing
  it) the first time it is looked up, on the class or to set an attribute, as reading
  answers never does;
- `__attrs_attrs__` (the fields) and `__attrs_props__` are attrs' own, made by running
  `attrs.frozen(kw_only=True)` on the class's declarations (`reference_class`) the first
  time anything asks for them (`attrs.fields`, `attrs.has`, `attrs.evolve`, cattrs,
  pydantic, `repr`); reading answers never does.

`tests/unit/test_written_classes.py` holds every shape class to its reference class.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any, cast

RESPONSE_METADATA = "response_metadata"
"""The facade's field of operation outputs: not an argument, not compared, hashed or shown."""

_METADATA_NAMES = ("__attrs_attrs__", "__attrs_props__")
_object_setattr = object.__setattr__
_lock = threading.RLock()


class Declarations:
    """How a class's fields differ from `name: T | None = None`, as attrs is told them."""

    __slots__ = ("converters", "required", "secret")

    def __init__(
        self,
        required: tuple[str, ...],
        secret: tuple[str, ...],
        converters: Mapping[str, Callable[[Any], Any]],
    ) -> None:
        self.required = required
        self.secret = secret
        self.converters = converters


_declared: dict[type, Declarations] = {}


_frozen: list[Callable[..., None]] = []


def _frozen_methods() -> list[Callable[..., None]]:
    """attrs' own frozen `__setattr__` and `__delattr__`, taken from a class attrs builds."""
    if not _frozen:
        import attrs

        made = attrs.frozen(init=False, repr=False, eq=False, match_args=False)(
            type("Frozen", (), {})
        )
        _frozen[:] = made.__setattr__, made.__delattr__
    return _frozen


class _FrozenMethod:
    """attrs' frozen `__setattr__` or `__delattr__` (`index` 0 or 1), looked up on first use;
    it then replaces itself in the class, so the class holds attrs' own function."""

    __slots__ = ("index", "name", "owner")

    def __init__(self, index: int) -> None:
        self.index = index

    def __set_name__(self, owner: type, name: str) -> None:
        self.owner, self.name = owner, name

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        method = _frozen_methods()[self.index]
        if self.owner.__dict__.get(self.name) is self:
            type.__setattr__(self.owner, self.name, method)
        return method if instance is None else method.__get__(instance, owner)


def frozen_slots(slots: tuple[str, ...]) -> tuple[Any, ...]:
    """attrs' frozen `__setattr__` and `__delattr__`, and the `__getstate__` /
    `__setstate__` attrs gives a slotted class (the state: a dict of every field)."""
    names = tuple(name for name in slots if name != "__weakref__")

    def __getstate__(self: Any) -> dict[str, Any]:
        return {name: getattr(self, name) for name in names}

    def __setstate__(self: Any, state: Any) -> None:
        set_field = _object_setattr.__get__(self)
        if isinstance(state, tuple):  # as attrs before 22.2 pickled
            values = cast("tuple[object, ...]", state)
            for name, value in zip(names, values, strict=False):
                set_field(name, value)
        else:
            for name in names:
                if name in state:
                    set_field(name, state[name])

    return _FrozenMethod(0), _FrozenMethod(1), __getstate__, __setstate__


def shape_replace(self: Any, /, **changes: Any) -> Any:
    """`copy.replace(shape, ...)` (Python 3.13+): `attrs.evolve`, as attrs gives its classes."""
    import attrs

    return attrs.evolve(self, **changes)


class _MadeByAttrs:
    """A class attribute attrs makes (`__attrs_attrs__`, `__attrs_props__`), made on first
    access; it then replaces itself in the class."""

    __slots__ = ("declarations", "name", "owner")

    def __init__(self, declarations: Declarations) -> None:
        self.declarations = declarations

    def __set_name__(self, owner: type, name: str) -> None:
        self.owner, self.name = owner, name
        _declared[owner] = self.declarations

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        made = _attrs_metadata(self.owner)
        if self.name not in made:  # attrs before 25.4 makes no __attrs_props__
            raise AttributeError(self.name)
        return made[self.name]


def made_by_attrs_on_first_use(
    required: tuple[str, ...] = (),
    secret: tuple[str, ...] = (),
    converters: Mapping[str, Callable[[Any], Any]] | None = None,
) -> tuple[Any, Any]:
    """`__attrs_attrs__, __attrs_props__` of a written-out class, from its declarations:
    its members without a default (`required`), those left out of repr (`secret`), and the
    converters of its list members (the same callables its `__init__` applies)."""
    declarations = Declarations(required, secret, converters or {})
    return _MadeByAttrs(declarations), _MadeByAttrs(declarations)


def _attrs_metadata(cls: type) -> dict[str, Any]:
    with _lock:
        found = {name: cls.__dict__[name] for name in _METADATA_NAMES if name in cls.__dict__}
        if not any(isinstance(value, _MadeByAttrs) for value in found.values()):
            return found
        reference = reference_class(cls)
        made = {name: reference.__dict__[name] for name in found if name in reference.__dict__}
        for name in found:
            if name in made:
                setattr(cls, name, made[name])
            else:
                delattr(cls, name)
        return made


def reference_class(cls: type) -> type:
    """The class `attrs.frozen(kw_only=True)` builds from `cls`'s declarations: what codegen
    wrote `cls` out as (its fields are `cls`'s, its methods attrs' own)."""
    import attrs

    declared = _declared[cls]
    namespace: dict[str, Any] = {
        "__module__": cls.__module__,
        "__qualname__": cls.__qualname__,
        "__doc__": cls.__doc__,
        "__annotations__": dict(cls.__annotations__),
        "__repr__": cls.__dict__["__repr__"],
    }
    if cls.__dict__.get("__hash__", ...) is None:
        namespace["__hash__"] = None
    for name in cls.__annotations__:
        if name == RESPONSE_METADATA:
            namespace[name] = attrs.field(
                default=None, init=False, eq=False, hash=False, repr=False
            )
            continue
        options: dict[str, Any] = {} if name in declared.required else {"default": None}
        if name in declared.secret:
            options["repr"] = False
        if name in declared.converters:
            options["converter"] = declared.converters[name]
        namespace[name] = attrs.field(**options)
    built: type = attrs.frozen(kw_only=True)(type(cls.__name__, (), namespace))
    return built
