"""Checking a call's arguments before anything is sent, and building boto3's params."""
