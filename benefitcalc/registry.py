"""The programme registry: every programme benefitcalc knows, declared once.

Everything that loops over programmes (the engine's passes, the JSON's ``benefits``, ``explain``,
the better-off analysis's causes, the printed report's names and chart) reads :data:`PROGRAMMES`;
there is no second hand-kept list. The registry is plain data and imports nothing from the
programmes, so every layer above it (programmes included) may read it.

Adding a programme is its module under ``benefitcalc/programmes/``, one entry here, its YAML under
``rules/`` and its tests: see CONTRIBUTING.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal

from msgspec import Struct

Kind = Literal["benefit", "in_kind", "childcare_support"]
Stage = Literal["per_adult", "household", "after_universal_credit", "housing", "council_tax", "analysis"]

# The engine's stages in the order it works them (benefitcalc.engine.calculate_point).
STAGES: tuple[Stage, ...] = ("per_adult", "household", "after_universal_credit", "housing", "council_tax", "analysis")


class Cause(Struct, frozen=True):
    """What the analysis says when this programme leads a cliff edge.

    ``code`` is the JSON ``cause`` (stable: documented in docs/json.md); ``adviser`` is the
    adviser's label (the rule, plainly named); ``client`` is what the printed report says at such
    an edge where money falls, and ``client_on_gain`` where the household gains across it (the
    same words if not given). ``client=None``: the report uses the analysis's own summary.
    ``warning``: the programme warns with this code at every point past the edge, so a report of
    points alone can still place it between two numbers of hours. ``mark_gain``: a step up with
    this cause is marked on the report's chart too (something stops or the cap lifts, but other
    money more than makes up for it).
    """

    code: str
    adviser: str
    client: str | None
    client_on_gain: str | None = None
    warning: bool = False
    mark_gain: bool = False


# The household facts a limit can depend on (benefitcalc.report.assumptions.limit_applies answers each).
Condition = Literal[
    "always",
    "self_employed",
    "private_rent",
    "esa_work_related_activity_group",
    "under_18",
    "scotland",
    "supported_or_temporary_accommodation",
]


class Limit(Struct, frozen=True):
    """Something a programme does not model: the adviser's words, the client's words (None: the
    adviser's page only) and when it touches a case (``when``: a named household fact)."""

    adviser: str
    client: str | None = None
    when: Condition = "always"


class ProgrammeSpec(Struct, frozen=True):
    """One programme: who pays it, how it is counted and how it is named.

    - ``key``: the name in the rules tree, the breakdown and the JSON.
    - ``title``: the plain-English name an adviser reads; ``client_name``: the shorter name the
      client's report uses.
    - ``period``: the period its amounts are worked in (the law's: UC by the month, the
      legacy-style benefits by the week).
    - ``kind``: a cash ``benefit``; help ``in_kind`` (passported: valued only on request); or
      ``childcare_support`` (Tax-Free Childcare: a top-up of childcare payments).
    - ``stage``: where the engine works it out (:data:`STAGES` in order). ``per_adult``: from
      each adult's pay alone; ``household``: Child Benefit and UC; ``after_universal_credit``:
      reads the UC award; ``housing``: Housing Benefit, which reads pay, benefits and UC;
      ``council_tax``: council tax reduction, last, reading the same; ``analysis``: worked out by
      the better-off analysis on top of a point.
    - ``covers``: what the help covers, said after the title where a sentence has room.
    - ``taxable``: income tax is due on it (ITEPA 2003 Part 10).
    - ``counted_as_income_by``: the programmes that count it as income (UC reg 66/73, HB, CTR).
    - ``in_benefit_cap``: a welfare benefit under UC Regs 2013 reg 79(4); ``exempts_benefit_cap``:
      being paid it exempts the household from the cap (reg 83(1)(b): the carer benefits).
    - ``stops_with_universal_credit``: passported by UC, so it ends where UC does.
    - ``chart``: its own series in the report's chart (the main benefits) or folded into "other".
    - ``cause``: what a cliff edge it leads is called, or None where the analysis names it
      from the figures alone; ``gain_cause``: what a step up it leads is called (``cause`` if
      None); ``other_causes``: causes the analysis tells apart from the figures (UC ending, the
      benefit cap).
    - ``limits``: what is not modelled (:class:`Limit`), printed where it touches a case.
    - ``not_modelled_client``: what the client's report says where the programme cannot be
      worked out for the case (the engine's ``not_modelled``).
    """

    key: str
    title: str
    client_name: str
    period: Literal["week", "month", "year"]
    kind: Kind
    stage: Stage
    nations: tuple[str, ...] = ("england", "scotland", "wales")
    taxable: bool = False
    counted_as_income_by: tuple[str, ...] = ()
    in_benefit_cap: bool = False
    chart: bool = False
    stops_with_universal_credit: bool = False
    exempts_benefit_cap: bool = False
    cause: Cause | None = None
    gain_cause: Cause | None = None
    other_causes: tuple[Cause, ...] = ()
    limits: tuple[Limit, ...] = ()
    covers: str = ""
    not_modelled_client: str = ""

    @property
    def causes(self) -> tuple[Cause, ...]:
        """Every cause this programme can lead an edge with."""
        return tuple(c for c in (self.cause, self.gain_cause, *self.other_causes) if c is not None)

    @property
    def long_title(self) -> str:
        """The title with what the help covers: 'Help with NHS charges (free prescriptions, ...)'."""
        return f"{self.title} ({self.covers})" if self.covers else self.title


class ComponentSpec(Struct, frozen=True):
    """A part of disposable income that is not a programme: pay, deductions and costs.

    ``sign`` is +1 for money in and -1 for money out, so that the change in each component
    between two points adds up to the change in disposable income. ``plural``: the title takes a
    plural verb ("pension contributions rise").
    """

    key: str
    title: str
    sign: Literal[1, -1]
    cause: Cause | None = None
    plural: bool = False


_MEANS_TESTS = ("universal_credit", "housing_benefit", "council_tax_reduction")

# In display order (the JSON's ``benefits``, the tables and CSV columns keep it; the report lists
# help that stops in this order too). The order the law needs is each spec's ``stage``: the engine
# works the stages in turn (benefitcalc.engine).
PROGRAMMES: tuple[ProgrammeSpec, ...] = (
    ProgrammeSpec(
        "new_style_esa",
        "New Style Employment and Support Allowance",
        "New Style ESA",
        "week",
        "benefit",
        "per_adult",
        taxable=True,  # ITEPA 2003 s.660(1) Table A; only income-related ESA is exempt (s.677)
        counted_as_income_by=_MEANS_TESTS,
        in_benefit_cap=True,
        chart=True,
        cause=Cause(
            "esa_permitted_work_limit",
            "the ESA permitted-work limit",
            "New Style ESA stops",
            warning=True,
            mark_gain=True,
        ),
        limits=(
            Limit(
                "The work-related activity component (claims before 3 April 2017) is not modelled.",
                "The ESA work-related activity component, paid only on claims made before 3 April 2017, is not "
                "included.",
                "esa_work_related_activity_group",
            ),
        ),
    ),
    ProgrammeSpec(
        "new_style_jsa",
        "New Style Jobseeker's Allowance",
        "New Style JSA",
        "week",
        "benefit",
        "per_adult",
        taxable=True,  # ITEPA 2003 s.660(1) Table A
        counted_as_income_by=_MEANS_TESTS,
        in_benefit_cap=True,
        chart=True,
        cause=Cause(
            "jsa_remunerative_work",
            "the 16-hour rule: no New Style JSA in a week of 16 hours' work or more",
            "New Style JSA stops",
            warning=True,
            mark_gain=True,
        ),
        limits=(
            Limit(
                "The under-18 rate and the 10p minimum award are not modelled.",
                "New Style JSA for people under 18 is paid at a lower rate, which is not used here.",
                "under_18",
            ),
        ),
    ),
    ProgrammeSpec(
        "carers_allowance",
        "Carer's Allowance",
        "Carer's Allowance",
        "week",
        "benefit",
        "per_adult",
        nations=("england", "wales"),
        taxable=True,  # ITEPA 2003 s.660(1) Table A
        counted_as_income_by=_MEANS_TESTS,
        chart=True,  # not a welfare benefit in reg 79(4): Carer's Allowance is outside the cap
        exempts_benefit_cap=True,
        cause=Cause(
            "carer_earnings_limit",
            "Carer's Allowance earnings limit",
            "Carer's Allowance stops",
            warning=True,
            mark_gain=True,
        ),
    ),
    ProgrammeSpec(
        "carer_support_payment",
        "Carer Support Payment",
        "Carer Support Payment",
        "week",
        "benefit",
        "per_adult",
        nations=("scotland",),
        taxable=True,  # ITEPA 2003 s.660(1) Table A, as amended for Scottish carer assistance
        counted_as_income_by=_MEANS_TESTS,
        chart=True,
        exempts_benefit_cap=True,  # reg 83(1)(b) as extended to Carer Support Payment
        cause=Cause(
            "carer_earnings_limit",
            "Carer Support Payment earnings limit",
            "Carer Support Payment stops",
            warning=True,
            mark_gain=True,
        ),
    ),
    ProgrammeSpec(
        "child_benefit",
        "Child Benefit",
        "Child Benefit",
        "week",
        "benefit",
        "household",
        in_benefit_cap=True,  # UC Regs 2013 reg 79(4)(b)
        chart=True,
    ),
    ProgrammeSpec(
        "pip",
        "Personal Independence Payment",
        "PIP",
        "week",
        "benefit",
        "per_adult",
        nations=("england", "wales"),
        chart=True,
    ),
    ProgrammeSpec(
        "adult_disability_payment",
        "Adult Disability Payment",
        "Adult Disability Payment",
        "week",
        "benefit",
        "per_adult",
        nations=("scotland",),
        chart=True,
    ),
    ProgrammeSpec(
        "disability_living_allowance",
        "Disability Living Allowance",
        "Disability Living Allowance",
        "week",
        "benefit",
        "per_adult",
    ),
    ProgrammeSpec(
        "attendance_allowance",
        "Attendance Allowance",
        "Attendance Allowance",
        "week",
        "benefit",
        "per_adult",
    ),
    ProgrammeSpec(
        "universal_credit",
        "Universal Credit",
        "Universal Credit",
        "month",
        "benefit",
        "household",
        counted_as_income_by=(),  # HB and CTR read the award itself, as their schemes say
        chart=True,
        cause=Cause("universal_credit_falls", "Universal Credit falls", "Universal Credit goes down"),
        gain_cause=Cause("universal_credit_rises", "Universal Credit rises", None),
        other_causes=(
            Cause("universal_credit_ends", "Universal Credit ends", "Universal Credit stops", mark_gain=True),
            # UC Regs 2013 regs 78-83: the cap is applied to the UC award
            Cause(
                "benefit_cap",
                "the benefit cap",
                "the benefit cap starts",
                client_on_gain="the benefit cap stops",
                mark_gain=True,
            ),
        ),
        limits=(
            # The client's page says this among the general limits (paydays that fall unevenly).
            Limit(
                "Surplus earnings and the 'two paydays in one assessment period' effect are not modelled: every month "
                "is taken as the same."
            ),
            Limit(
                "Self-employment: every month is taken as the same, so losses carried forward (reg 57A) and surplus "
                "earnings (reg 54A) do not change these figures; the start-up period is counted from the day the "
                "business started.",
                "If your business's profit goes up and down from month to month, your Universal Credit will too: "
                "these figures take every month as the same.",
                "self_employed",
            ),
            Limit(
                "Mortgage interest is a loan (Support for Mortgage Interest), outside UC: owner-occupiers get no "
                "housing element here."
            ),
            Limit(
                "Size criteria assume children under 10 share a room and children of 10-15 share only if the "
                "scenario gives their sex; rooms for a carer, a disabled child or foster care are not modelled."
            ),
            Limit("Students, people over State Pension age and mixed-age couples are not modelled."),
            Limit(
                "Local housing allowance rates for private rents are not looked up: the figures use the rate given, "
                "if any.",
                "The Local Housing Allowance rate for your area was not looked up: the figures use the rate your "
                "adviser gave, if any.",
                "private_rent",
            ),
        ),
    ),
    ProgrammeSpec(
        "scottish_child_payment",
        "Scottish Child Payment",
        "Scottish Child Payment",
        "week",
        "benefit",
        "after_universal_credit",
        nations=("scotland",),
        chart=True,
        stops_with_universal_credit=True,
        cause=Cause(
            "scottish_child_payment_ends",
            "Scottish Child Payment ends when Universal Credit ends",
            "Scottish Child Payment stops",
            warning=True,
            mark_gain=True,
        ),
    ),
    ProgrammeSpec(
        "nhs_charges",
        "Help with NHS charges",
        "Free prescriptions, dental treatment and sight tests",
        "year",
        "in_kind",
        "after_universal_credit",
        stops_with_universal_credit=True,
        cause=Cause(
            "nhs_charges_lost",
            "free NHS prescriptions and dental treatment end (Universal Credit earnings limit)",
            "free prescriptions and dental treatment stop",
            warning=True,
        ),
        covers="free prescriptions, dental treatment, sight tests",
    ),
    ProgrammeSpec(
        "free_school_meals",
        "Free school meals",
        "Free school meals",
        "year",
        "in_kind",
        "after_universal_credit",
        stops_with_universal_credit=True,
        cause=Cause(
            "free_school_meals_lost",
            "free school meals end with Universal Credit (or its earnings limit)",
            "free school meals stop",
            warning=True,
        ),
    ),
    ProgrammeSpec(
        "healthy_start",
        "Healthy Start",
        "Healthy Start",
        "week",
        "in_kind",
        "after_universal_credit",
        nations=("england", "wales"),
        stops_with_universal_credit=True,
        cause=Cause(
            "healthy_start_lost",
            "Healthy Start ends (Universal Credit earnings limit)",
            "Healthy Start stops",
            warning=True,
        ),
    ),
    ProgrammeSpec(
        "council_tax_reduction",
        "Council tax reduction",
        "Council Tax Reduction",
        "week",
        "benefit",
        "council_tax",
        chart=True,
        cause=Cause(
            "council_tax_reduction_falls",
            "council tax reduction falls (a step in the council's scheme)",
            "Council Tax Reduction goes down",
        ),
        limits=(
            Limit(
                "Second adult rebate (alternative maximum council tax reduction) and Scotland's separate band E-H "
                "relief are not modelled.",
                "Scotland's extra help with council tax for homes in bands E to H is not included.",
                "scotland",
            ),
            Limit(
                "Passported awards for income support, income-based JSA and income-related ESA are not modelled "
                "(those benefits are not in the scenario)."
            ),
            Limit(
                "The severe disability premium, the ESA work-related activity and support components and transitional "
                "premiums are not in the applicable amounts.",
                "Some extra amounts for disability in your council's Council Tax Reduction scheme are not included, "
                "so you may get a little more than shown.",
            ),
            Limit(
                "Protected groups with a higher maximum in a council's scheme are modelled only where the scheme file "
                "describes them."
            ),
            Limit(
                "Income is taken as the same every week; minimum income floors in councils' schemes are not modelled."
            ),
            Limit(
                "Childcare charges of applicants without UC (Scotland reg 77 and the default-scheme equivalents) are "
                "not deducted from income."
            ),
        ),
        not_modelled_client="Council Tax Reduction (help from your council with council tax) is not worked out "
        "here and is shown as £0. You may get it, in or out of work: ask your council.",
    ),
    ProgrammeSpec(
        "housing_benefit",
        "Housing Benefit",
        "Housing Benefit",
        "week",
        "benefit",
        "housing",
        chart=True,
        cause=Cause("housing_benefit_falls", "Housing Benefit falls", "Housing Benefit goes down"),
        limits=(
            Limit(
                "Working age only: Housing Benefit for people over State Pension age (the HB (State Pension Credit) "
                "Regulations 2006) is not modelled.",
                when="supported_or_temporary_accommodation",
            ),
            Limit(
                "The rent given is taken as the eligible rent: ineligible service charges (meals, support, personal "
                "care, fuel) and any rent restriction (HB Regs regs 12B-13D; for exempt accommodation the 2006 "
                "Consequential Provisions Regulations Sch 3 para 4) are not applied.",
                "Housing Benefit is worked out on the whole rent given: if part of it is for meals, support or "
                "fuel, or the council limits the rent, you would get less.",
                "supported_or_temporary_accommodation",
            ),
            Limit(
                "Family premium (protected claims only), severe disability premium and the ESA components are not in "
                "the applicable amount.",
                when="supported_or_temporary_accommodation",
            ),
            Limit(
                "Housing Benefit for general needs housing is not modelled: working-age claimants there get UC's "
                "housing costs element instead."
            ),
        ),
    ),
    ProgrammeSpec(
        "tax_free_childcare",
        "Tax-Free Childcare",
        "Tax-Free Childcare",
        "year",
        "childcare_support",
        "analysis",
        cause=Cause("tax_free_childcare_ends", "Tax-Free Childcare stops", "Tax-Free Childcare stops"),
        gain_cause=Cause(
            "tax_free_childcare_starts",
            "Tax-Free Childcare starts (the minimum-income test is met, or Universal Credit has ended)",
            None,
        ),
    ),
)

# The parts of disposable income that are not programmes, with the sign each carries in it.
COMPONENTS: tuple[ComponentSpec, ...] = (
    ComponentSpec("earnings", "pay", 1),
    ComponentSpec("income_tax", "income tax", -1),
    ComponentSpec("national_insurance", "National Insurance", -1),
    ComponentSpec(
        "pension_contributions",
        "pension contributions",
        -1,
        Cause(
            "pension_auto_enrolment",
            "automatic enrolment: pension contributions start at the earnings trigger",
            "pension contributions start (automatic enrolment)",
        ),
        plural=True,
    ),
    ComponentSpec("high_income_child_benefit_charge", "the High Income Child Benefit Charge", -1),
    ComponentSpec("housing_costs", "rent and service charges", -1, plural=True),
    ComponentSpec("council_tax", "council tax", -1),
    ComponentSpec("childcare_costs", "childcare costs", -1, plural=True),
    ComponentSpec("work_costs", "work costs", -1, Cause("work_costs", "work costs", "work costs"), plural=True),
)

BY_KEY: dict[str, ProgrammeSpec] = {spec.key: spec for spec in PROGRAMMES}
COMPONENT_BY_KEY: dict[str, ComponentSpec] = {spec.key: spec for spec in COMPONENTS}

# Display order of the cash benefits in the JSON ``benefits`` and the tables: UC first, then the
# rest in the order the law works them out.
BENEFIT_KEYS: tuple[str, ...] = ("universal_credit",) + tuple(
    spec.key for spec in PROGRAMMES if spec.kind == "benefit" and spec.key != "universal_credit"
)


def spec(key: str) -> ProgrammeSpec:
    """The programme called ``key`` (a KeyError names it where it is not registered)."""
    try:
        return BY_KEY[key]
    except KeyError:
        raise KeyError(f"{key!r} is not a registered programme; registered: {', '.join(BY_KEY)}") from None


def title(key: str) -> str:
    """The plain name of a programme or a component, for messages; the key in words otherwise."""
    if key in BY_KEY:
        return BY_KEY[key].title
    if key in COMPONENT_BY_KEY:
        return COMPONENT_BY_KEY[key].title
    return key.replace("_", " ")


# Worked out once from the registry (the engine reads them at every point).
_INCOME_FOR: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        means_test: tuple(s.key for s in PROGRAMMES if means_test in s.counted_as_income_by)
        for means_test in dict.fromkeys(m for s in PROGRAMMES for m in s.counted_as_income_by)
    }
)
_TAXABLE: tuple[str, ...] = tuple(s.key for s in PROGRAMMES if s.taxable)
_IN_BENEFIT_CAP: tuple[str, ...] = tuple(s.key for s in PROGRAMMES if s.in_benefit_cap)


def income_for(programme: str) -> tuple[str, ...]:
    """The registered programmes that ``programme`` counts as income, in the law's order."""
    return _INCOME_FOR.get(programme, ())


def taxable() -> tuple[str, ...]:
    return _TAXABLE


def in_benefit_cap() -> tuple[str, ...]:
    return _IN_BENEFIT_CAP


def engine_order() -> tuple[ProgrammeSpec, ...]:
    """The programmes in the order the engine works them out: by stage, in display order within one."""
    return tuple(sorted(PROGRAMMES, key=lambda s: STAGES.index(s.stage)))


def causes() -> tuple[tuple[ProgrammeSpec | ComponentSpec, Cause], ...]:
    """Every cause with the programme or component that leads it, programmes first, in registry order."""
    out: list[tuple[ProgrammeSpec | ComponentSpec, Cause]] = [(s, c) for s in PROGRAMMES for c in s.causes]
    out.extend((c, c.cause) for c in COMPONENTS if c.cause is not None)
    return tuple(out)
