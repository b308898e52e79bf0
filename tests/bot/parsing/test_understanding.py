"""The understanding corpus, said to the real Coach: what it did, line by line, against
what a careful coach would have done (tests/bot/parsing/understanding.py scores it).

The bar (docs/UNDERSTANDING.md) is no wrong action at all. Until it is met, the lines
still acted on wrongly are listed in corpus/known_wrong.txt: a line that newly acts
wrongly fails here, and so does a listed line that no longer does (delete it, to lock
the improvement in).
"""

from __future__ import annotations

from pathlib import Path

from tests.bot.parsing.understanding import CORPUS, PARTS, load, run, table


def _known_wrong() -> set[str]:
    text = (CORPUS / "known_wrong.txt").read_text(encoding="utf-8")
    return {line.strip() for line in text.splitlines()
            if line.strip() and not line.startswith("#")}


def test_the_corpus_is_labelled_as_the_scorer_reads_it() -> None:
    lines = [line for part in PARTS for line in load(part)]
    assert len(lines) >= 400
    assert len({line.id for line in lines}) == len(lines)
    assert {line.part for line in lines} == set(PARTS)


def test_no_line_acts_wrongly_beyond_the_known_ones_and_every_fix_is_recorded() -> None:
    verdicts = run([line for part in PARTS for line in load(part)])
    wrong = {v.line.id for v in verdicts if v.result == "wrong"}
    known = _known_wrong()
    new = sorted(f"{v.line.id}: {v.line.text!r} -> {'; '.join(v.did)}"
                 for v in verdicts if v.line.id in wrong - known)
    assert not new, "acted wrongly on:\n" + "\n".join(new) + "\n" + table(verdicts)
    fixed = sorted(known - wrong)
    assert not fixed, f"no longer wrong, delete from {Path('corpus/known_wrong.txt')}: {fixed}"
