"""A griffe extension: document the lazily built shape classes under `elasticache_typed.shapes`.

`_generated/shapes.py` builds each class on first use, so only `_generated/shapes.pyi` defines
them where griffe can read them; griffe marks objects found only in a stub as absent at run
time and leaves them out of `elasticache_typed.shapes`'s `import *`. They are there at run time
(the module's `__getattr__` builds them), so this marks them so and re-exports them.
"""

from __future__ import annotations

from typing import Any

import griffe

PACKAGE = "elasticache_typed"


class LazyShapes(griffe.Extension):
    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        if pkg.name != PACKAGE:
            return
        generated = pkg["_generated.shapes"]
        public = pkg["shapes"]
        for name in generated.exports or ():
            member = generated.members[name]
            member.runtime = True
            if name not in public.members:
                public.set_member(name, griffe.Alias(name, member, parent=public))
