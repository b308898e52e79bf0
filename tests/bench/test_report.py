"""The report helpers every benchmark part shares (no measuring, nothing timed)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bench.report import (
    keep_and_write,
    markers,
    performance_targets,
    table,
    verdict,
    wrap,
    write_section,
)
from bench.worker import last_json, run_child


def test_a_section_replaces_its_own_markers_and_leaves_the_rest(tmp_path: Path) -> None:
    out = tmp_path / "BENCHMARKS.md"
    out.write_text("# Benchmarks\n\nintro\n")
    write_section(wrap("part", ["first"]), out, "part")
    write_section(wrap("other", ["kept"]), out, "other")
    write_section(wrap("part", ["second"]), out, "part")
    text = out.read_text()
    start, end = markers("part")
    assert text.count(start) == text.count(end) == 1
    assert "second" in text and "first" not in text
    assert text.startswith("# Benchmarks\n\nintro\n") and "kept" in text


def test_tables_and_verdicts_read_the_same_everywhere() -> None:
    assert table(["a", "b"], [["1", "2"]]) == "| a | b |\n|---|---|\n| 1 | 2 |"
    assert verdict(True) == "**met**"
    assert verdict(False) == "**not met**"
    assert verdict(False, missed="missed") == "**missed**"


def test_a_child_answers_with_the_last_json_line(tmp_path: Path) -> None:
    assert last_json('noise\n{"a": 1}\n{"b": 2}\n') == {"b": 2}
    assert last_json("no result") is None
    script = "print('starting'); print('{\"done\": 3}')"
    assert run_child([sys.executable, "-c", script], timeout=60, name="test-child") == {
        "done": 3}


def test_every_performance_target_has_a_row_even_when_nothing_ran() -> None:
    rows = performance_targets({})
    assert len(rows) == 11
    assert all(row[3] == "**not measured**" and len(row) == 5 for row in rows)
    json.dumps(rows)


def test_a_part_run_alone_keeps_its_results_and_rewrites_only_its_section(
        tmp_path: Path) -> None:
    out = tmp_path / "BENCHMARKS.md"
    out.write_text("# Benchmarks\n")
    saved = tmp_path / "results" / "part.json"
    keep_and_write({"rate": 5}, saved, out, "part",
                   lambda c: wrap("part", [f"rate 5, by {c}"]), "`cmd`")
    assert json.loads(saved.read_text()) == {"rate": 5}
    keep_and_write({"rate": 6}, saved, out, "part",
                   lambda c: wrap("part", [f"rate 6, by {c}"]), "`cmd`")
    text = out.read_text()
    assert text.startswith("# Benchmarks\n") and "rate 6, by `cmd`" in text
    assert "rate 5" not in text
