"""`python -m elasticache_typed`: the same as the `elasticache-typed` command."""

from elasticache_typed._cli.main import main

if __name__ == "__main__":  # importing the module (stubtest, pydoc) runs nothing
    raise SystemExit(main())
