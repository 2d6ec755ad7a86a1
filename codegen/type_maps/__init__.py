"""Facts the botocore model does not carry, kept by hand, one module per concern."""
