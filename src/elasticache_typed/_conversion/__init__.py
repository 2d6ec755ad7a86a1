"""Between boto3's values and the typed shapes: hooks, the converter, timestamps, and the
shape classes built on first use."""
