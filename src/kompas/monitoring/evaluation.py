# SPDX-License-Identifier: EUPL-1.2
"""Target evaluation: pure functions over yearly values, no database. Every rule is
direction-aware (`better` = lower or higher) and yields a status plus one Dutch sentence with
the numbers.

Rules (the required level R is what the current value C must reach):
- threshold:           R = threshold.
- baseline_mean:       R = mean of the baseline years ("voor de coronajaren": 2018-2019).
- relative_to_year:    R = value in `year`; with `strict` C must be better than R, not equal.
- relative_to_region:  R = value of the reference region in the same year as C.
- percent_change:      R = value in `year` (or baseline mean) moved `percent`% in the better
                       direction ("10% minder dan in 2022").
- band:                R = threshold ± tolerance; inside the band or beyond it on the better
                       side is achieved.
Status: achieved -> behaald. Not achieved: when the latest data year is at or after the
deadline -> niet behaald (aandacht when within `tolerance` of R); before the deadline -> op
koers when the latest change went the better way, else aandacht. Missing values -> geen data,
with the reason.
"""

from dataclasses import dataclass
from statistics import mean

from django.utils.translation import gettext as _

from .constants import Direction, IndicatorSource, IndicatorUnit, RuleKind, TargetStatus


@dataclass(frozen=True)
class Rule:
    kind: str
    threshold: float | None = None
    baseline_years: tuple[int, ...] = ()
    year: int | None = None
    reference_region: str = ""
    percent: float | None = None
    tolerance: float | None = None
    strict: bool = False


@dataclass(frozen=True)
class Evaluation:
    status: str
    sentence: str
    current: float | None = None
    current_year: int | None = None
    required: float | None = None
    reason: str = ""


def fmt_number(value: float | None, unit: str = IndicatorUnit.COUNT) -> str:
    """Dutch notation: 1.707 / 7,7 / 17%."""
    if value is None:
        return "—"
    if unit == IndicatorUnit.COUNT and abs(value - round(value)) < 1e-9:
        return f"{round(value):,}".replace(",", ".")
    if abs(value - round(value)) < 1e-9 and unit != IndicatorUnit.GRADE:
        text = f"{round(value):,}".replace(",", ".")
    else:
        text = f"{value:,.1f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return text + ("%" if unit == IndicatorUnit.PERCENT else "")


def _unit_word(unit: str, source: str, value: float) -> str:
    if unit != IndicatorUnit.COUNT:
        return ""
    if source == IndicatorSource.NUISANCE:
        return " " + (_("melding") if value == 1 else _("meldingen"))
    if source == IndicatorSource.CRIMES:
        return " " + (_("misdrijf") if value == 1 else _("misdrijven"))
    return ""


def _years_text(years) -> str:
    years = sorted(years)
    if len(years) > 1 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}-{years[-1]}"
    return ", ".join(str(y) for y in years)


def _better(a: float, b: float, better: str) -> bool:
    return a < b if better == Direction.LOWER else a > b


def _meets(current: float, required: float, better: str, strict: bool) -> bool:
    if abs(current - required) < 1e-9:
        return not strict
    return _better(current, required, better)


def _gap_text(current: float, required: float, unit: str) -> str:
    if abs(current - required) < 1e-9:
        return _("gelijk aan dat niveau")
    side = _("boven") if current > required else _("onder")
    if unit == IndicatorUnit.PERCENT:
        diff = fmt_number(round(abs(current - required), 1), IndicatorUnit.PERCENT).rstrip("%")
        return _("%(d)s procentpunt %(side)s dat niveau") % {"d": diff, "side": side}
    if required == 0:
        return _("%(d)s %(side)s dat niveau") % {"d": fmt_number(abs(current), unit), "side": side}
    pct = abs(current - required) / abs(required) * 100
    return _("%(p)s%% %(side)s dat niveau") % {"p": fmt_number(round(pct), "aantal"), "side": side}


class _NoData(Exception):
    """The rule cannot be evaluated; the argument is the Dutch reason."""


@dataclass(frozen=True)
class _Facts:
    """What the rule kinds read: the region's values with their latest year, and context."""

    values: dict[int, float]
    year: int
    unit: str
    better: str
    region_name: str
    reference_series: dict[int, float | None] | None
    reference_region_name: str


