# SPDX-License-Identifier: EUPL-1.2
"""Rules the schema cannot express: cross-references, duplicates, periods, known codes. One
checker per section of the plan file; they share a `_Check` that collects the errors and the
keys earlier sections define (priority numbers, execution plan keys, indicator codes)."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .loading import ParsedFile, PlanError, line_of, path_text
from .schema import schema_errors


@dataclass
class KnownCodes:
    partners: set[str]
    partnerships: dict[str, set[str]]  # code -> member gemeente codes
    municipalities: set[str]


def _action_identity(entry: dict) -> str:
    if entry.get("key"):
        return f"key:{entry['key']}"
    return f"{entry.get('priority')}|{str(entry.get('title', '')).strip().casefold()}"


@dataclass
class _Check:
    parsed: ParsedFile
    known: KnownCodes
    errors: list[PlanError] = field(default_factory=list)
    numbers: dict[int, int] = field(default_factory=dict)  # priority number -> position
    plan_keys: dict[str, int] = field(default_factory=dict)  # execution plan key -> position
    indicators: set[str] = field(default_factory=set)

    @property
    def doc(self) -> dict:
        return self.parsed.data

    @property
    def term_end(self) -> str:
        """The plan's end including extensions (ISO text compares as dates)."""
        doc = self.doc
        return max([doc["period"]["end"], *[e["new_end"] for e in doc.get("extensions") or []]])

    def err(self, parts, message, key=False) -> None:
        self.errors.append(
            PlanError(
                line_of(self.parsed.root, parts, key=key),
                path_text(parts),
                message,
                self.parsed.name,
            )
        )

    def duplicate(self, seen: dict, value, parts, message) -> None:
        """Report `value` when `seen` has it already; else remember its position."""
        if value in seen:
            self.err(parts, message)
        seen.setdefault(value, parts[1] if len(parts) > 1 else 0)

    def period(self, parts, period) -> None:
        if period["end"] < period["start"]:
            self.err(
                [*parts, "end"],
                _("einddatum %(end)s ligt vóór begindatum %(start)s")
                % {"end": period["end"], "start": period["start"]},
            )

    def partners(self, parts, codes) -> None:
        for j, code in enumerate(codes or []):
            if code not in self.known.partners:
                self.err(
                    [*parts, j],
                    _(
                        "onbekende partner %(code)r; bekende partnercodes staan in "
                        "src/kompas/core/data/partners.yaml"
                    )
                    % {"code": code},
                )

    def priority_ref(self, parts, number) -> None:
        if number is not None and number not in self.numbers:
            self.err(parts, _("prioriteit %(n)s bestaat niet in dit plan") % {"n": number})

    def indicator_ref(self, parts, code) -> None:
        if code not in self.indicators:
            self.err(parts, _("indicator %(c)r staat niet in dit plan") % {"c": code})


# --- One checker per section -------------------------------------------------------------------
def _check_gemeente(c: _Check) -> None:
    if c.doc.get("gemeente") not in c.known.municipalities:
        c.err(
            ["gemeente"],
            _("gemeente %(code)s is onbekend in deze installatie")
            % {"code": c.doc.get("gemeente")},
        )


def _check_period_and_extensions(c: _Check) -> None:
    c.period(["period"], c.doc["period"])
    previous_end = c.doc["period"]["end"]
    for i, ext in enumerate(c.doc.get("extensions") or []):
        if ext["new_end"] <= previous_end:
            c.err(
                ["extensions", i, "new_end"],
                _("nieuwe einddatum %(new)s ligt niet na de vorige einddatum %(end)s")
                % {"new": ext["new_end"], "end": previous_end},
            )
        previous_end = max(previous_end, ext["new_end"])


