"""The package is layered, with no import cycles, and every module imports on its own.

Arrows point down (docs: /STYLE.md "Arrows point down"): a module may import its own layer or a
lower one, never a higher one, and counting imports inside functions too. Imports under
``if TYPE_CHECKING:`` are not counted: they never run. Every module is in exactly one layer below;
a new module must be placed in one (this test says which is missing).
"""

from __future__ import annotations

import ast
import fnmatch
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "benefitcalc"

# Lowest first. Patterns are module names (fnmatch): "benefitcalc.loader.*" takes a package's modules.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # Plain data and helpers that import nothing above them. The package's __init__ defines the
    # version and names its public functions lazily (importlib, not an import statement).
    (
        "base",
        (
            "benefitcalc",
            "benefitcalc.errors",
            "benefitcalc.periods",
            "benefitcalc.registry",
            "benefitcalc.hours",
            "benefitcalc.inputs",
        ),
    ),
    # The rules. breakdown sits here: each of its lines names the loader's parameters it used.
    # ruleview: the typed, checked views of the rules that each programme reads.
    ("rules", ("benefitcalc.loader", "benefitcalc.loader.*", "benefitcalc.breakdown", "benefitcalc.ruleview")),
    ("scenario", ("benefitcalc.scenario", "benefitcalc.scenario.*", "benefitcalc.examples")),
    ("programmes", ("benefitcalc.programmes", "benefitcalc.programmes.*")),
    # The engine, and the money of one of its points that every view and the analysis share.
    ("engine", ("benefitcalc.engine", "benefitcalc.engine.*", "benefitcalc.summary")),
    # The better-off analysis, and the cash-flow timeline of the first months in work.
    ("analysis", ("benefitcalc.analysis", "benefitcalc.analysis.*", "benefitcalc.cashflow", "benefitcalc.cashflow.*")),
    # Views of results, and the library's front door (api) that builds the document.
    (
        "views",
        (
            "benefitcalc.views",
            "benefitcalc.views.*",
            "benefitcalc.explain",
            "benefitcalc.report",
            "benefitcalc.report.*",
            "benefitcalc.api",
        ),
    ),
    # The HTTP service: the library behind a socket (it never imports the command line); and
    # caseload batches, which the API's /v1/batch answers with.
    (
        "service",
        ("benefitcalc.service", "benefitcalc.batch", "benefitcalc.batch.*", "benefitcalc.web", "benefitcalc.web.*"),
    ),
    # The command line, and the tools that write the docs and the sample reports.
    (
        "cli",
        (
            "benefitcalc.cli",
            "benefitcalc.cli_*",
            "benefitcalc.__main__",
            "benefitcalc.docgen",
            "benefitcalc.report.samples",
        ),
    ),
)


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def layer_of(module: str) -> int:
    """The index of the module's layer; the most specific pattern wins (report.samples over report.*)."""
    matches = [
        (len(pattern), index)
        for index, (_, patterns) in enumerate(LAYERS)
        for pattern in patterns
        if fnmatch.fnmatchcase(module, pattern)
    ]
    if not matches:
        raise LookupError(f"{module} is in no layer: add it to LAYERS in {Path(__file__).name}")
    return max(matches)[1]


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _walk(node: ast.AST) -> Iterator[ast.AST]:
    """Every node, skipping the bodies of ``if TYPE_CHECKING:`` (never run)."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _type_checking_only(child):
            for other in child.orelse:
                yield other
                yield from _walk(other)
            continue
        yield child
        yield from _walk(child)


def imports(module: str) -> set[str]:
    """The benefitcalc modules ``module`` imports anywhere in its code (functions included)."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in _walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else [])
                )
            # "from benefitcalc.x import y": y may be a module of the package x, or a name in x
            names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
        found.update(name for name in names if name.split(".")[0] == "benefitcalc" and name != module)
    return {name if name in MODULES else name.rsplit(".", 1)[0] for name in found}


def test_every_module_is_in_a_layer() -> None:
    missing = []
    for module in MODULES:
        try:
            layer_of(module)
        except LookupError as exc:
            missing.append(str(exc))
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down(module: str) -> None:
    mine = layer_of(module)
    upward = sorted(
        f"{module} ({LAYERS[mine][0]}) imports {other} ({LAYERS[layer_of(other)][0]})"
        for other in imports(module)
        if layer_of(other) > mine
    )
    assert not upward, "a lower layer imports a higher one:\n" + "\n".join(upward)


def test_no_import_cycles() -> None:
    """Within a layer too: modules import one another in one direction only."""
    graph = {module: imports(module) for module in MODULES}
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    cycles: list[str] = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for other in sorted(graph.get(module, ())):
            if state.get(other) == 1:
                cycles.append(" -> ".join([*path[path.index(other) :], other]))
            elif other not in state:
                visit(other, [*path, other])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_the_parser_sees_imports_in_functions_and_skips_type_checking() -> None:
    assert "benefitcalc.loader" in imports("benefitcalc.cli_common")  # inside _rules()
    assert "benefitcalc.api" not in imports("benefitcalc")  # only under `if TYPE_CHECKING:`
    assert layer_of("benefitcalc.report.samples") > layer_of("benefitcalc.report.model")


def _command(module: str) -> list[str]:
    if module == "benefitcalc.__main__":  # importing it runs the CLI: run it, harmlessly
        return [sys.executable, "-m", "benefitcalc", "--version"]
    return [sys.executable, "-c", f"import {module}"]


def test_every_module_imports_in_a_fresh_interpreter() -> None:
    """``python -c "import benefitcalc.X"`` for every module, a few at a time."""
    failures = []
    names = sorted(MODULES)
    for start in range(0, len(names), 8):
        batch = names[start : start + 8]
        running = [
            (name, subprocess.Popen(_command(name), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True))
            for name in batch
        ]
        for name, process in running:
            _, err = process.communicate(timeout=120)
            if process.returncode != 0:
                failures.append(f"import {name} failed:\n{err[-1500:]}")
    assert not failures, "\n".join(failures)
