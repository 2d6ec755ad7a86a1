"""Keeping the secrets of a request (auth tokens, passwords) out of errors and botocore's log."""
