"""Benchmark of the full build: synthetic seed archive generator and runner (`invoke bench`)."""
