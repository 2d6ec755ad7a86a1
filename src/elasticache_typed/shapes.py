"""The ElastiCache model's shapes: an attrs class per structure, a Literal alias per enum.

Classes are built on first use; type checkers read shapes.pyi.
"""

from elasticache_typed._generated import shapes as _generated


def __getattr__(name: str) -> object:
    value: object = getattr(_generated, name)
    globals()[name] = value
    return value


__all__: list[str] = []
__all__ += _generated.__all__
