"""Answers read straight from the wire into the shape classes, for facades made by `create()`:
the XML document (`document`), the response parser that reads it (`wire_parser`), and the
facades' side of it (`typed`)."""
