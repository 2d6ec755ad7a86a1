from elasticache_typed import shapes


def run() -> list[shapes.Tag]:
    return sorted([shapes.Tag(key="b"), shapes.Tag(key="a")])  # expect-error
