"""`elasticache-typed iam-token ...` and `elasticache-typed connection-settings ...`.

Credentials and region come from boto3's usual places (environment, profile, instance or task
role; `AWS_ENDPOINT_URL_ELASTICACHE` for another endpoint). Exit 0 on success, 2 on bad usage,
1 when the call fails; errors are one line on stderr, without a traceback: the library's
messages, which never carry a secret, or the name of an unexpected error's class alone.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import IO, Any, NoReturn

PROG = "elasticache-typed"
EXIT_FAILED = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse, with bad usage told in one line (the usage is in `--help`)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="IAM authentication tokens and connection settings for Amazon ElastiCache "
        "(Valkey and Redis OSS). Credentials and region come from boto3's usual places.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    token = commands.add_parser(
        "iam-token",
        help="print an IAM authentication token (the user's password, valid --expires-in s)",
        description="Print the IAM authentication token an IAM-enabled ElastiCache user "
        "connects with, alone on stdout. Signing is local: nothing is sent to AWS.",
    )
    token.add_argument("--user-id", required=True, help="the ElastiCache user's id")
    token.add_argument(
        "--cache-name", required=True, help="replication group id or serverless cache name"
    )
    token.add_argument("--serverless", action="store_true", help="the cache is serverless")
    token.add_argument("--region", help="the cache's AWS Region (default: boto3's)")
    token.add_argument(
        "--expires-in", type=int, default=900, metavar="S", help="validity, 1-900 s (900)"
    )
    settings = commands.add_parser(
        "connection-settings",
        help="print where and how to connect to a cache",
        description="Describe the cache and print its endpoint, port, TLS and cluster mode.",
    )
    which = settings.add_mutually_exclusive_group(required=True)
    which.add_argument("--replication-group-id", metavar="ID")
    which.add_argument("--cache-cluster-id", metavar="ID")
    which.add_argument("--serverless-cache-name", metavar="N")
    settings.add_argument("--json", action="store_true", help="print one JSON object")
    for command in (token, settings):
        command.error = parser.error  # type: ignore[method-assign]
    return parser


def main(argv: Sequence[str] | None = None, *, out: IO[str] | None = None) -> int:
    """Run the command line with `argv` (default: `sys.argv[1:]`); the exit status.

    Args:
        argv: The arguments after the program name.
        out: Where results go (default: stdout).
    """
    arguments = _parser().parse_args(argv)
    out = out or sys.stdout
    try:
        if arguments.command == "iam-token":
            print(_iam_token(arguments), file=out)
        else:
            print(_connection_settings(arguments), file=out)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - one line, no traceback (see the docstring)
        print(f"{PROG}: error: {_one_line(error)}", file=sys.stderr)
        return EXIT_FAILED
    return 0


def _facade(region: str | None) -> Any:
    from elasticache_typed import ElastiCache

    return ElastiCache.create(region_name=region)


def _iam_token(arguments: argparse.Namespace) -> str:
    facade = _facade(arguments.region)
    token: str = facade.generate_iam_auth_token(
        user_id=arguments.user_id,
        cache_name=arguments.cache_name,
        serverless=arguments.serverless,
        expires_in=arguments.expires_in,
        region=arguments.region,
    )
    return token


def _connection_settings(arguments: argparse.Namespace) -> str:
    import attrs

    from elasticache_typed import connection_settings, errors

    facade = _facade(None)
    resource: Any
    if arguments.replication_group_id is not None:
        found = facade.describe_replication_groups(
            replication_group_id=arguments.replication_group_id
        ).replication_groups
    elif arguments.cache_cluster_id is not None:
        found = facade.describe_cache_clusters(
            cache_cluster_id=arguments.cache_cluster_id, show_cache_node_info=True
        ).cache_clusters
    else:
        found = facade.describe_serverless_caches(
            serverless_cache_name=arguments.serverless_cache_name
        ).serverless_caches
    if not found:
        raise errors.ValidationError("the describe operation returned no cache")
    resource = found[0]
    values = attrs.asdict(connection_settings(resource))
    if arguments.json:
        return json.dumps(values)
    return "\n".join(f"{name}: {'' if value is None else value}" for name, value in values.items())


def _one_line(error: Exception) -> str:
    from botocore.exceptions import BotoCoreError, NoRegionError

    from elasticache_typed.errors import ElastiCacheError

    if isinstance(error, NoRegionError):
        return "no AWS Region: set AWS_DEFAULT_REGION or a profile's region (or --region)"
    if isinstance(error, ElastiCacheError | BotoCoreError):
        text = str(error)  # the library's and botocore's messages carry no secret
    else:
        text = type(error).__name__
    return " ".join(text.split())
