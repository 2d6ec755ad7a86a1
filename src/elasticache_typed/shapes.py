"""The ElastiCache model's shapes: an attrs class per structure, a Literal alias per enum.

This module is the generated one (`_generated/shapes.py`, whose classes are built on first
use) under its public name, so that the classes' `__module__` names a namespace that holds
them and everything their annotations use. Type checkers read shapes.pyi.
"""

import sys

from elasticache_typed._generated import shapes as _generated

sys.modules[__name__] = _generated
