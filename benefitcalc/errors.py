"""One exception hierarchy, turned into a plain message and exit code 2 at the CLI edge."""

from __future__ import annotations


class BenefitcalcError(Exception):
    """Base of every error benefitcalc raises on purpose.

    ``where`` names the file, field or parameter; ``message`` says what was wrong and what to do.
    """

    kind = "error"

    def __init__(self, message: str, where: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message

    def to_dict(self) -> dict[str, str | None]:
        return {"kind": self.kind, "where": self.where, "message": self.message}


class RulesError(BenefitcalcError):
    """A rules file is malformed: the message names the file, the key and the problem."""

    kind = "rules"


class CoverageError(BenefitcalcError):
    """A date the rules do not answer for."""

    kind = "coverage"


class ScenarioError(BenefitcalcError):
    """The scenario (household) given by the user is not valid."""

    kind = "scenario"
