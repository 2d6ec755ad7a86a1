"""Render `_generated/errors.py`: one exception class per modelled error, bound to its code."""

from __future__ import annotations

from codegen.model import Error, Model
from codegen.render_common import docstring, header
from codegen.type_maps.error_categories import CATEGORIES


def _error(error: Error) -> str:
    doc = docstring(error.doc or f"The {error.name} error.", indent=4)
    return (
        f"class {error.name}({error.category}):\n{doc}\n\n"
        f'    error_code: ClassVar[str] = "{error.code}"\n'
        '    """The error code the service sends for this error."""\n'
    )


def render(model: Model) -> str:
    """The module, whose `__all__` is `elasticache_typed.errors`'s: the base and categories
    (re-exported from `_errors.categories`), the modelled errors, `MODELLED_ERRORS_BY_CODE`."""
    classes = "\n\n".join(_error(e) for e in model.errors)
    by_code = "\n".join(f'    "{e.code}": {e.name},' for e in model.errors)
    names = [*CATEGORIES, *(e.name for e in model.errors), "MODELLED_ERRORS_BY_CODE"]
    exports = "\n".join(f'    "{name}",' for name in names)
    return f'''{header(model)}
"""One exception class per error the ElastiCache model declares, matched by its error code."""

from __future__ import annotations

from typing import ClassVar

from elasticache_typed._errors.categories import (
{"".join(f"    {c},{chr(10)}" for c in sorted(CATEGORIES))})

__all__ = [
{exports}
]


{classes}

MODELLED_ERRORS_BY_CODE: dict[str, type[ElastiCacheError]] = {{
{by_code}
}}
"""The modelled error classes by the error code the service sends."""
'''