def _check_priorities(c: _Check) -> None:
    goal_codes: dict[str, int] = {}
    for i, priority in enumerate(c.doc.get("priorities") or []):
        number = priority["number"]
        if number in c.numbers:
            c.err(
                ["priorities", i, "number"],
                _("prioriteit %(n)s staat twee keer in het plan (ook op plek %(j)s)")
                % {"n": number, "j": c.numbers[number]},
            )
        c.numbers.setdefault(number, i)
        c.partners(["priorities", i, "partners"], priority.get("partners"))
        for g, goal in enumerate(priority.get("goals") or []):
            code = goal.get("code")
            if code:
                c.duplicate(
                    goal_codes,
                    code,
                    ["priorities", i, "goals", g, "code"],
                    _("doelcode %(c)s komt twee keer voor") % {"c": code},
                )


def _check_partnerships(c: _Check) -> None:
    for i, partnership in enumerate(c.doc.get("partnerships") or []):
        c.partners(["partnerships", i, "partners"], partnership.get("partners"))


def _check_execution_plans(c: _Check) -> None:
    for i, ep in enumerate(c.doc.get("execution_plans") or []):
        c.duplicate(
            c.plan_keys,
            ep["key"],
            ["execution_plans", i, "key"],
            _("uitvoeringsplan %(k)r staat twee keer in het plan") % {"k": ep["key"]},
        )
        c.period(["execution_plans", i, "period"], ep["period"])
        if ep["period"]["start"] < c.doc["period"]["start"] or ep["period"]["end"] > c.term_end:
            c.err(
                ["execution_plans", i, "period"],
                _("het uitvoeringsplan ligt (deels) buiten de looptijd van het plan"),
            )
        c.priority_ref(["execution_plans", i, "priority"], ep.get("priority"))


def _check_actions(c: _Check) -> None:
    seen: dict[str, int] = {}
    for i, action in enumerate(c.doc.get("actions") or []):
        c.priority_ref(["actions", i, "priority"], action["priority"])
        if action["execution_plan"] not in c.plan_keys:
            c.err(
                ["actions", i, "execution_plan"],
                _("uitvoeringsplan %(k)r bestaat niet in dit plan; bekend: %(known)s")
                % {"k": action["execution_plan"], "known": ", ".join(c.plan_keys) or "-"},
            )
        c.partners(["actions", i, "partners"], action.get("partners"))
        if action.get("start") and action.get("due") and action["due"] < action["start"]:
            c.err(
                ["actions", i, "due"],
                _("einddatum %(due)s ligt vóór startdatum %(start)s")
                % {"due": action["due"], "start": action["start"]},
            )
        ident = _action_identity(action)
        if ident in seen:
            c.err(
                ["actions", i, "key" if action.get("key") else "title"],
                _("deze actie staat twee keer in het plan (ook op plek %(j)s)")
                % {"j": seen[ident]},
            )
        seen.setdefault(ident, i)


def _check_norm_partnership(c: _Check, i: int, code: str) -> None:
    members = c.known.partnerships.get(code)
    if members is None:
        c.err(
            ["norms", i, "partnership"],
            _("samenwerkingsverband %(c)r is onbekend; bekend: %(known)s")
            % {"c": code, "known": ", ".join(sorted(c.known.partnerships))},
        )
    elif members and c.doc.get("gemeente") not in members:
        c.err(
            ["norms", i, "partnership"],
            _("gemeente %(g)s neemt niet deel aan samenwerkingsverband %(c)r")
            % {"g": c.doc.get("gemeente"), "c": code},
        )


def _check_norms(c: _Check) -> None:
    codes: dict[str, int] = {}
    for i, norm in enumerate(c.doc.get("norms") or []):
        c.duplicate(
            codes,
            norm["code"],
            ["norms", i, "code"],
            _("normcode %(c)r komt twee keer voor") % {"c": norm["code"]},
        )
        c.priority_ref(["norms", i, "priority"], norm.get("priority"))
        if norm.get("partnership"):
            _check_norm_partnership(c, i, norm["partnership"])


