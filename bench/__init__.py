"""Benchmarks: `python -m bench` prints figures; speed targets live here, not in timed tests."""
