"""A griffe extension: a module that takes its `__all__` from another one
(`from elasticache_typed._generated.errors import __all__ as __all__`, the form mypy reads)
exports what that module's `__all__` lists, as it does at run time. griffe reads only an
`__all__` written in the module itself (or extended with `+=`)."""

from __future__ import annotations

from typing import Any

import griffe


class ImportedAll(griffe.Extension):
    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        for module in _modules(pkg):
            imported = module.members.get("__all__")
            if module.exports is None and isinstance(imported, griffe.Alias):
                source = pkg.modules_collection[imported.target_path.rpartition(".")[0]]
                module.exports = list(source.exports or ())


def _modules(module: griffe.Module) -> list[griffe.Module]:
    return [module, *(m for sub in module.modules.values() for m in _modules(sub))]
