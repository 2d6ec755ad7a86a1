"""The few private botocore and aiobotocore names the library relies on, one small function
each, with the reason; tests/unit/test_botocore_private.py checks each still behaves as
assumed, so a botocore upgrade that changes one fails there first.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# Connecting


def client_credentials(client: Any) -> Any:
    """The credentials object a boto3 or aiobotocore client signs its requests with, or None.

    botocore has no public accessor for a client's credentials.
    """
    return client._get_credentials()


def client_signing_region(client: Any) -> str:
    """The region a client signs for (`fips` resolves to `us-west-1`, as botocore does).

    `client.meta.region_name` keeps a pseudo-region as given; only the signer knows the scope.
    """
    return str(client._request_signer.region_name)


@lru_cache(maxsize=64)
def signing_region(region: str) -> str:
    """The region botocore signs ElastiCache requests for when a client is made for `region`.

    botocore's client creator strips `fips-` and `-fips`, then its endpoint bridge reads the
    credential scope of pseudo-regions such as `fips`; neither step is public.
    """
    from botocore.client import ClientEndpointBridge
    from botocore.loaders import create_loader
    from botocore.regions import EndpointResolver

    normalized = region.replace("fips-", "").replace("-fips", "")
    bridge = ClientEndpointBridge(EndpointResolver(create_loader().load_data("endpoints")))
    return str(bridge.resolve("elasticache", normalized)["signing_region"])
