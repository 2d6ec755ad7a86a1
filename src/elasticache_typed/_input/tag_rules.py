"""The service's rules for tags, checked before a call is sent."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from elasticache_typed._errors.categories import ValidationError

MAX_TAGS = 50
MAX_KEY_LENGTH = 128
MAX_VALUE_LENGTH = 256
RESERVED_PREFIX = "aws:"


def tags_from_mapping(tags: Mapping[object, object], path: str) -> list[dict[str, Any]]:
    """Wire tags from {key: value or None}; None leaves the value out."""
    wire: list[dict[str, Any]] = []
    for key, value in tags.items():
        if not isinstance(key, str):
            raise ValidationError(f"{path}: tag keys must be str, got {type(key).__name__}")
        if value is not None and not isinstance(value, str):
            raise ValidationError(
                f"{path}: tag values must be str or None, got {type(value).__name__}"
            )
        wire.append({"Key": key} if value is None else {"Key": key, "Value": value})
    return wire


def check_tags(tags: list[dict[str, Any]], path: str) -> None:
    """Raise ValidationError naming the first tag rule the wire tags break."""
    if len(tags) > MAX_TAGS:
        raise ValidationError(f"{path}: at most {MAX_TAGS} tags are allowed, got {len(tags)}")
    seen: dict[str, int] = {}
    for i, tag in enumerate(tags):
        key = tag.get("Key")
        if key is None:
            raise ValidationError(f"{path}[{i}]: the tag key is missing")
        if not key:
            raise ValidationError(f"{path}[{i}]: the tag key is empty")
        if len(key) > MAX_KEY_LENGTH:
            raise ValidationError(
                f"{path}[{i}]: the tag key is longer than {MAX_KEY_LENGTH} characters"
            )
        if key.lower().startswith(RESERVED_PREFIX):
            raise ValidationError(
                f"{path}[{i}]: tag keys must not start with '{RESERVED_PREFIX}' (reserved by AWS)"
            )
        if key in seen:
            raise ValidationError(f"{path}[{i}]: the same tag key as {path}[{seen[key]}]")
        seen[key] = i
        value = tag.get("Value")
        if value is not None and len(value) > MAX_VALUE_LENGTH:
            raise ValidationError(
                f"{path}[{i}]: the tag value is longer than {MAX_VALUE_LENGTH} characters"
            )
