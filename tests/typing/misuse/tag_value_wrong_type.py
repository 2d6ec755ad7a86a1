from elasticache_typed import shapes


def run() -> shapes.Tag:
    return shapes.Tag(key="team", value=42)  # expect-error
