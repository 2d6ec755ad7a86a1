"""Checks of the settings that are not operation input: paging and waiting settings, and the
client settings of the `create` constructors."""

from __future__ import annotations

import math
from typing import Any, Literal, TypeAlias, get_args

from botocore import xform_name
from botocore.config import Config

from elasticache_typed._errors.categories import ValidationError

RetryMode: TypeAlias = Literal["legacy", "standard", "adaptive"]
"""botocore's retry modes, for `create(retry_mode=...)` (the Errors guide says what each does)."""


def merged_config(
    config: Config | None,
    config_class: type[Config],
    *,
    retry_mode: RetryMode | None,
    max_attempts: int | None,
    connect_timeout: float | None,
    read_timeout: float | None,
) -> Config | None:
    """The caller's `config` with the `create` settings merged in.

    The settings take precedence over the same ones in `config`; its other retry settings
    are kept. Nothing given: `config` unchanged. Bad settings raise ValidationError.
    """
    if retry_mode is not None and retry_mode not in get_args(RetryMode):
        raise ValidationError("retry_mode: expected one of " + ", ".join(get_args(RetryMode)))
    attempts = positive_ints(max_attempts=max_attempts).get("max_attempts")
    timeouts = {
        name: value
        for name, value in (("connect_timeout", connect_timeout), ("read_timeout", read_timeout))
        if value is not None
    }
    for name, value in timeouts.items():
        if not _is_positive_seconds(value):
            raise ValidationError(f"{name}: expected a positive number of seconds")
    if retry_mode is None and attempts is None and not timeouts:
        return config
    options: dict[str, Any] = dict(timeouts)
    if retry_mode is not None or attempts is not None:
        retries: dict[str, Any] = dict(getattr(config, "retries", None) or {})
        if retry_mode is not None:
            retries["mode"] = retry_mode
        if attempts is not None:
            retries.pop("max_attempts", None)  # botocore's count of RETRIES; ours is of all
            retries["total_max_attempts"] = attempts
        options["retries"] = retries
    ours = config_class(**options)
    return ours if config is None else config.merge(ours)


def _is_positive_seconds(value: object) -> bool:
    # Typed float, but a caller may pass anything.
    if not isinstance(value, int | float) or isinstance(value, bool):
        return False
    return value > 0 and math.isfinite(value)


def positive_ints(**values: object) -> dict[str, int]:
    """The given paging or waiting settings, each checked to be a positive int."""
    checked: dict[str, int] = {}
    for name, value in values.items():
        if value is None:
            continue
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ValidationError(f"{xform_name(name)}: expected a positive int")
        checked[name] = value
    return checked
