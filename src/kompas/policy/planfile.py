# SPDX-License-Identifier: EUPL-1.2
"""Plan files: parse YAML/JSON, validate against plans/schema.json plus semantic rules, map
every error to file, line and field, make the canonical document, and describe the difference
between two documents. Pure functions; the only database reads are the lists of known codes
(partners, partnerships, gemeenten), passed in by the caller.

Field paths look like `priorities[0].partners[2]` (counting from 0); lines count from 1.
"""

import copy
import difflib
import hashlib
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import jsonschema
import yaml
from django.utils.translation import gettext as _

PLANS_DIR = Path(__file__).resolve().parent / "plans"
SCHEMA_PATH = PLANS_DIR / "schema.json"


# --- Errors ----------------------------------------------------------------------------------
@dataclass(frozen=True, order=True)
class PlanError:
    line: int
    field: str
    message: str
    file: str = ""

    def __str__(self) -> str:
        where = _("%(file)s, regel %(line)s") % {"file": self.file or "-", "line": self.line}
        if self.field:
            where += ", " + _("veld %(field)s") % {"field": self.field}
        return f"{where}: {self.message}"


class PlanFileError(Exception):
    """A plan file that cannot be imported. `errors` is a list of PlanError; nothing was
    written."""

    def __init__(self, errors: list[PlanError]):
        self.errors = sorted(errors)
        super().__init__("\n".join(str(e) for e in self.errors[:50]))


