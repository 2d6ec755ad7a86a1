from elasticache_typed import shapes


def run(snapshot: shapes.Snapshot) -> None:
    snapshot.snapshot_name = "renamed"  # expect-error
