"""Benchmarks that later features add. Each appends to ``results`` and ``targets``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def run(results: dict[str, dict[str, float]], targets: dict[str, float], tmpdir: Path,
        env: dict[str, str], runs: int, want: Callable[[str], bool]) -> None:
    if want("ui_stall"):  # participant set-up loading a 10,000-question bank (bench/stall.py)
        import stall

        stall.bench(results, targets, env, runs)
    import bench_export  # issues 7 and 14: results at a regency's scale, from a real store

    if any(want(k) for k in bench_export.KEYS):
        from run import paired

        bench_export.run(results, targets, tmpdir, runs, want, paired)
    if want("results_window"):  # issue 14: the results window on a 10,000-person session
        import stall_results

        stall_results.bench(results, targets, env, runs)
    if want("report"):  # issue 17: 500-participant session report against the 3 s goal
        import bench_report

        bench_report.run(results, targets, tmpdir, runs)
    return None
