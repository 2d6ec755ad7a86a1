"""Connecting to the cache: IAM authentication tokens (`iam_token`), the token reuse of the
credential providers (`token_reuse`) and where to connect (`connection_settings`)."""
