"""Benchmarks: run with `./dev bench` or `python -m bench.<name>`; they print medians and ratios."""
