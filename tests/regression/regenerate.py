"""Regenerate the regression files in tests/regression/golden/ from the current code.

    python tests/regression/regenerate.py           # rewrite every file, list the ones that changed
    python tests/regression/regenerate.py --check   # change nothing; exit 1 if any file differs

Run it only after a change that is MEANT to change the output (a bug fix, new rules, a new field in
the document), and only once you have checked the new figures against the law by other means: the
files pin the engine's own output, so regenerating them proves nothing about correctness. Review the
diff (`git diff tests/regression/golden`) and say in the commit message why the output changed.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from test_golden import GOLDEN, cases


def main(argv: list[str]) -> int:
    check = "--check" in argv
    GOLDEN.mkdir(exist_ok=True)
    changed = []
    for name, make in cases().items():
        path = GOLDEN / name
        text = make()
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            changed.append(name)
            if not check:
                path.write_text(text, encoding="utf-8")
    stale = sorted(p.name for p in GOLDEN.iterdir() if p.name not in cases())
    for name in changed:
        print(("differs: " if check else "rewritten: ") + name)
    for name in stale:
        print(f"not a case any more (delete it): {name}")
    if not changed and not stale:
        print("all regression files match the current output")
    return 1 if (check and (changed or stale)) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
