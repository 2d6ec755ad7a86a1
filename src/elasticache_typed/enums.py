"""The values of each enum of the ElastiCache model, and checks that narrow to its Literal.

For each enum shape `X` (the Literal alias `shapes.X`): `<X_IN_UPPER_SNAKE_CASE>_VALUES`, its
values as a tuple, and `is_<x_in_snake_case>(value)`, which tells whether `value` is one of
them and lets a type checker narrow `value` to `shapes.X`:

    mode = os.environ.get("TRANSIT_ENCRYPTION_MODE", "required")
    if not enums.is_transit_encryption_mode(mode):
        raise SystemExit(f"expected one of {enums.TRANSIT_ENCRYPTION_MODE_VALUES}")
    cache.modify_replication_group(..., transit_encryption_mode=mode)  # a Literal now
"""

from elasticache_typed._generated.enums import *  # noqa: F403
