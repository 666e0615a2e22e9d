"""A cache of parsed rules files.

Reading the YAML is most of what loading the rules costs (libyaml parses, but PyYAML builds the
objects in Python), and a cold start of the CLI pays it every time. So the parsed content of each
shipped rules file is kept in one JSON file in the user's cache directory, keyed by a hash of the
file's bytes (:func:`file_key`):

* it replaces the parse only: every check (:mod:`benefitcalc.loader.schema`, coverage) runs on every
  file read, so a file from the cache passes or fails exactly as its YAML does;
* a file whose bytes changed is parsed afresh; the whole cache is set aside when the loader's
  modules, PyYAML (its __init__.py, which holds its version), Python or the cache format changes (the
  fingerprint);
* an entry is written only for a file whose checks passed (the national files when the rules are
  loaded, a council's scheme file when it is first read: :mod:`benefitcalc.loader.parameters`),
  atomically (a temporary file renamed over the old one), with a check value of its JSON; an entry
  that cannot be read or does not match its check value is ignored; if a batch read from it fails a
  check, its files are parsed afresh and their entries rewritten;
* it is plain JSON: a header line, then one line per file (the key, the check value, a hash of the
  file's name, the JSON), so a run decodes only the files it reads; decimals and dates are tagged
  strings, never pickle or code;
* it holds the shipped rules only, one entry a file (a file's new entry replaces that of its earlier
  bytes); a --rules overlay is small and always parsed.

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
import zlib
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from benefitcalc.loader.strict_yaml import parse_yaml

CACHE_FORMAT = 3
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


def file_key(data: bytes) -> str:
    """A file's key in the cache: the BLAKE2b hash (32 bytes) of its bytes. A cryptographic hash, so
    different bytes never share an entry; BLAKE2b rather than SHA-256 because it costs half as much
    where SHA-256 has no help from the processor."""
    return hashlib.blake2b(data, digest_size=32).hexdigest()


def _check(body: bytes) -> str:
    """An entry's check value: the CRC-32 of its JSON, which catches a damaged or truncated entry at a
    tenth of a cryptographic hash's cost (the file is trusted as the user's home directory is: above)."""
    return f"{zlib.crc32(body):08x}"


class ParsedFilesCache:
    """The parse cache for one process: parsed files by the hash of their bytes (see above).

    The files are read in batches (the national files at load, then each council's scheme file when
    first used): :meth:`parse` gives each file's YAML, and after the batch's checks :meth:`checked`
    (they passed) or :meth:`failed` says what to do with the files parsed afresh; :meth:`save` writes
    those that passed.
    """

    def __init__(self, path: Path, fingerprint: str, entries: dict[str, tuple[str, str, bytes]]) -> None:
        self.path = path
        self.fingerprint = fingerprint
        # from the cache file, undecoded: key -> (the entry's check value, its file's name (hashed), the JSON)
        self._entries = entries
        self._fresh: dict[str, tuple[str, Any]] = {}  # parsed in the current batch, not yet checked: (name, YAML)
        self._passed: dict[str, tuple[str, Any]] = {}  # parsed, checked, not yet written
        self.hits = 0
        self.parsed = 0

    @classmethod
    def open(cls) -> ParsedFilesCache | None:
        """The cache as it is on disk (empty if absent or unreadable); ``None`` when there is no cache."""
        folder = cache_dir()
        if folder is None:
            return None
        try:
            fingerprint = file_key(
                f"{CACHE_FORMAT}\0{sys.version}\0".encode() + _loader_source() + b"\0" + _pyyaml_source()
            )
        except OSError:
            return None
        path = folder / CACHE_FILE
        return cls(path, fingerprint, _read_cache(path, fingerprint))

    def parse(self, data: bytes, where: str) -> Any:
        """The file's parsed YAML: from the cache if these exact bytes were parsed (and passed) before."""
        key = file_key(data)
        raw = self._cached(key)
        if raw is not _MISSING:
            self.hits += 1
            return raw
        return self._parse(key, data, where)

    def reparse(self, data: bytes, where: str) -> Any:
        """The file's YAML parsed afresh, whatever the cache holds; it replaces the cached entry if it passes."""
        return self._parse(file_key(data), data, where)

    def _parse(self, key: str, data: bytes, where: str) -> Any:
        # The shipped files only (overlays are never read through the cache): see parse_yaml's `scan`.
        raw = parse_yaml(data, where, scan=False)
        self.parsed += 1
        self._fresh[key] = (file_key(where.encode("utf-8"))[:16], raw)
        return raw

    def _cached(self, key: str) -> Any:
        """The cached parse of ``key``, decoded now (a run decodes only the files it reads), or _MISSING."""
        entry = self._entries.get(key)
        if entry is None:
            return _MISSING
        check, _, body = entry
        try:
            if _check(body) != check:
                raise ValueError("the entry does not match its check value")
            return json.loads(body, object_hook=_from_json)
        except Exception:  # noqa: BLE001 - a damaged entry is a cache miss, never an error
            del self._entries[key]
            return _MISSING

    def checked(self) -> None:
        """Every check passed on the batch just read: its fresh parses may be saved."""
        self._passed.update(self._fresh)
        self._fresh.clear()

    def failed(self) -> None:
        """A check failed on the batch just read: nothing parsed in it is saved."""
        self._fresh.clear()

    def save(self) -> None:
        """Write the parses that passed, with the entries already cached, one a file: a file's new entry
        replaces the entry of its earlier bytes. Nothing is written when none passed."""
        if not self._passed:
            return
        for key, (name, raw) in sorted(self._passed.items()):
            try:
                body = json.dumps(_to_json(raw), separators=(",", ":")).encode("utf-8")
            except _Uncacheable:
                continue
            for old in [old for old, entry in self._entries.items() if entry[1] == name]:
                del self._entries[old]
            self._entries[key] = (_check(body), name, body)
        self._passed.clear()
        lines = [f"{key} {check} {name} ".encode() + body for key, (check, name, body) in self._entries.items()]
        if not lines:
            return
        header = {"format": CACHE_FORMAT, "fingerprint": self.fingerprint}
        _write(self.path, json.dumps(header).encode("utf-8") + b"\n" + b"\n".join(lines) + b"\n")


_MISSING = object()


def _write(path: Path, content: bytes) -> None:
    """``content`` written to ``path`` atomically (a temporary file renamed over it); an error is ignored."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # here: only a run that writes the cache needs it (~3 ms to import)

        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=".rules-", suffix=".tmp", delete=False) as out:
            temporary = Path(out.name)
            out.write(content)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def _read_cache(path: Path, fingerprint: str) -> dict[str, tuple[str, str, bytes]]:
    """The entries in ``path`` (undecoded) if it is a cache of this fingerprint; otherwise nothing."""
    try:
        head, _, body = path.read_bytes().partition(b"\n")
        if json.loads(head) != {"format": CACHE_FORMAT, "fingerprint": fingerprint}:
            return {}
        entries = {}
        for line in body.splitlines():
            key, check, name, entry = line.split(b" ", 3)
            entries[key.decode("ascii")] = (check.decode("ascii"), name.decode("ascii"), entry)
    except Exception:  # noqa: BLE001 - missing, unreadable, not this shape: a cache miss, never an error
        return {}
    return entries
