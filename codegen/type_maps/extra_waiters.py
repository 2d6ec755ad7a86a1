"""Waiters the botocore model lacks, in botocore's waiters-2 format.

botocore ships four ElastiCache waiters (cache clusters and replication groups, available and
deleted). These are the others users poll for by hand. The generator renders a
`wait_until_<waiter>` method for each, like the model's own, and writes the definitions to
`_generated/extra_waiters.py`, which the facades hand to botocore's waiter machinery.

Where the states come from (the model's documentation of each status member, else what the
service is known to report, as other tools wait on them):
- ServerlessCache.Status: creating, available, modifying, deleting, create-failed (model; it
  writes them in capitals, the service sends them in lower case)
- Snapshot.SnapshotStatus: creating, available, restoring, copying, deleting (model)
- ServerlessCacheSnapshot.Status: undocumented; taken as a snapshot's (creating, available,
  deleting)
- User.Status: active, modifying, deleting; UserGroup.Status: creating, active, modifying,
  deleting (model)
- GlobalReplicationGroup.Status: undocumented; creating, available, primary-only (a global
  datastore without a secondary yet, ready for use), modifying, deleting, deleted.
  GlobalReplicationGroupMember.Status: undocumented; "associated" once a member has joined
  (associating and disassociating on the way). "available" succeeds only when the datastore
  is available or primary-only AND every member is associated, so it does not return before
  a newly added secondary has joined; it asks with ShowMemberInfo=True (the waiter's
  "input", which the facades add to the call; botocore's waiter format has no such key and
  ignores it). "deleted" starts from primary-only (DeleteGlobalReplicationGroup deletes a
  datastore whose secondaries were removed: the first polls still see primary-only), so only
  "available" (secondaries still there: no deletion began) is its failure.
Both snapshot waiters also stop on "failed", so a snapshot that could not be made fails fast
instead of using up the attempts. A "deleted" waiter succeeds on the describe operation's
not-found error code and fails on the resource's ready state (its deletion never began).
A waiter name botocore's model gains later stops the generator (see codegen/model.py).
"""

from __future__ import annotations

from typing import Any

IDENTIFYING_MEMBER = {
    "DescribeServerlessCaches": "ServerlessCacheName",
    "DescribeSnapshots": "SnapshotName",
    "DescribeServerlessCacheSnapshots": "ServerlessCacheSnapshotName",
    "DescribeUsers": "UserId",
    "DescribeUserGroups": "UserGroupId",
    "DescribeGlobalReplicationGroups": "GlobalReplicationGroupId",
}
"""The input member naming the one resource each waiter polls: its method's only argument."""

