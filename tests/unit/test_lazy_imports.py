"""What a blocking user's start needs, and nothing more: the modules that neither
`from elasticache_typed import ElastiCache`, `ElastiCache.create()` nor a first successful
call needs load on first use, and every public name still resolves to them.

Each check runs in a fresh interpreter (a process that has imported nothing of ours yet).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

DEFERRED = (
    "elasticache_typed.enums",
    "elasticache_typed.errors",
    "elasticache_typed._generated.enums",
    "elasticache_typed._generated.errors",
    "elasticache_typed._errors.solutions",
    "elasticache_typed._errors.unmodelled_codes",
    "elasticache_typed._connect.iam_token",
    "elasticache_typed._connect.token_reuse",
    "elasticache_typed._facades.extra_waiters",
    "elasticache_typed._generated.extra_waiters",
    "elasticache_typed._conversion.converter",
    "elasticache_typed._connect.connection_settings",
    "elasticache_typed._generated.hooks",  # create()'s facade reads with the generated reader
)
"""Modules of ours a fresh process loads only when something asks for them."""
UNNEEDED = ("attrs", "cattrs")
"""Libraries that neither a facade nor its answers' classes need (attrs is imported when
something asks a class for its attrs fields, or sets a member of a frozen one)."""

_ANSWERING = """
from botocore.awsrequest import AWSResponse

class Raw:  # botocore reads the body through stream() or read()
    def __init__(self, body): self.body = body
    def stream(self, **_): yield self.body
    def read(self, *_, **__): return self.body

def answering(client, status, body):
    def send(request, **_):
        headers = {{"Content-Type": "text/xml", "x-amzn-RequestId": "r"}}
        return AWSResponse(request.url, status, headers, Raw(body.encode()))
    client.meta.events.register("before-send.elasticache", send)
