"""Read, validate and resolve the YAML rules under ``rules/`` (format: docs/rules.md).

The loader reads the files once, checks them strictly (duplicate or unknown keys, units, dates,
references, coverage) and builds a :class:`RuleSet`: the national files when the rules are loaded, each
council's council tax reduction scheme file when first used. ``RuleSet.at(day)`` resolves the rules in
force on that day into an immutable tree of :class:`Param` values, cached on the rule set.

One module per job:

- :mod:`~benefitcalc.loader.strict_yaml`: safe, strict YAML (duplicate keys refused, exact numbers), and the
  line of each key for messages (:func:`key_lines`, read on demand through :meth:`RuleSet.key_lines`);
- :mod:`~benefitcalc.loader.schema`: every check on a rules file and on rules.yaml;
- :mod:`~benefitcalc.loader.tree`: the typed values and the resolved tree;
- :mod:`~benefitcalc.loader.files`: reading and checking a batch of files (through the parse cache);
- :mod:`~benefitcalc.loader.parameters`: every parameter, each council's scheme read on first use;
- :mod:`~benefitcalc.loader.ruleset`: :class:`RuleSet`, and the tree for a day;
- :mod:`~benefitcalc.loader.overlay`: a ``--rules DIR`` laid over the shipped rules;
- :mod:`~benefitcalc.loader.cache`: the parse cache of the shipped files;
- :mod:`~benefitcalc.loader.load`: :func:`load_rules`, which puts them together;
- :mod:`~benefitcalc.loader.review`: the warnings for values not yet checked for a day;
- :mod:`~benefitcalc.loader.new_year`: the overlay that carries values into a new tax year.
"""

from __future__ import annotations

from benefitcalc.loader.cache import CACHE_FILE, CACHE_FORMAT, ParsedFilesCache, _from_json, _to_json, cache_dir
from benefitcalc.loader.load import META_FILE, _load_rules, load_rules, shipped_rules_dir
from benefitcalc.loader.parameters import Parameters
from benefitcalc.loader.ruleset import RuleSet
from benefitcalc.loader.schema import ALLOWED_HOSTS, NAME, PERIODS, TYPES, UNITS, UPRATING
from benefitcalc.loader.strict_yaml import Parse, key_lines, read_yaml
from benefitcalc.loader.tree import (
    LATE_START_PREFIXES,
    Bracket,
    CarriedForward,
    DatedValue,
    Param,
    ParameterNode,
    ParameterSpec,
    Provisional,
    Reference,
)

__all__ = [
    "ALLOWED_HOSTS",
    "CACHE_FILE",
    "CACHE_FORMAT",
    "LATE_START_PREFIXES",
    "META_FILE",
    "NAME",
    "PERIODS",
    "TYPES",
    "UNITS",
    "UPRATING",
    "Bracket",
    "CarriedForward",
    "DatedValue",
    "Param",
    "ParameterNode",
    "ParameterSpec",
    "Parameters",
    "Parse",
    "ParsedFilesCache",
    "Provisional",
    "Reference",
    "RuleSet",
    "_from_json",
    "_load_rules",
    "_to_json",
    "cache_dir",
    "key_lines",
    "load_rules",
    "read_yaml",
    "shipped_rules_dir",
]
