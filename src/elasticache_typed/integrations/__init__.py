"""Connect to ElastiCache with IAM authentication from Valkey and Redis OSS client libraries.

`elasticache_typed.integrations.redis.IAMCredentialProvider` is for redis-py (the `redis`
extra), `elasticache_typed.integrations.valkey.IAMCredentialProvider` for valkey-py (the
`valkey` extra). Each module needs its client library; this package imports neither.
"""