"""
"""A before-send handler answering every request with `body`, in a fresh process's code
(nothing of the tests' support package, which loads the converter)."""

_FIRST_CALL = (
    """
import json, sys
from elasticache_typed import ElastiCache

imported = sorted(name for name in {deferred!r} if name in sys.modules)
"""
    + _ANSWERING
    + """
cache = ElastiCache.create(region_name="us-east-1", aws_access_key_id="a",
                           aws_secret_access_key="b")
answering(cache.client, 200, (
    '<DeleteCacheClusterResponse xmlns="http://elasticache.amazonaws.com/doc/2015-02-02/">'
    "<DeleteCacheClusterResult><CacheCluster><CacheClusterId>c1</CacheClusterId>"
    "</CacheCluster></DeleteCacheClusterResult>"
    "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
    "</DeleteCacheClusterResponse>"
))
result = cache.delete_cache_cluster(cache_cluster_id="c1")
cluster = result.cache_cluster if result.response_metadata.request_id == "r" else None
called = sorted(name for name in {deferred!r} if name in sys.modules)
print(json.dumps([imported, called, cluster.cache_cluster_id if cluster else None]))
"""
)


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return done.stdout.strip().splitlines()[-1]


def test_import_create_and_a_first_call_load_none_of_the_deferred_modules() -> None:
    code = _FIRST_CALL.format(deferred=DEFERRED + UNNEEDED)
    imported, called, cluster_id = json.loads(_run(code))
    assert cluster_id == "c1"  # the call was made and read
    assert imported == []
    assert called == []


@pytest.mark.parametrize(
    ("making", "loaded"),
    [
        ("ElastiCache(boto3.client('elasticache', **settings))", True),
        ("ElastiCache.create(fast_reader=False, **settings)", True),
        ("ElastiCache.create(**settings)", False),
    ],
)
def test_facades_reading_botocores_dicts_load_the_hooks_when_made(
    making: str, loaded: bool
) -> None:
    # A wrapped facade (or one without the fast reader) converts its first answer with the
    # hooks, loaded when it is made; a create() facade loads them if a call needs them.
    code = (
        "import sys, boto3\n"
        "from elasticache_typed import ElastiCache\n"
        "settings = dict(region_name='us-east-1', aws_access_key_id='a',"
        " aws_secret_access_key='b')\n"
        f"cache = {making}\n"
        "print('elasticache_typed._generated.hooks' in sys.modules)"
    )
    assert _run(code) == str(loaded)


def test_a_create_facade_whose_answer_is_observed_converts_it_with_the_hooks() -> None:
    code = (
        "import sys\n"
        "from elasticache_typed import ElastiCache\n"
        + _ANSWERING.format()
        + "cache = ElastiCache.create(region_name='us-east-1', aws_access_key_id='a',"
        " aws_secret_access_key='b')\n"
        "seen = []\n"
        "cache.client.meta.events.register('after-call.elasticache', "
        "lambda parsed, **_: seen.append(parsed['CacheCluster']['CacheClusterId']))\n"
        "answering(cache.client, 200, '<DeleteCacheClusterResponse "
        'xmlns="http://elasticache.amazonaws.com/doc/2015-02-02/">'
        "<DeleteCacheClusterResult><CacheCluster><CacheClusterId>c1</CacheClusterId>"
        "</CacheCluster></DeleteCacheClusterResult>"
        "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
        "</DeleteCacheClusterResponse>')\n"
        "result = cache.delete_cache_cluster(cache_cluster_id='c1')\n"
        "print(result.cache_cluster.cache_cluster_id, seen,"
        " 'elasticache_typed._generated.hooks' in sys.modules)\n"
    )
    assert _run(code) == "c1 ['c1'] True"


def test_plain_import_loads_no_facade_and_no_deferred_module() -> None:
    code = (
        "import json, sys, elasticache_typed\n"
        f"print(json.dumps(sorted(n for n in {DEFERRED!r} + "
        "('boto3', 'elasticache_typed._generated.facade') if n in sys.modules)))"
    )
    assert json.loads(_run(code)) == []


@pytest.mark.parametrize(
    ("expression", "loads"),
    [
        ("elasticache_typed.errors.NotFoundError", "elasticache_typed.errors"),
        (
            "elasticache_typed.errors.CacheClusterNotFoundFault",
            "elasticache_typed._generated.errors",
        ),
        ("elasticache_typed.enums.is_auth_token_update_strategy_type", "elasticache_typed.enums"),
        ("elasticache_typed.converter", "elasticache_typed._conversion.converter"),
        ("elasticache_typed.connection_settings", "elasticache_typed._connect.connection_settings"),
        (
            "elasticache_typed.ElastiCache.generate_iam_auth_token",
            "elasticache_typed._facades.core",
        ),
    ],
)
def test_each_deferred_public_name_resolves_on_first_use(expression: str, loads: str) -> None:
    code = (
        "import sys, elasticache_typed\n"
        f"found = {expression}\n"
        f"print(found is not None, {loads!r} in sys.modules)"
    )
    assert _run(code) == "True True"


def test_submodules_import_by_name_as_before() -> None:
    code = (
        "from elasticache_typed import errors, enums\n"
        "import elasticache_typed.errors as public\n"
        "import elasticache_typed\n"
        "print(public is errors is elasticache_typed.errors, enums is elasticache_typed.enums,"
        " issubclass(errors.CacheClusterNotFoundFault, errors.NotFoundError))"
    )
    assert _run(code) == "True True True"


def test_a_failed_call_still_raises_its_modelled_class_with_its_solution() -> None:
    code = (
        "from elasticache_typed import ElastiCache\n"
        + _ANSWERING.format()
        + "cache = ElastiCache.create(region_name='us-east-1', aws_access_key_id='a',"
        " aws_secret_access_key='b')\n"
        "answering(cache.client, 404, '<ErrorResponse><Error><Type>Sender</Type>"
        "<Code>CacheClusterNotFound</Code><Message>gone</Message></Error>"
        "<RequestId>r</RequestId></ErrorResponse>')\n"
        "try:\n"
        "    cache.delete_cache_cluster(cache_cluster_id='c1')\n"
        "except Exception as exc:\n"
        "    print(type(exc).__module__, type(exc).__name__, exc.code)\n"
    )
    assert _run(code) == "elasticache_typed.errors CacheClusterNotFoundFault CacheClusterNotFound"


def test_errors_raised_before_the_errors_module_is_imported_name_it() -> None:
    # Bad input is raised before anything was sent, or imported the public errors module.
    code = (
        "import pickle, sys\n"
        "from elasticache_typed import ElastiCache\n"
        "try:\n"
        "    ElastiCache.create(region_name='us-east-1', max_attempts=0)\n"
        "except Exception as exc:\n"
        "    loaded = 'elasticache_typed.errors' in sys.modules\n"
        "    copied = pickle.loads(pickle.dumps(exc))  # which imports the module it names\n"
        "    print(type(exc).__module__, type(exc).__name__, loaded, type(copied).__name__)\n"
    )
    assert _run(code) == "elasticache_typed.errors ValidationError False ValidationError"
