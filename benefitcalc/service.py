"""Embedding: batch calculation, a thin view of :func:`benefitcalc.api.to_json`.

In a batch every input item gets exactly one output item: a result or an error in the documented
shape (``{"kind", "where", "message"}``). Batch lives in :mod:`benefitcalc.batch`; ``batch``,
``batch_lines`` and ``calculate_item`` are re-exported here for embedders. The HTTP service is
:mod:`benefitcalc.web`.
"""

from __future__ import annotations

from benefitcalc.batch import DEFAULT_HOURS, batch, batch_lines, calculate_item

MAX_BATCH = 1000  # items in one /v1/batch request (a caseload file goes through `benefitcalc batch`)

__all__ = ["DEFAULT_HOURS", "MAX_BATCH", "batch", "batch_lines", "calculate_item"]
