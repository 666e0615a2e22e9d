"""Reading a batch: JSON Lines, one household a line, as :class:`Row` values (streamed, never all in memory).

A row is numbered by its line in the file (blank lines are skipped and answer nothing). A line
that cannot be read (not UTF-8, not JSON, beyond a limit of :mod:`benefitcalc.inputs`, not an
object) becomes a row with its error, so every non-blank line is answered exactly once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO, Any, Literal

from msgspec import Struct

from benefitcalc.errors import BenefitcalcError, ScenarioError
from benefitcalc.inputs import MAX_BYTES, decode_text, parse_json

Source = Literal["jsonl", "csv"]


class Row(Struct, frozen=True):
    """One household of a batch: where it is in the input, and its item or the error met reading it.

    ``number`` is the line (JSON Lines) or the spreadsheet row (CSV: the header is row 1);
    ``ident`` is the item's ``id`` (by default ``line N`` or ``row N``); ``source`` says which
    reader made it (a CSV row's errors are told in its column names).
    """

    number: int
    ident: Any
    item: dict[str, Any] | None = None
    error: dict[str, str | None] | None = None
    source: Source = "jsonl"


def physical_lines(stream: IO[bytes]) -> Iterator[bytes]:
    """The lines of a binary stream, none longer than MAX_BYTES in memory: a longer line is yielded
    as its first MAX_BYTES + 1 bytes (and refused by :func:`~benefitcalc.inputs.decode_text`), the
    rest skipped."""
    while True:
        line = stream.readline(MAX_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_BYTES and not line.endswith(b"\n"):
            while True:  # skip to the end of the over-long line
                rest = stream.readline(MAX_BYTES)
                if not rest or rest.endswith(b"\n"):
                    break
        yield line


def item_row(number: int, data: Any, ident: str) -> Row:
    """A parsed line as a row: ``{id, scenario, hours, period}``, or a bare scenario."""
    if not isinstance(data, dict):
        error = ScenarioError(
            "each line must be a JSON object: a scenario, or {id, scenario, hours, period}", ident
        ).to_dict()
        return Row(number, ident, error=error)
    if "scenario" not in data:
        return Row(number, ident, {"id": ident, "scenario": data})  # a bare scenario
    if "id" not in data:
        return Row(number, ident, {**data, "id": ident})
    return Row(number, data["id"], data)


def line_row(number: int, line: bytes | str) -> Row:
    """One non-blank line as a row (its error, if it cannot be read)."""
    ident = f"line {number}"
    try:
        text = decode_text(line, ident, what="line") if isinstance(line, bytes) else line
        data = parse_json(text, ident, what="line")
    except BenefitcalcError as exc:
        return Row(number, ident, error=exc.to_dict())
    return item_row(number, data, ident)


def jsonl_rows(lines: Iterable[bytes | str], skip: int = 0) -> Iterator[Row]:
    """Every non-blank line as a row, after the first ``skip`` of them (already answered: ``--resume``)."""
    seen = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        seen += 1
        if seen > skip:
            yield line_row(number, line)