@dataclass(frozen=True)
class _Requirement:
    """The level R the current value must reach, the phrase that explains it and, for a
    band, its bounds (then the band itself is the tolerance)."""

    required: float
    phrase: str
    band: tuple[float, float] | None = None


def _threshold(rule: Rule, facts: _Facts) -> _Requirement:
    if rule.threshold is None:
        raise _NoData(_("de streefwaarde ontbreekt"))
    return _Requirement(
        rule.threshold,
        _("de streefwaarde is %(r)s") % {"r": fmt_number(rule.threshold, facts.unit)},
    )


def _reference_years(rule: Rule) -> list[int]:
    years = list(rule.baseline_years) or ([rule.year] if rule.year else [])
    if rule.kind == RuleKind.RELATIVE_TO_YEAR or (
        rule.kind == RuleKind.PERCENT_CHANGE and rule.year
    ):
        years = [rule.year] if rule.year else []
    if not years:
        raise _NoData(_("het referentiejaar ontbreekt in de streefwaarde"))
    return years


def _years_label(years: list[int]) -> str:
    if len(years) == 1:
        return _("het niveau van %(y)s") % {"y": years[0]}
    if sorted(years) == [2018, 2019]:
        return _("het niveau van voor de coronajaren (gemiddelde 2018-2019)")
    return _("het gemiddelde van %(y)s") % {"y": _years_text(years)}


def _against_years(rule: Rule, facts: _Facts) -> _Requirement:
    """baseline_mean, relative_to_year and percent_change: the (mean) value of the reference
    years, moved `percent`% in the better direction when a percentage is given."""
    years = _reference_years(rule)
    missing = [y for y in years if facts.values.get(y) is None]
    if missing:
        raise _NoData(
            _("er is geen cijfer voor %(years)s in %(region)s")
            % {"years": _years_text(missing), "region": facts.region_name}
        )
    base = mean(facts.values[y] for y in years)
    label = _years_label(years)
    unit = facts.unit
    if not (rule.kind == RuleKind.PERCENT_CHANGE or rule.percent):
        return _Requirement(
            base, _("%(label)s is %(base)s") % {"label": label, "base": fmt_number(base, unit)}
        )
    pct = rule.percent or 0.0
    lower = facts.better == Direction.LOWER
    required = base * (1 - pct / 100 if lower else 1 + pct / 100)
    phrase = _("%(label)s is %(base)s; de doelwaarde (%(pct)s%% %(dir)s) is %(req)s") % {
        "label": label,
        "base": fmt_number(base, unit),
        "pct": fmt_number(pct, "aantal"),
        "dir": _("lager") if lower else _("hoger"),
        "req": fmt_number(round(required, 1), IndicatorUnit.GRADE if unit != "procent" else unit),
    }
    return _Requirement(required, phrase)


def _relative_to_region(rule: Rule, facts: _Facts) -> _Requirement:
    ref_values = {y: v for y, v in (facts.reference_series or {}).items() if v is not None}
    region = facts.reference_region_name or rule.reference_region
    if facts.year not in ref_values:
        raise _NoData(
            _("er is geen cijfer van %(region)s over %(year)s om mee te vergelijken")
            % {"region": region, "year": facts.year}
        )
    required = ref_values[facts.year]
    return _Requirement(
        required,
        _("in %(region)s is het %(v)s") % {"region": region, "v": fmt_number(required, facts.unit)},
    )


def _band(rule: Rule, facts: _Facts) -> _Requirement:
    if rule.threshold is None:
        raise _NoData(_("de streefwaarde ontbreekt"))
    tolerance = rule.tolerance or 0.0
    low, high = rule.threshold - tolerance, rule.threshold + tolerance
    phrase = _("de bandbreedte is %(a)s tot %(b)s") % {
        "a": fmt_number(low, facts.unit),
        "b": fmt_number(high, facts.unit),
    }
    return _Requirement(high if facts.better == Direction.LOWER else low, phrase, (low, high))


_RULE_KINDS = {
    RuleKind.THRESHOLD: _threshold,
    RuleKind.BASELINE_MEAN: _against_years,
    RuleKind.PERCENT_CHANGE: _against_years,
    RuleKind.RELATIVE_TO_YEAR: _against_years,
    RuleKind.RELATIVE_TO_REGION: _relative_to_region,
    RuleKind.BAND: _band,
}


