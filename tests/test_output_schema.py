"""The JSON output document as a contract: its types, its published JSON Schema and docs/json.md agree.

* every regression document (tests/regression/golden) is valid for the types the document is built
  from (unknown fields are refused) and is rebuilt from them byte for byte;
* `benefitcalc schema --output` prints the schema checked in as docs/output.schema.json, and
  `benefitcalc schema` still prints the scenario's;
* docs/json.md names every field of the document, of a point and of a cliff or step up that the
  schema has, and no field the schema lacks.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from benefitcalc.cli import main
from benefitcalc.scenario import Scenario
from benefitcalc.views import Document, as_json, output_schema
from click.testing import CliRunner
from pydantic import TypeAdapter, ValidationError

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "regression" / "golden"
JSON_MD = ROOT / "docs" / "json.md"
DOCUMENTS = sorted(p.name for p in GOLDEN.glob("*.json"))


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_regression_document_is_valid_for_its_types(name: str) -> None:
    text = (GOLDEN / name).read_text(encoding="utf-8")
    data = json.loads(text)
    model = TypeAdapter(Document).validate_python(data)
    assert json.dumps(as_json(model), indent=1, ensure_ascii=False) + "\n" == text


def test_an_unknown_field_is_refused() -> None:
    data = json.loads((GOLDEN / "example_sam_week.json").read_text(encoding="utf-8"))
    data["points"][0]["not_a_field"] = 1.0
    with pytest.raises(ValidationError, match="not_a_field"):
        TypeAdapter(Document).validate_python(data)


def test_schema_output_prints_the_published_schema() -> None:
    result = CliRunner().invoke(main, ["schema", "--output"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == output_schema()
    published = json.loads((ROOT / "docs" / "output.schema.json").read_text(encoding="utf-8"))
    assert published == output_schema()


def test_schema_still_prints_the_scenario_schema_by_default() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == Scenario.model_json_schema()


# --- docs/json.md against the schema ------------------------------------------------------------


def _tables(markdown: str) -> dict[str, set[str]]:
    """The keys in the first column of each table, by the heading above it."""
    out: dict[str, set[str]] = {}
    heading = ""
    for line in markdown.splitlines():
        if line.startswith("#"):
            heading = line.lstrip("#").strip()
        elif line.startswith("| `"):
            first = line.split("|")[1]
            out.setdefault(heading, set()).update(re.findall(r"`([a-z_]+)`", first))
    return out


def _fields(schema: dict[str, Any], name: str) -> set[str]:
    return set(schema["$defs"][name]["properties"]) if name != "Document" else set(schema["properties"])


LEVELS = {
    # level: (the schema's models, the headings of json.md whose tables document them)
    "document": (("Document",), ("Fields of the document", "Added to the document")),
    "point": (("Point",), ("Fields of a point", "Added to each point")),
    "cliff or step up": (("Cliff", "Gain"), ("A cliff",)),
}


@pytest.mark.parametrize("level", LEVELS)
def test_json_md_documents_every_field_of_the_schema_and_no_other(level: str) -> None:
    schema = output_schema()
    models, headings = LEVELS[level]
    in_schema = set().union(*(_fields(schema, m) for m in models))
    tables = _tables(JSON_MD.read_text(encoding="utf-8"))
    assert all(h in tables for h in headings), f"docs/json.md has lost a table: {headings}"
    documented = set().union(*(tables[h] for h in headings))
    assert sorted(in_schema - documented) == [], f"fields of a {level} in the schema but not in docs/json.md"
    assert sorted(documented - in_schema) == [], f"fields of a {level} in docs/json.md but not in the schema"
