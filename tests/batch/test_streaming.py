"""Streaming: the rows go from reader to workers to writer without piling up, so memory stays flat.

The rows here are lines the reader cannot use (cheap to answer), so tens of thousands go through
the whole pipeline (reader, worker processes, writer) in seconds; what is measured is what the
pipeline holds, not the calculation. Not a timed test: benchmarks/batch.py measures throughput.
"""

from __future__ import annotations

import io
import tracemalloc
from collections.abc import Iterator

import pytest
from benefitcalc.batch.reader import jsonl_rows
from benefitcalc.batch.workers import Settings, answers
from benefitcalc.batch.writers import JsonlWriter

# Held all at once, 20,000 of these answers (each a small object and a JSON line of about 200
# characters) take about 12 MB (measured with tracemalloc); a streaming pipeline holds a few chunks.
PEAK_LIMIT = 2 * 1024 * 1024


def many_small_lines(count: int) -> Iterator[bytes]:
    for n in range(count):
        yield b'{"id": %d, "scenario": {"adults": []}}' % n if n % 2 else b"[%d]" % n


class _Counter(io.StringIO):
    """A sink that counts lines and keeps nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.lines = 0

    def write(self, text: str) -> int:
        self.lines += text.count("\n")
        return len(text)


@pytest.mark.parametrize(("jobs", "count"), [(1, 20_000), (2, 10_000)])
def test_memory_stays_flat_however_many_rows(ruleset: object, jobs: int, count: int) -> None:
    for _ in answers(jsonl_rows(many_small_lines(10)), Settings(), 1, ruleset):  # type: ignore[arg-type]
        pass  # modules imported on first use are not what is measured
    sink = _Counter()
    writer = JsonlWriter(sink)
    tracemalloc.start()
    try:
        for answer in answers(jsonl_rows(many_small_lines(count)), Settings(), jobs, ruleset):  # type: ignore[arg-type]
            writer.write(answer)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert sink.lines == count  # every row answered once
    assert peak < PEAK_LIMIT, f"peak {peak:,} bytes for {count:,} rows"