def _requirement(rule: Rule, facts: _Facts) -> _Requirement:
    kind = _RULE_KINDS.get(rule.kind)
    if kind is None:
        raise _NoData(_("onbekende regel %(k)r") % {"k": rule.kind})
    return kind(rule, facts)


def _status(
    *, met: bool, current: float, required: float, tolerance: float, facts: _Facts, deadline_year
) -> str:
    if met:
        return TargetStatus.ACHIEVED
    if tolerance and abs(current - required) <= tolerance:
        return TargetStatus.ATTENTION
    if deadline_year is None or facts.year >= deadline_year:
        return TargetStatus.NOT_ACHIEVED
    previous_years = [y for y in facts.values if y < facts.year]
    improving = bool(previous_years) and _better(
        current, facts.values[max(previous_years)], facts.better
    )
    return TargetStatus.ON_TRACK if improving else TargetStatus.ATTENTION


def _verdict(
    *, status: str, current: float, req: _Requirement, met: bool, strict: bool, facts: _Facts
) -> str:
    gap = _gap_text(current, req.required, facts.unit)
    if req.band and met and req.band[0] <= current <= req.band[1]:
        gap = _("binnen de bandbreedte")
    verdict = {
        TargetStatus.ACHIEVED: _("Doel behaald: %(gap)s."),
        TargetStatus.ON_TRACK: _("Doel nog niet gehaald maar op koers: %(gap)s, wel verbeterd."),
        TargetStatus.ATTENTION: _("Aandacht nodig: %(gap)s."),
        TargetStatus.NOT_ACHIEVED: _("Doel niet gehaald: %(gap)s."),
    }[status] % {"gap": gap}
    if strict and abs(current - req.required) < 1e-9:
        verdict = verdict.rstrip(".") + (
            _(", maar het moet lager zijn dan dat niveau.")
            if facts.better == Direction.LOWER
            else _(", maar het moet hoger zijn dan dat niveau.")
        )
    return verdict


def evaluate(
    *,
    rule: Rule,
    indicator_name: str,
    unit: str,
    source: str,
    better: str,
    series: dict[int, float | None],
    region_name: str,
    reference_series: dict[int, float | None] | None = None,
    reference_region_name: str = "",
    deadline_year: int | None = None,
) -> Evaluation:
    values = {y: v for y, v in series.items() if v is not None}
    if not values:
        reason = _("er zijn geen cijfers van %(ind)s voor %(region)s") % {
            "ind": indicator_name,
            "region": region_name,
        }
        return Evaluation(
            TargetStatus.NO_DATA, _("Geen data: %(r)s.") % {"r": reason}, reason=reason
        )
    year = max(values)
    current = values[year]
    cur_text = fmt_number(current, unit) + _unit_word(unit, source, current)
    facts = _Facts(values, year, unit, better, region_name, reference_series, reference_region_name)
    try:
        req = _requirement(rule, facts)
    except _NoData as no_data:
        reason = str(no_data)
        return Evaluation(
            TargetStatus.NO_DATA,
            _("%(ind)s %(year)s: %(cur)s. Geen data: %(r)s.")
            % {"ind": indicator_name, "year": year, "cur": cur_text, "r": reason},
            current,
            year,
            reason=reason,
        )
    met = _meets(current, req.required, better, rule.strict)
    if req.band and req.band[0] - 1e-9 <= current <= req.band[1] + 1e-9:
        met = True
    tolerance = 0.0 if req.band else (rule.tolerance or 0.0)  # a band is its own tolerance
    status = _status(
        met=met,
        current=current,
        required=req.required,
        tolerance=tolerance,
        facts=facts,
        deadline_year=deadline_year,
    )
    verdict = _verdict(
        status=status, current=current, req=req, met=met, strict=rule.strict, facts=facts
    )
    sentence = _("%(ind)s %(year)s: %(cur)s; %(ref)s. %(verdict)s") % {
        "ind": indicator_name,
        "year": year,
        "cur": cur_text,
        "ref": req.phrase,
        "verdict": verdict,
    }
    return Evaluation(status, sentence, current, year, req.required)


def rollup(statuses) -> str:
    """A goal or priority takes the worst status of its targets; geen data only if all are."""
    from .constants import STATUS_SEVERITY

    statuses = [TargetStatus(s) for s in statuses]
    if not statuses:
        return TargetStatus.NO_DATA
    return max(statuses, key=lambda s: STATUS_SEVERITY[s])
