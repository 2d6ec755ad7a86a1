"""The library's errors: the classes callers catch, and how botocore's failures become them."""
