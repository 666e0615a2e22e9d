"""Every parameter of the rules, with each council's scheme read and checked when first used.

The rules hold some eighty councils' council tax reduction schemes (one file each under
rules/local_authority/council_tax_reduction/), and a household uses at most one. So a load reads and
checks the national files only; a scheme's files (the shipped one and an overlay's, and likewise the
base designs under designs/) are parsed, checked with every check a national file gets, and laid over
one another the first time anything asks for that scheme's parameters. A scheme that fails a check is
then refused with the usual message, and every time it is asked for again; the other schemes and the
national rules are not affected. Anything that needs every parameter (iterating this mapping, its
length, :meth:`Parameters.load_all`) reads every scheme first, in the rules' order.

Reading is under one lock per rule set: the web service shares a rule set across threads.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Iterator, Mapping, Sequence
from datetime import date

from benefitcalc.loader.files import FileReader, RulesFile
from benefitcalc.loader.tree import LATE_START_PREFIXES, ParameterSpec

GROUP = LATE_START_PREFIXES[0].rstrip(".")  # local_authority.council_tax_reduction: one scheme (or designs/) a file
_PREFIX = GROUP + "."


def _scheme_of(file: RulesFile) -> str | None:
    """The scheme a file under the schemes' folder belongs to (its name, or its folder's: ``designs``)."""
    if not file.dotted.startswith(_PREFIX):
        return None
    return file.dotted[len(_PREFIX) :].split(".", 1)[0]


def _may_defer(files: Sequence[RulesFile]) -> bool:
    """Whether the schemes' files may be read on first use: only when no other file could hold one of
    their parameters (a file local_authority.yaml or local_authority/council_tax_reduction.yaml)."""
    return not any(GROUP == file.dotted or GROUP.startswith(file.dotted + ".") for file in files)


class Parameters(Mapping[str, ParameterSpec]):
    """The parameters by dotted path, in the order the files list them (docs/rules.md). Reading one by
    its path reads only the scheme it belongs to; iterating reads every scheme (see above)."""

    def __init__(self, files: Sequence[RulesFile], reader: FileReader, covers_from: date) -> None:
        self.lock = threading.RLock()
        self._files = tuple(files)
        self._reader = reader
        self._covers_from = covers_from
        self._scheme_at: dict[int, str] = {}  # a file's index -> its scheme, for the files read on first use
        self._schemes: dict[str, list[int]] = {}  # a scheme -> the indices of its files (shipped, then overlay)
        if _may_defer(files):
            for index, file in enumerate(files):
                scheme = _scheme_of(file)
                if scheme is not None:
                    self._scheme_at[index] = scheme
                    self._schemes.setdefault(scheme, []).append(index)
        national = [index for index in range(len(files)) if index not in self._scheme_at]
        specs, names = reader.read([files[index] for index in national], covers_from)
        reader.save()
        self._specs = specs  # the national parameters, then each scheme's once read
        self._names: dict[int, tuple[str, ...]] = dict(zip(national, names))  # a file's index -> names it holds
        self._read: set[str] = set()  # the schemes read
        self._everything: dict[str, ParameterSpec] | None = None if self._schemes else specs

    # --- reading a scheme --------------------------------------------------------------------------

    @property
    def schemes(self) -> tuple[str, ...]:
        """The schemes read on first use, in file order (none when every file is read at load)."""
        return tuple(self._schemes)

    def scheme_of(self, path: str) -> str | None:
        """The scheme whose files hold ``path`` (a parameter or group), if it is one read on first use."""
        if not path.startswith(_PREFIX):
            return None
        scheme = path[len(_PREFIX) :].split(".", 1)[0]
        return scheme if scheme in self._schemes else None

    def read(self, scheme: str) -> None:
        """Read and check the files of ``scheme`` (a :attr:`schemes` name) if not yet read."""
        if scheme in self._read:
            return
        with self.lock:
            if scheme not in self._read:
                self._read_scheme(scheme)
                self._reader.save()

    def load_all(self) -> None:
        """Read and check every scheme not yet read (`benefitcalc rules validate`, anything listing them all)."""
        with self.lock:
            try:
                for scheme in self._schemes:
                    if scheme not in self._read:
                        self._read_scheme(scheme)
            finally:
                self._reader.save()  # one write for all the schemes that passed

    def _read_scheme(self, scheme: str) -> None:
        indices = self._schemes[scheme]
        specs, names = self._reader.read([self._files[index] for index in indices], self._covers_from)
        self._names.update(zip(indices, names))
        self._specs.update(specs)
        self._read.add(scheme)  # last: a reader that sees the scheme read finds its parameters

    # --- the parameters in order -------------------------------------------------------------------

    def ordered(self, schemes: Collection[str] | None = None) -> dict[str, ParameterSpec]:
        """The national parameters and those of ``schemes`` (default: every scheme), in the rules' order:
        the shipped files' in file order, then those an overlay adds, as if every file were read at load."""
        if schemes is None:
            if self._everything is None:
                self.load_all()
                self._everything = self._in_order(None)
            return self._everything
        wanted = [scheme for scheme in schemes if scheme in self._schemes]
        for scheme in wanted:
            self.read(scheme)
        return self._in_order(set(wanted))

    def _in_order(self, schemes: set[str] | None) -> dict[str, ParameterSpec]:
        order: dict[str, None] = {}
        for index in range(len(self._files)):
            scheme = self._scheme_at.get(index)
            if scheme is None or schemes is None or scheme in schemes:
                order.update(dict.fromkeys(self._names[index]))
        return {path: self._specs[path] for path in order}

    def under(self, group: str) -> dict[str, ParameterSpec]:
        """The parameters in ``group`` (a dotted path), in order; reads only the scheme that holds it."""
        prefix = group + "."
        if _PREFIX.startswith(prefix) or group == GROUP:
            chosen = self.ordered()
        else:
            scheme = self.scheme_of(prefix)
            chosen = self.ordered(() if scheme is None else (scheme,))
        return {path: spec for path, spec in chosen.items() if path.startswith(prefix)}

    def national_and_group(self) -> list[tuple[str, ParameterSpec | None]]:
        """For resolving a day's tree: the national parameters in order, with ``(GROUP, None)`` where the
        first scheme read on first use stands (its parameters are resolved when first read)."""
        out: list[tuple[str, ParameterSpec | None]] = []
        seen: set[str] = set()
        group = False
        for index in range(len(self._files)):
            if index in self._scheme_at:
                if not group:
                    out.append((GROUP, None))
                    group = True
                continue
            for path in self._names[index]:
                if path not in seen:
                    seen.add(path)
                    out.append((path, self._specs[path]))
        return out

    def schemes_in_order(self) -> list[str]:
        """Every scheme read on first use, by where its first parameter stands in the rules (reads them all)."""
        prefix = len(_PREFIX)
        found = (path[prefix:].split(".", 1)[0] for path in self.ordered() if path.startswith(_PREFIX))
        return [scheme for scheme in dict.fromkeys(found) if scheme in self._schemes]

    # --- Mapping -----------------------------------------------------------------------------------

    def __getitem__(self, path: str) -> ParameterSpec:
        spec = self._specs.get(path)  # a national parameter or one of a scheme read: the engine's every point
        if spec is not None:
            return spec
        scheme = self.scheme_of(path)
        if scheme is not None:
            self.read(scheme)
        return self._specs[path]

    def get(self, path: str, default: ParameterSpec | None = None) -> ParameterSpec | None:  # type: ignore[override]
        # (the ignore: Mapping.get is overloaded on the default's type; this one takes a spec or None.)
        # Mapping.get would go through __getitem__ and a KeyError for every miss; this is the fast path
        # for the parameters already read, as the engine asks for a scheme's values at every point.
        spec = self._specs.get(path)
        if spec is not None:
            return spec
        try:
            return self[path]
        except KeyError:
            return default

    def __contains__(self, path: object) -> bool:
        if not isinstance(path, str):
            return False
        try:
            self[path]
        except KeyError:
            return False
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(self.ordered())

    def __len__(self) -> int:
        return len(self.ordered())
