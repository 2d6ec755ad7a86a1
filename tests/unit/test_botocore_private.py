"""Each private botocore name in `_botocore_private` still exists and behaves as assumed."""

from __future__ import annotations

import boto3
import pytest

from elasticache_typed import _botocore_private as private

# Connecting


def _client(region: str) -> object:
    return boto3.session.Session(
        aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret", region_name=region
    ).client("elasticache")


def test_client_credentials_are_the_clients_signing_credentials() -> None:
    credentials = private.client_credentials(_client("eu-west-1"))
    assert credentials.get_frozen_credentials().access_key == "AKIDEXAMPLE"


@pytest.mark.parametrize(
    ("region", "expected"),
    [
        ("eu-west-1", "eu-west-1"),
        ("fips", "us-west-1"),
        ("us-east-1-fips", "us-east-1"),
        ("fips-us-west-1", "us-west-1"),
        ("cn-north-1", "cn-north-1"),
    ],
)
def test_signing_region_is_what_a_client_made_for_the_region_signs_for(
    region: str, expected: str
) -> None:
    assert private.client_signing_region(_client(region)) == expected
    assert private.signing_region(region) == expected