# --- Loading ---------------------------------------------------------------------------------
class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text ("2023-01-01"), so the document is plain JSON."""


_Loader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}


@dataclass
class ParsedFile:
    name: str
    data: object = None
    root: yaml.Node | None = None
    errors: list[PlanError] = field(default_factory=list)


def parse_text(text: str, name: str = "") -> ParsedFile:
    """Parse YAML (JSON is YAML too). Syntax errors and duplicate keys become PlanErrors."""
    parsed = ParsedFile(name=name)
    try:
        parsed.root = yaml.compose(text, Loader=_Loader)
        parsed.data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        # An unclosed quote is found far below; point at where the quoted text starts.
        quoted = (exc.context or "").startswith("while scanning a quoted scalar")
        mark = (exc.context_mark if quoted else None) or exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        parsed.errors.append(
            PlanError(
                line,
                "",
                _("het bestand is geen geldige YAML: %(problem)s")
                % {"problem": exc.problem or exc.context or str(exc)},
                name,
            )
        )
        return parsed
    except yaml.YAMLError as exc:
        parsed.errors.append(
            PlanError(1, "", _("het bestand is geen geldige YAML: %(e)s") % {"e": exc}, name)
        )
        return parsed
    if parsed.root is not None:
        _check_duplicate_keys(parsed.root, "", parsed)
    if not isinstance(parsed.data, dict):
        parsed.errors.append(
            PlanError(1, "", _("het bestand moet een plan (een YAML-mapping) bevatten"), name)
        )
    return parsed


def parse_file(path: Path | str) -> ParsedFile:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return ParsedFile(
            name=str(path), errors=[PlanError(0, "", _("bestand bestaat niet"), str(path))]
        )
    except UnicodeDecodeError:
        return ParsedFile(
            name=str(path), errors=[PlanError(1, "", _("bestand is geen UTF-8-tekst"), str(path))]
        )
    return parse_text(text, str(path))


def _join(path: str, part) -> str:
    if isinstance(part, int):
        return f"{path}[{part}]"
    return f"{path}.{part}" if path else str(part)


def _check_duplicate_keys(node: yaml.Node, path: str, parsed: ParsedFile) -> None:
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                parsed.errors.append(
                    PlanError(
                        key_node.start_mark.line + 1,
                        _join(path, key),
                        _("veld '%(key)s' staat twee keer in dezelfde lijst") % {"key": key},
                        parsed.name,
                    )
                )
            seen.add(key)
            _check_duplicate_keys(value_node, _join(path, key), parsed)
    elif isinstance(node, yaml.SequenceNode):
        for i, child in enumerate(node.value):
            _check_duplicate_keys(child, _join(path, i), parsed)


def _node_at(root: yaml.Node | None, parts) -> tuple[yaml.Node | None, yaml.Node | None]:
    """(value node, key node) at a path; the deepest existing node if the path runs out."""
    node, key_node = root, None
    for part in parts:
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if k.value == str(part)), None)
            if match is None:
                break
            key_node, node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                break
            node, key_node = node.value[part], None
        else:
            break
    return node, key_node


def line_of(root: yaml.Node | None, parts, key: bool = False) -> int:
    node, key_node = _node_at(root, list(parts))
    target = key_node if (key and key_node is not None) else node
    if target is None:
        return 1
    return target.start_mark.line + 1


def path_text(parts) -> str:
    text = ""
    for part in parts:
        text = _join(text, part)
    return text


# --- Schema validation ----------------------------------------------------------------------
@cache
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _validator():
    cls = jsonschema.validators.validator_for(schema())
    return cls(schema(), format_checker=cls.FORMAT_CHECKER)


_TYPE_NL = {
    "string": "tekst",
    "integer": "geheel getal",
    "number": "getal",
    "object": "een mapping (velden)",
    "array": "een lijst",
    "boolean": "true of false",
    "null": "leeg (null)",
}


def _describe(value) -> str:
    if value is None:
        return _("leeg (null)")
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, int | float):
        return _("getal %(v)s") % {"v": value}
    if isinstance(value, str):
        return _("tekst %(v)r") % {"v": value[:60]}
    if isinstance(value, list):
        return _("een lijst")
    if isinstance(value, dict):
        return _("een mapping")
    return repr(value)


def _pick(error):
    """For oneOf/anyOf, the most telling sub-error: not a mere type or const mismatch."""
    if error.validator in ("oneOf", "anyOf") and error.context:
        telling = [e for e in error.context if e.validator not in ("type", "const")]
        if telling:
            return _pick(sorted(telling, key=lambda e: -len(e.absolute_path))[0])
        return error
    return error


def _schema_message(error) -> tuple[list, str, bool]:
    """(path parts, Dutch message, point at key?) for a jsonschema error."""
    error = _pick(error)
    parts = list(error.absolute_path)
    v, value, arg = error.validator, error.instance, error.validator_value
    if v == "required":
        missing = [name for name in arg if not isinstance(value, dict) or name not in value]
        name = missing[0] if missing else "?"
        # the line is the enclosing mapping's (line_of stops at the deepest existing node)
        return [*parts, name], _("verplicht veld '%(name)s' ontbreekt") % {"name": name}, False
    if v == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        extra = [k for k in value if k not in allowed] if isinstance(value, dict) else []
        name = extra[0] if extra else "?"
        return (
            [*parts, name],
            _("onbekend veld '%(name)s' (zie docs/plan-format.md)") % {"name": name},
            True,
        )
    if v == "enum" and len(parts) >= 2 and parts[-2] == "partners":
        return (
            parts,
            _(
                "onbekende partner %(value)r; bekende partnercodes staan in "
                "src/kompas/core/data/partners.yaml"
            )
            % {"value": value},
            False,
        )
    if v == "enum":
        return (
            parts,
            _("%(value)s is geen toegestane waarde; kies uit: %(choices)s")
            % {"value": _describe(value), "choices": ", ".join(str(c) for c in arg)},
            False,
        )
    if v == "const":
        return parts, _("moet %(c)s zijn") % {"c": json.dumps(arg)}, False
    if v == "type":
        types = arg if isinstance(arg, list) else [arg]
        return (
            parts,
            _("verwacht %(want)s, maar dit is %(got)s")
            % {"want": " of ".join(_TYPE_NL.get(t, t) for t in types), "got": _describe(value)},
            False,
        )
    if v == "format" and arg == "date":
        return parts, _("%(v)r is geen bestaande datum") % {"v": value}, False
    if v == "pattern":
        if arg == "\\S":
            return parts, _("mag niet leeg zijn"), False
        if "[0-9]{4}-[0-9]{2}-[0-9]{2}" in arg:
            return parts, _("%(v)r is geen datum in de vorm JJJJ-MM-DD") % {"v": value}, False
        if arg.startswith("^[a-z0-9]"):
            return (
                parts,
                _("%(v)r mag alleen kleine letters, cijfers, '-' en '_' bevatten") % {"v": value},
                False,
            )
        if arg.startswith("^GM"):
            return parts, _("%(v)r is geen CBS-gemeentecode zoals GM0074") % {"v": value}, False
        return (
            parts,
            _("%(v)r heeft niet de juiste vorm (%(p)s)") % {"v": value, "p": arg},
            False,
        )
    if v == "minLength":
        return parts, _("mag niet leeg zijn"), False
    if v == "maxLength":
        return parts, _("is te lang (hoogstens %(n)s tekens)") % {"n": arg}, False
    if v == "minimum":
        return parts, _("moet minstens %(n)s zijn") % {"n": arg}, False
    if v == "maximum":
        return parts, _("mag hoogstens %(n)s zijn") % {"n": arg}, False
    if v == "minItems":
        return parts, _("moet minstens %(n)s onderdeel bevatten") % {"n": arg}, False
    if v == "uniqueItems":
        return parts, _("bevat een waarde twee keer"), False
    if v == "not":
        if isinstance(arg, dict) and "required" in arg:
            name = arg["required"][0]
            return (
                [*parts, name],
                _("veld '%(name)s' hoort hier niet (zie docs/plan-format.md)") % {"name": name},
                True,
            )
    return parts, _("ongeldige waarde: %(m)s") % {"m": error.message}, False


def schema_errors(parsed: ParsedFile) -> list[PlanError]:
    errors = []
    for error in _validator().iter_errors(parsed.data):
        parts, message, at_key = _schema_message(error)
        errors.append(
            PlanError(
                line_of(parsed.root, parts, key=at_key), path_text(parts), message, parsed.name
            )
        )
    return sorted(set(errors))


# --- Semantic validation ---------------------------------------------------------------------
@dataclass
class KnownCodes:
    partners: set[str]
    partnerships: dict[str, set[str]]  # code -> member gemeente codes
    municipalities: set[str]


def _action_identity(entry: dict) -> str:
    if entry.get("key"):
        return f"key:{entry['key']}"
    return f"{entry.get('priority')}|{str(entry.get('title', '')).strip().casefold()}"


def semantic_errors(parsed: ParsedFile, known: KnownCodes) -> list[PlanError]:
    doc, root, name = parsed.data, parsed.root, parsed.name
    errors: list[PlanError] = []

    def err(parts, message, key=False):
        errors.append(PlanError(line_of(root, parts, key=key), path_text(parts), message, name))

    if doc.get("gemeente") not in known.municipalities:
        err(
            ["gemeente"],
            _("gemeente %(code)s is onbekend in deze installatie") % {"code": doc.get("gemeente")},
        )

    def check_period(parts, period):
        if period["end"] < period["start"]:
            err(
                [*parts, "end"],
                _("einddatum %(end)s ligt vóór begindatum %(start)s")
                % {"end": period["end"], "start": period["start"]},
            )

    check_period(["period"], doc["period"])
    previous_end = doc["period"]["end"]
    for i, ext in enumerate(doc.get("extensions") or []):
        if ext["new_end"] <= previous_end:
            err(
                ["extensions", i, "new_end"],
                _("nieuwe einddatum %(new)s ligt niet na de vorige einddatum %(end)s")
                % {"new": ext["new_end"], "end": previous_end},
            )
        previous_end = max(previous_end, ext["new_end"])

    def check_partners(parts, codes):
        for j, code in enumerate(codes or []):
            if code not in known.partners:
                err(
                    [*parts, j],
                    _(
                        "onbekende partner %(code)r; bekende partnercodes staan in "
                        "src/kompas/core/data/partners.yaml"
                    )
                    % {"code": code},
                )

    numbers: dict[int, int] = {}
    goal_codes: dict[str, list] = {}
    for i, priority in enumerate(doc.get("priorities") or []):
        number = priority["number"]
        if number in numbers:
            err(
                ["priorities", i, "number"],
                _("prioriteit %(n)s staat twee keer in het plan (ook op plek %(j)s)")
                % {"n": number, "j": numbers[number]},
            )
        numbers.setdefault(number, i)
        check_partners(["priorities", i, "partners"], priority.get("partners"))
        for g, goal in enumerate(priority.get("goals") or []):
            code = goal.get("code")
            if code and code in goal_codes:
                err(
                    ["priorities", i, "goals", g, "code"],
                    _("doelcode %(c)s komt twee keer voor") % {"c": code},
                )
            if code:
                goal_codes.setdefault(code, ["priorities", i, "goals", g])

    for i, partnership in enumerate(doc.get("partnerships") or []):
        check_partners(["partnerships", i, "partners"], partnership.get("partners"))

    def check_priority_ref(parts, number):
        if number is not None and number not in numbers:
            err(parts, _("prioriteit %(n)s bestaat niet in dit plan") % {"n": number})

    plan_keys: dict[str, int] = {}
    for i, ep in enumerate(doc.get("execution_plans") or []):
        if ep["key"] in plan_keys:
            err(
                ["execution_plans", i, "key"],
                _("uitvoeringsplan %(k)r staat twee keer in het plan") % {"k": ep["key"]},
            )
        plan_keys.setdefault(ep["key"], i)
        check_period(["execution_plans", i, "period"], ep["period"])
        if ep["period"]["start"] < doc["period"]["start"] or ep["period"]["end"] > max(
            [doc["period"]["end"], *[e["new_end"] for e in doc.get("extensions") or []]]
        ):
            err(
                ["execution_plans", i, "period"],
                _("het uitvoeringsplan ligt (deels) buiten de looptijd van het plan"),
            )
        check_priority_ref(["execution_plans", i, "priority"], ep.get("priority"))

    seen_actions: dict[str, int] = {}
    for i, action in enumerate(doc.get("actions") or []):
        check_priority_ref(["actions", i, "priority"], action["priority"])
        if action["execution_plan"] not in plan_keys:
            err(
                ["actions", i, "execution_plan"],
                _("uitvoeringsplan %(k)r bestaat niet in dit plan; bekend: %(known)s")
                % {"k": action["execution_plan"], "known": ", ".join(plan_keys) or "-"},
            )
        check_partners(["actions", i, "partners"], action.get("partners"))
        if action.get("start") and action.get("due") and action["due"] < action["start"]:
            err(
                ["actions", i, "due"],
                _("einddatum %(due)s ligt vóór startdatum %(start)s")
                % {"due": action["due"], "start": action["start"]},
            )
        ident = _action_identity(action)
        if ident in seen_actions:
            err(
                ["actions", i, "key" if action.get("key") else "title"],
                _("deze actie staat twee keer in het plan (ook op plek %(j)s)")
                % {"j": seen_actions[ident]},
            )
        seen_actions.setdefault(ident, i)

    norm_codes: dict[str, int] = {}
    for i, norm in enumerate(doc.get("norms") or []):
        if norm["code"] in norm_codes:
            err(
                ["norms", i, "code"],
                _("normcode %(c)r komt twee keer voor") % {"c": norm["code"]},
            )
        norm_codes.setdefault(norm["code"], i)
        check_priority_ref(["norms", i, "priority"], norm.get("priority"))
        if norm.get("partnership"):
            members = known.partnerships.get(norm["partnership"])
            if members is None:
                err(
                    ["norms", i, "partnership"],
                    _("samenwerkingsverband %(c)r is onbekend; bekend: %(known)s")
                    % {"c": norm["partnership"], "known": ", ".join(sorted(known.partnerships))},
                )
            elif members and doc.get("gemeente") not in members:
                err(
                    ["norms", i, "partnership"],
                    _("gemeente %(g)s neemt niet deel aan samenwerkingsverband %(c)r")
                    % {"g": doc.get("gemeente"), "c": norm["partnership"]},
                )
    themes: set[str] = set()
    for i, theme in enumerate(doc.get("themes") or []):
        if theme["title"] in themes:
            err(
                ["themes", i, "title"],
                _("thema %(t)r staat twee keer in het plan") % {"t": theme["title"]},
            )
        themes.add(theme["title"])

    indicators: set[str] = set()
    for i, indicator in enumerate(doc.get("indicators") or []):
        code = indicator["code"]
        if code in indicators:
            err(
                ["indicators", i, "code"],
                _("indicatorcode %(c)r komt twee keer voor") % {"c": code},
            )
        indicators.add(code)
        if code.split(":", 1)[0] != indicator["source"]:
            err(
                ["indicators", i, "code"],
                _("de code moet beginnen met de bron %(s)r") % {"s": indicator["source"]},
            )
        check_priority_ref(["indicators", i, "priority"], indicator.get("priority"))

    goals_by_priority = {
        p["number"]: {g.get("code") for g in p.get("goals") or []}
        | {g["text"] for g in p.get("goals") or []}
        for p in doc.get("priorities") or []
    }
    term_end = max([doc["period"]["end"], *[e["new_end"] for e in doc.get("extensions") or []]])
    target_codes: set[str] = set()
    for i, target in enumerate(doc.get("targets") or []):
        if target["code"] in target_codes:
            err(
                ["targets", i, "code"],
                _("streefwaardecode %(c)r komt twee keer voor") % {"c": target["code"]},
            )
        target_codes.add(target["code"])
        check_priority_ref(["targets", i, "priority"], target.get("priority"))
        if target["indicator"] not in indicators:
            err(
                ["targets", i, "indicator"],
                _("indicator %(c)r staat niet in dit plan") % {"c": target["indicator"]},
            )
        if target["priority"] in numbers and target["goal"] not in goals_by_priority.get(
            target["priority"], set()
        ):
            err(
                ["targets", i, "goal"],
                _("doel %(g)r is geen doel (code of tekst) van prioriteit %(n)s")
                % {"g": target["goal"], "n": target["priority"]},
            )
        if not (doc["period"]["start"] <= target["deadline"] <= term_end):
            err(["targets", i, "deadline"], _("de datum ligt buiten de looptijd van het plan"))
        rule = target["rule"]
        if rule["kind"] == "band" and rule["min"] > rule["max"]:
            err(["targets", i, "rule", "min"], _("min is groter dan max"))
        if rule["kind"] == "relative_to_region" and rule["reference_region"] == target["region"]:
            err(
                ["targets", i, "rule", "reference_region"],
                _("een gebied kan niet met zichzelf worden vergeleken"),
            )
    for i, observation in enumerate(doc.get("observations") or []):
        if observation["indicator"] not in indicators:
            err(
                ["observations", i, "indicator"],
                _("indicator %(c)r staat niet in dit plan") % {"c": observation["indicator"]},
            )
    return sorted(set(errors))


def validate(parsed: ParsedFile, known: KnownCodes) -> list[PlanError]:
    """All errors of a parsed file: syntax, schema, then (if the shape is right) semantics."""
    if parsed.errors:
        return sorted(parsed.errors)
    errors = schema_errors(parsed)
    if errors:
        return errors
    return semantic_errors(parsed, known)


# --- Canonical document ---------------------------------------------------------------------
def _resolve(sub: dict) -> dict:
    while "$ref" in sub:
        name = sub["$ref"].split("/")[-1]
        rest = {k: v for k, v in sub.items() if k != "$ref"}
        sub = {**schema()["$defs"][name], **rest}
    return sub


def _order(value, sub: dict):
    sub = _resolve(sub)
    if isinstance(value, dict):
        branches = sub.get("oneOf") or sub.get("anyOf")
        if branches and "properties" not in sub:
            for branch in branches:
                branch = _resolve(branch)
                if branch.get("type") == "object" or "properties" in branch:
                    props = branch.get("properties", {})
                    kind = props.get("kind", {}).get("const")
                    if kind is None or value.get("kind") == kind:
                        return _order(value, branch)
            return dict(sorted(value.items()))
        props = sub.get("properties", {})
        ordered = {k: _order(value[k], props[k]) for k in props if k in value}
        ordered.update({k: value[k] for k in sorted(value) if k not in props})
        return ordered
    if isinstance(value, list):
        items = sub.get("items")
        if items is None:
            for branch in sub.get("oneOf") or []:
                branch = _resolve(branch)
                if "items" in branch:
                    items = branch["items"]
                    break
        return [_order(v, items or {}) for v in value]
    return value


def canonical(doc: dict) -> dict:
    """The document with keys in schema order (so export reads like the format description)."""
    return _order(copy.deepcopy(doc), schema())


def digest(doc: dict) -> str:
    text = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def to_json(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def to_yaml(doc: dict) -> str:
    return yaml.safe_dump(
        doc, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False
    )


# --- Differences -----------------------------------------------------------------------------
def text_diff(old: dict | None, new: dict, old_label: str, new_label: str) -> str:
    old_lines = to_yaml(old).splitlines() if old is not None else []
    return "\n".join(
        difflib.unified_diff(
            old_lines, to_yaml(new).splitlines(), old_label, new_label, lineterm="", n=2
        )
    )


_KEYED_LISTS = {
    "priorities": ("number", _("prioriteit")),
    "norms": ("code", _("norm")),
    "execution_plans": ("key", _("uitvoeringsplan")),
    "themes": ("title", _("thema")),
    "indicators": ("code", _("indicator")),
    "targets": ("code", _("streefwaarde")),
}


def change_summary(old: dict | None, new: dict) -> list[str]:
    """Readable list of what changed, e.g. 'prioriteit 2: veld ambition gewijzigd'."""
    if old is None:
        return [_("eerste versie")]
    lines = []
    for key in list(new) + [k for k in old if k not in new]:
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        if key == "actions":
            b = {_action_identity(a): a for a in before or []}
            a = {_action_identity(x): x for x in after or []}
            for ident, entry in a.items():
                if ident not in b:
                    lines.append(_("actie toegevoegd: %(t)s") % {"t": entry["title"]})
                elif b[ident] != entry:
                    lines.append(_("actie gewijzigd: %(t)s") % {"t": entry["title"]})
            for ident, entry in b.items():
                if ident not in a:
                    lines.append(_("actie verwijderd: %(t)s") % {"t": entry["title"]})
            continue
        if key in _KEYED_LISTS and isinstance(before, list) and isinstance(after, list):
            id_field, label = _KEYED_LISTS[key]
            b = {str(x.get(id_field)): x for x in before}
            a = {str(x.get(id_field)): x for x in after}
            for ident, entry in a.items():
                if ident not in b:
                    lines.append(_("%(label)s %(id)s toegevoegd") % {"label": label, "id": ident})
                elif b[ident] != entry:
                    fields = sorted(
                        f for f in set(entry) | set(b[ident]) if entry.get(f) != b[ident].get(f)
                    )
                    lines.append(
                        _("%(label)s %(id)s: %(fields)s gewijzigd")
                        % {"label": label, "id": ident, "fields": ", ".join(fields)}
                    )
            for ident in b:
                if ident not in a:
                    lines.append(_("%(label)s %(id)s verwijderd") % {"label": label, "id": ident})
            continue
        if before is None:
            lines.append(_("veld %(k)s toegevoegd") % {"k": key})
        elif after is None:
            lines.append(_("veld %(k)s verwijderd") % {"k": key})
        else:
            lines.append(_("veld %(k)s gewijzigd") % {"k": key})
    return lines
