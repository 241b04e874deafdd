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


def evaluate(  # noqa: C901 - 24 > 15; to be split per rule kind (issue 11 item 12)
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

    def no_data(reason: str) -> Evaluation:
        return Evaluation(
            TargetStatus.NO_DATA,
            _("%(ind)s %(year)s: %(cur)s. Geen data: %(r)s.")
            % {
                "ind": indicator_name,
                "year": year,
                "cur": fmt_number(current, unit) + _unit_word(unit, source, current),
                "r": reason,
            },
            current,
            year,
            reason=reason,
        )

    def base_value(years) -> tuple[float | None, list[int]]:
        missing = [y for y in years if values.get(y) is None]
        if missing:
            return None, missing
        return mean(values[y] for y in years), []

    strict = rule.strict
    tolerance = rule.tolerance or 0.0
    low_high = None
    if rule.kind == RuleKind.THRESHOLD:
        if rule.threshold is None:
            return no_data(_("de streefwaarde ontbreekt"))
        required = rule.threshold
        ref_phrase = _("de streefwaarde is %(r)s") % {"r": fmt_number(required, unit)}
    elif rule.kind in (RuleKind.BASELINE_MEAN, RuleKind.PERCENT_CHANGE, RuleKind.RELATIVE_TO_YEAR):
        years = list(rule.baseline_years) or ([rule.year] if rule.year else [])
        if rule.kind == RuleKind.RELATIVE_TO_YEAR or (
            rule.kind == RuleKind.PERCENT_CHANGE and rule.year
        ):
            years = [rule.year] if rule.year else []
        if not years:
            return no_data(_("het referentiejaar ontbreekt in de streefwaarde"))
        base, missing = base_value(years)
        if base is None:
            return no_data(
                _("er is geen cijfer voor %(years)s in %(region)s")
                % {"years": _years_text(missing), "region": region_name}
            )
        if len(years) > 1:
            label = _("het gemiddelde van %(y)s") % {"y": _years_text(years)}
            if sorted(years) == [2018, 2019]:
                label = _("het niveau van voor de coronajaren (gemiddelde 2018-2019)")
        else:
            label = _("het niveau van %(y)s") % {"y": years[0]}
        if rule.kind == RuleKind.PERCENT_CHANGE or (rule.percent and rule.kind != RuleKind.BAND):
            pct = rule.percent or 0.0
            factor = 1 - pct / 100 if better == Direction.LOWER else 1 + pct / 100
            required = base * factor
            ref_phrase = _(
                "%(label)s is %(base)s; de doelwaarde (%(pct)s%% %(dir)s) is %(req)s"
            ) % {
                "label": label,
                "base": fmt_number(base, unit),
                "pct": fmt_number(pct, "aantal"),
                "dir": _("lager") if better == Direction.LOWER else _("hoger"),
                "req": fmt_number(
                    round(required, 1), IndicatorUnit.GRADE if unit != "procent" else unit
                ),
            }
        else:
            required = base
            ref_phrase = _("%(label)s is %(base)s") % {
                "label": label,
                "base": fmt_number(base, unit),
            }
    elif rule.kind == RuleKind.RELATIVE_TO_REGION:
        ref_values = {y: v for y, v in (reference_series or {}).items() if v is not None}
        if year not in ref_values:
            return no_data(
                _("er is geen cijfer van %(region)s over %(year)s om mee te vergelijken")
                % {"region": reference_region_name or rule.reference_region, "year": year}
            )
        required = ref_values[year]
        ref_phrase = _("in %(region)s is het %(v)s") % {
            "region": reference_region_name or rule.reference_region,
            "v": fmt_number(required, unit),
        }
    elif rule.kind == RuleKind.BAND:
        if rule.threshold is None:
            return no_data(_("de streefwaarde ontbreekt"))
        low_high = (rule.threshold - tolerance, rule.threshold + tolerance)
        required = low_high[1] if better == Direction.LOWER else low_high[0]
        ref_phrase = _("de bandbreedte is %(a)s tot %(b)s") % {
            "a": fmt_number(low_high[0], unit),
            "b": fmt_number(low_high[1], unit),
        }
        tolerance = 0.0  # the band already is the tolerance
    else:
        return no_data(_("onbekende regel %(k)r") % {"k": rule.kind})

    met = _meets(current, required, better, strict)
    if low_high and low_high[0] - 1e-9 <= current <= low_high[1] + 1e-9:
        met = True
    previous_years = [y for y in values if y < year]
    improving = bool(previous_years) and _better(current, values[max(previous_years)], better)
    deadline_passed = deadline_year is not None and year >= deadline_year
    if met:
        status = TargetStatus.ACHIEVED
    elif tolerance and abs(current - required) <= tolerance:
        status = TargetStatus.ATTENTION
    elif deadline_passed or deadline_year is None:
        status = TargetStatus.NOT_ACHIEVED
    else:
        status = TargetStatus.ON_TRACK if improving else TargetStatus.ATTENTION
    gap = _gap_text(current, required, unit)
    if low_high and met:
        gap = _("binnen de bandbreedte") if low_high[0] <= current <= low_high[1] else gap
    verdict = {
        TargetStatus.ACHIEVED: _("Doel behaald: %(gap)s."),
        TargetStatus.ON_TRACK: _("Doel nog niet gehaald maar op koers: %(gap)s, wel verbeterd."),
        TargetStatus.ATTENTION: _("Aandacht nodig: %(gap)s."),
        TargetStatus.NOT_ACHIEVED: _("Doel niet gehaald: %(gap)s."),
    }[status] % {"gap": gap}
    if strict and abs(current - required) < 1e-9:
        verdict = (
            verdict.rstrip(".") + _(", maar het moet lager zijn dan dat niveau.")
            if better == Direction.LOWER
            else verdict.rstrip(".") + _(", maar het moet hoger zijn dan dat niveau.")
        )
    sentence = _("%(ind)s %(year)s: %(cur)s; %(ref)s. %(verdict)s") % {
        "ind": indicator_name,
        "year": year,
        "cur": fmt_number(current, unit) + _unit_word(unit, source, current),
        "ref": ref_phrase,
        "verdict": verdict,
    }
    return Evaluation(status, sentence, current, year, required)


def rollup(statuses) -> str:
    """A goal or priority takes the worst status of its targets; geen data only if all are."""
    from .constants import STATUS_SEVERITY

    statuses = [TargetStatus(s) for s in statuses]
    if not statuses:
        return TargetStatus.NO_DATA
    return max(statuses, key=lambda s: STATUS_SEVERITY[s])
