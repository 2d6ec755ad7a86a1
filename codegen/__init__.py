"""Generator of elasticache_typed's model-shaped modules from botocore's ElastiCache model.

Stages, one module each: `model` reads botocore, `docs` turns its HTML into short text,
`render_*` produce source text, `write` formats and writes (or checks) the files.
Facts the model lacks are kept by hand in `type_maps/`.
"""