def _check_themes(c: _Check) -> None:
    titles: dict[str, int] = {}
    for i, theme in enumerate(c.doc.get("themes") or []):
        c.duplicate(
            titles,
            theme["title"],
            ["themes", i, "title"],
            _("thema %(t)r staat twee keer in het plan") % {"t": theme["title"]},
        )


def _check_indicators(c: _Check) -> None:
    for i, indicator in enumerate(c.doc.get("indicators") or []):
        code = indicator["code"]
        if code in c.indicators:
            c.err(
                ["indicators", i, "code"],
                _("indicatorcode %(c)r komt twee keer voor") % {"c": code},
            )
        c.indicators.add(code)
        if code.split(":", 1)[0] != indicator["source"]:
            c.err(
                ["indicators", i, "code"],
                _("de code moet beginnen met de bron %(s)r") % {"s": indicator["source"]},
            )
        c.priority_ref(["indicators", i, "priority"], indicator.get("priority"))


def _check_target_rule(c: _Check, i: int, target: dict) -> None:
    rule = target["rule"]
    if rule["kind"] == "band" and rule["min"] > rule["max"]:
        c.err(["targets", i, "rule", "min"], _("min is groter dan max"))
    if rule["kind"] == "relative_to_region" and rule["reference_region"] == target["region"]:
        c.err(
            ["targets", i, "rule", "reference_region"],
            _("een gebied kan niet met zichzelf worden vergeleken"),
        )


def _check_targets(c: _Check) -> None:
    goals_by_priority = {
        p["number"]: {g.get("code") for g in p.get("goals") or []}
        | {g["text"] for g in p.get("goals") or []}
        for p in c.doc.get("priorities") or []
    }
    codes: dict[str, int] = {}
    for i, target in enumerate(c.doc.get("targets") or []):
        c.duplicate(
            codes,
            target["code"],
            ["targets", i, "code"],
            _("streefwaardecode %(c)r komt twee keer voor") % {"c": target["code"]},
        )
        c.priority_ref(["targets", i, "priority"], target.get("priority"))
        c.indicator_ref(["targets", i, "indicator"], target["indicator"])
        if target["priority"] in c.numbers and target["goal"] not in goals_by_priority.get(
            target["priority"], set()
        ):
            c.err(
                ["targets", i, "goal"],
                _("doel %(g)r is geen doel (code of tekst) van prioriteit %(n)s")
                % {"g": target["goal"], "n": target["priority"]},
            )
        if not (c.doc["period"]["start"] <= target["deadline"] <= c.term_end):
            c.err(["targets", i, "deadline"], _("de datum ligt buiten de looptijd van het plan"))
        _check_target_rule(c, i, target)


def _check_observations(c: _Check) -> None:
    for i, observation in enumerate(c.doc.get("observations") or []):
        c.indicator_ref(["observations", i, "indicator"], observation["indicator"])


# In file order; later checkers use what earlier ones collected (numbers, plan keys, indicators).
CHECKERS: tuple[Callable[[_Check], None], ...] = (
    _check_gemeente,
    _check_period_and_extensions,
    _check_priorities,
    _check_partnerships,
    _check_execution_plans,
    _check_actions,
    _check_norms,
    _check_themes,
    _check_indicators,
    _check_targets,
    _check_observations,
)


def semantic_errors(parsed: ParsedFile, known: KnownCodes) -> list[PlanError]:
    """Errors of a schema-valid document that the schema cannot find."""
    check = _Check(parsed=parsed, known=known)
    for checker in CHECKERS:
        checker(check)
    return sorted(set(check.errors))


def validate(parsed: ParsedFile, known: KnownCodes) -> list[PlanError]:
    """All errors of a parsed file: syntax, schema, then (if the shape is right) semantics."""
    if parsed.errors:
        return sorted(parsed.errors)
    errors = schema_errors(parsed)
    if errors:
        return errors
    return semantic_errors(parsed, known)
