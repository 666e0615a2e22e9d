"""A cache of parsed rules files.

Reading the YAML is most of what loading the rules costs (libyaml parses, but PyYAML builds the
objects in Python), and a cold start of the CLI pays it every time. So the parsed content of each
shipped rules file is kept in one JSON file in the user's cache directory, keyed by the SHA-256
of the file's bytes:

* it replaces the parse only: every check (:mod:`benefitcalc.loader.schema`, coverage) runs on every
  load, so a file from the cache passes or fails exactly as its YAML does;
* a file whose bytes changed is parsed afresh; the whole cache is set aside when the loader's
  modules, PyYAML (its __init__.py, which holds its version), Python or the cache format changes (the
  fingerprint);
* it is written only after a load in which every check passed, atomically (a temporary file
  renamed over the old one), with the SHA-256 of its content, and ignored when it cannot be read,
  has the wrong shape or does not match that hash; if a load from it fails, the files are parsed
  afresh and the cache rewritten;
* it is plain JSON (a header line, then the parsed files): decimals and dates as tagged strings,
  never pickle or code;
* it holds the shipped rules only; a --rules overlay is small and always parsed.

Where: $BENEFITCALC_CACHE_DIR; else the user cache directory (~/.cache/benefitcalc, or
$XDG_CACHE_HOME, ~/Library/Caches or %LOCALAPPDATA% as the platform has it). Set
BENEFITCALC_CACHE_DIR to an empty string for no cache. The file is trusted as the rest of the
user's home directory is (as Python trusts its own __pycache__).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
import tempfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from benefitcalc.loader.strict_yaml import parse_yaml

CACHE_FORMAT = 1
CACHE_FILE = "rules-parsed.json"
_TAGS = ("$decimal", "$date", "$datetime", "$map")


def cache_dir() -> Path | None:
    """The directory for benefitcalc's cache, or ``None`` when there is none (see above)."""
    configured = os.environ.get("BENEFITCALC_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    try:
        if sys.platform == "win32":
            local = os.environ.get("LOCALAPPDATA")
            return Path(local) / "benefitcalc" / "Cache" if local else None
        if sys.platform == "darwin":
            return Path.home() / "Library" / "Caches" / "benefitcalc"
        xdg = os.environ.get("XDG_CACHE_HOME")
        return (Path(xdg) if xdg else Path.home() / ".cache") / "benefitcalc"
    except RuntimeError:  # no home directory
        return None


def _loader_source() -> bytes:
    """The loader's own source (every module of this package), for the fingerprint."""
    return b"\0".join(path.read_bytes() for path in sorted(Path(__file__).resolve().parent.glob("*.py")))


def _pyyaml_source() -> bytes:
    """PyYAML's ``__init__.py`` (which holds its version), read without importing PyYAML."""
    spec = importlib.util.find_spec("yaml")
    if spec is None or spec.origin is None:
        raise OSError("PyYAML not found")
    return Path(spec.origin).read_bytes()


class _Uncacheable(Exception):
    """A parsed value the cache format does not hold exactly (e.g. !!binary): nothing is cached."""


def _to_json(value: Any) -> Any:
    """Parsed YAML as plain JSON; decimals, dates and mappings with other than text keys are tagged."""
    if isinstance(value, dict):
        if all(type(key) is str for key in value) and not (len(value) == 1 and next(iter(value)) in _TAGS):
            return {key: _to_json(item) for key, item in value.items()}
        return {"$map": [[_to_json(key), _to_json(item)] for key, item in value.items()]}
    if isinstance(value, list):
        return [_to_json(item) for item in value]
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}  # exact: Decimal(str(d)) has d's digits and exponent
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if value is None or type(value) in (str, int, bool):
        return value
    raise _Uncacheable(type(value).__name__)


def _from_json(obj: dict[str, Any]) -> Any:
    """json.loads object hook: the inverse of :func:`_to_json`."""
    if len(obj) == 1:
        ((tag, value),) = obj.items()
        if tag == "$decimal":
            return Decimal(value)
        if tag == "$date":
            return date.fromisoformat(value)
        if tag == "$datetime":
            return datetime.fromisoformat(value)
        if tag == "$map":
            return {key: item for key, item in value}
    return obj


class ParsedFilesCache:
    """The parse cache for one load: parsed files by the SHA-256 of their bytes (see above)."""

    def __init__(self, path: Path, fingerprint: str, entries: dict[str, Any]) -> None:
        self.path = path
        self.fingerprint = fingerprint
        self._entries = entries  # from the cache file
        self._used: dict[str, Any] = {}  # every file parsed in this load
        self.hits = 0
        self.parsed = 0

    @classmethod
    def open(cls) -> ParsedFilesCache | None:
        """The cache as it is on disk (empty if absent or unreadable); ``None`` when there is no cache."""
        folder = cache_dir()
        if folder is None:
            return None
        try:
            fingerprint = hashlib.sha256(
                f"{CACHE_FORMAT}\0{sys.version}\0".encode() + _loader_source() + b"\0" + _pyyaml_source()
            ).hexdigest()
        except OSError:
            return None
        path = folder / CACHE_FILE
        return cls(path, fingerprint, _read_cache(path, fingerprint))

    def without_entries(self) -> ParsedFilesCache:
        """The same cache emptied: every file is parsed again, and the file rewritten after."""
        return ParsedFilesCache(self.path, self.fingerprint, {})

    def parse(self, data: bytes, where: str) -> Any:
        """The file's parsed YAML: from the cache if these exact bytes were parsed before."""
        key = hashlib.sha256(data).hexdigest()
        if key in self._entries:
            raw = self._entries[key]
            self.hits += 1
        else:
            raw = parse_yaml(data, where)
            self.parsed += 1
        self._used[key] = raw
        return raw

    def save(self) -> None:
        """Write the files parsed in this load, if anything changed; call only after every check passed."""
        if not self.parsed and self._used.keys() == self._entries.keys():
            return
        try:
            files = {key: _to_json(raw) for key, raw in self._used.items()}
        except _Uncacheable:
            return
        body = json.dumps(files, separators=(",", ":")).encode("utf-8")
        header = {"format": CACHE_FORMAT, "fingerprint": self.fingerprint, "sha256": hashlib.sha256(body).hexdigest()}
        temporary = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                "wb", dir=self.path.parent, prefix=".rules-", suffix=".tmp", delete=False
            ) as out:
                temporary = Path(out.name)
                out.write(json.dumps(header).encode("utf-8") + b"\n" + body)
            os.replace(temporary, self.path)
        except OSError:
            if temporary is not None:
                temporary.unlink(missing_ok=True)


def _read_cache(path: Path, fingerprint: str) -> dict[str, Any]:
    """The cached parses in ``path`` if it is an intact cache of this fingerprint; otherwise nothing."""
    try:
        head, _, body = path.read_bytes().partition(b"\n")
        header = json.loads(head)
        if header != {"format": CACHE_FORMAT, "fingerprint": fingerprint, "sha256": hashlib.sha256(body).hexdigest()}:
            return {}
        files = json.loads(body, object_hook=_from_json)
    except Exception:  # noqa: BLE001 - missing, unreadable, not JSON, a bad tag: a cache miss, never an error
        return {}
    return files if isinstance(files, dict) else {}
