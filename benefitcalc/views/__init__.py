"""Views of results: the JSON document (the embedding contract, docs/json.md), a table and CSV.

One module per view: :mod:`~benefitcalc.views.models` (the document as types, and its JSON
Schema), :mod:`~benefitcalc.views.json_document` (the document built from an analysis),
:mod:`~benefitcalc.views.table` (the terminal table) and :mod:`~benefitcalc.views.csv_rows`.
The household money every view shows is :func:`benefitcalc.summary.summary`.
"""

from __future__ import annotations

from benefitcalc.summary import benefit_amounts, summary
from benefitcalc.views.csv_rows import CSV_FIELDS, render_csv
from benefitcalc.views.json_document import (
    cliff_model,
    document,
    document_model,
    gain_model,
    point_model,
    value_json,
)
from benefitcalc.views.models import Document, as_json, output_schema
from benefitcalc.views.table import TABLE_COLUMNS, paint, render_table, table_rows

__all__ = [
    "CSV_FIELDS",
    "TABLE_COLUMNS",
    "Document",
    "as_json",
    "benefit_amounts",
    "cliff_model",
    "document",
    "document_model",
    "gain_model",
    "output_schema",
    "paint",
    "point_model",
    "render_csv",
    "render_table",
    "summary",
    "table_rows",
    "value_json",
]