EXTRA_WAITERS: dict[str, Any] = {
    "version": 2,
    "waiters": {
        "ServerlessCacheAvailable": {
            "operation": "DescribeServerlessCaches",
            "delay": 15,
            "maxAttempts": 80,
            "acceptors": [
                {
                    "matcher": "pathAll",
                    "argument": "ServerlessCaches[].Status",
                    "expected": "available",
                    "state": "success",
                },
                {
                    "matcher": "pathAny",
                    "argument": "ServerlessCaches[].Status",
                    "expected": "create-failed",
                    "state": "failure",
                },
                {
                    "matcher": "pathAny",
                    "argument": "ServerlessCaches[].Status",
                    "expected": "deleting",
                    "state": "failure",
                },
            ],
        },
        "ServerlessCacheDeleted": {
            "operation": "DescribeServerlessCaches",
            "delay": 15,
            "maxAttempts": 80,
            "acceptors": [
                {
                    "matcher": "error",
                    "expected": "ServerlessCacheNotFoundFault",
                    "state": "success",
                },
                {
                    "matcher": "pathAny",
                    "argument": "ServerlessCaches[].Status",
                    "expected": "available",
                    "state": "failure",
                },
            ],
        },
        "SnapshotAvailable": {
            "operation": "DescribeSnapshots",
            "delay": 15,
            "maxAttempts": 120,
            "acceptors": [
                {
                    "matcher": "pathAll",
                    "argument": "Snapshots[].SnapshotStatus",
                    "expected": "available",
                    "state": "success",
                },
                {
                    "matcher": "pathAny",
                    "argument": "Snapshots[].SnapshotStatus",
                    "expected": "failed",
                    "state": "failure",
                },
                {
                    "matcher": "pathAny",
                    "argument": "Snapshots[].SnapshotStatus",
                    "expected": "deleting",
                    "state": "failure",
                },
            ],
        },
        "SnapshotDeleted": {
            "operation": "DescribeSnapshots",
            "delay": 15,
            "maxAttempts": 80,
            "acceptors": [
                {"matcher": "error", "expected": "SnapshotNotFoundFault", "state": "success"},
                {
                    "matcher": "pathAny",
                    "argument": "Snapshots[].SnapshotStatus",
                    "expected": "available",
                    "state": "failure",
                },
            ],
        },
        "ServerlessCacheSnapshotAvailable": {
            "operation": "DescribeServerlessCacheSnapshots",
            "delay": 15,
            "maxAttempts": 120,
            "acceptors": [
                {
                    "matcher": "pathAll",
                    "argument": "ServerlessCacheSnapshots[].Status",
                    "expected": "available",
                    "state": "success",
                },
                {
                    "matcher": "pathAny",
                    "argument": "ServerlessCacheSnapshots[].Status",
                    "expected": "failed",
                    "state": "failure",
                },
                {
                    "matcher": "pathAny",
                    "argument": "ServerlessCacheSnapshots[].Status",
                    "expected": "deleting",
                    "state": "failure",
                },
            ],
        },
        "UserActive": {
            "operation": "DescribeUsers",
            "delay": 5,
            "maxAttempts": 60,
            "acceptors": [
                {
                    "matcher": "pathAll",
                    "argument": "Users[].Status",
                    "expected": "active",
                    "state": "success",
                },
                {
                    "matcher": "pathAny",
                    "argument": "Users[].Status",
                    "expected": "deleting",
                    "state": "failure",
                },
            ],
        },
        "UserDeleted": {
            "operation": "DescribeUsers",
            "delay": 5,
            "maxAttempts": 60,
            "acceptors": [
                {"matcher": "error", "expected": "UserNotFound", "state": "success"},
                {
                    "matcher": "pathAny",
                    "argument": "Users[].Status",
                    "expected": "active",
                    "state": "failure",
                },
            ],
        },
        "UserGroupActive": {
            "operation": "DescribeUserGroups",
            "delay": 5,
            "maxAttempts": 60,
            "acceptors": [
                {
                    "matcher": "pathAll",
                    "argument": "UserGroups[].Status",
                    "expected": "active",
                    "state": "success",
                },
                {
                    "matcher": "pathAny",
                    "argument": "UserGroups[].Status",
                    "expected": "deleting",
                    "state": "failure",
                },
            ],
        },
        "UserGroupDeleted": {
            "operation": "DescribeUserGroups",
            "delay": 5,
            "maxAttempts": 60,
            "acceptors": [
                {"matcher": "error", "expected": "UserGroupNotFound", "state": "success"},
                {
                    "matcher": "pathAny",
                    "argument": "UserGroups[].Status",
                    "expected": "active",
                    "state": "failure",
                },
            ],
        },
        "GlobalReplicationGroupAvailable": {
            "operation": "DescribeGlobalReplicationGroups",
            "input": {"ShowMemberInfo": True},
            "delay": 30,
            "maxAttempts": 60,
            "acceptors": [
                {
                    "matcher": "path",
                    "argument": (
                        "length(GlobalReplicationGroups[?"
                        "(Status == 'available' || Status == 'primary-only')"
                        " && length(Members[?Status != 'associated'] || `[]`) == `0`"
                        "]) == length(GlobalReplicationGroups)"
                    ),
                    "expected": True,
                    "state": "success",
                },
                {
                    "matcher": "pathAny",
                    "argument": "GlobalReplicationGroups[].Status",
                    "expected": "deleting",
                    "state": "failure",
                },
                {
                    "matcher": "pathAny",
                    "argument": "GlobalReplicationGroups[].Status",
                    "expected": "deleted",
                    "state": "failure",
                },
            ],
        },
        "GlobalReplicationGroupDeleted": {
            "operation": "DescribeGlobalReplicationGroups",
            "delay": 30,
            "maxAttempts": 60,
            "acceptors": [
                {
                    "matcher": "error",
                    "expected": "GlobalReplicationGroupNotFoundFault",
                    "state": "success",
                },
                {
                    "matcher": "pathAll",
                    "argument": "GlobalReplicationGroups[].Status",
                    "expected": "deleted",
                    "state": "success",
                },
                {
                    "matcher": "pathAny",
                    "argument": "GlobalReplicationGroups[].Status",
                    "expected": "available",
                    "state": "failure",
                },
            ],
        },
    },
}
"""The eleven waiters, by name (as botocore names waiters: `wait_until_<xform_name(name)>`)."""
