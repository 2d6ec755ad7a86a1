"""`python -m elasticache_typed`: the same as the `elasticache-typed` command."""

from elasticache_typed._cli.main import main

raise SystemExit(main())
