# SPDX-License-Identifier: EUPL-1.2
"""Errors with file, line and field; YAML loading with line numbers kept; field paths."""

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.utils.translation import gettext as _


# --- Errors ----------------------------------------------------------------------------------
@dataclass(frozen=True, order=True)
class PlanError:
    line: int
    field: str
    message: str
    file: str = ""
    column: int = 0

    def __str__(self) -> str:
        where = _("%(file)s, regel %(line)s") % {"file": self.file or "-", "line": self.line}
        if self.column:
            where += ", " + _("kolom %(column)s") % {"column": self.column}
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


def _load(text: str):
    """The document as plain data, read with the (safe) _Loader."""
    loader = _Loader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


# (text in the parser's problem or context, Dutch explanation); the first match wins.
_SYNTAX_HINTS = [
    (
        "'\\t'",
        "er staat een tab; spring in met spaties, niet met tabs",
    ),
    (
        "while scanning a quoted scalar",
        "een aanhalingsteken wordt hier geopend maar niet gesloten",
    ),
    (
        "could not find expected ':'",
        "er ontbreekt een dubbele punt (':') tussen veldnaam en waarde",
    ),
    (
        "mapping values are not allowed here",
        "onverwachte dubbele punt: verkeerd ingesprongen, of een waarde met ':' "
        "staat niet tussen aanhalingstekens",
    ),
    (
        "expected <block end>",
        "verkeerd ingesprongen: deze regel springt niet even ver in als de regels ervoor",
    ),
    (
        "did not find expected key",
        "verkeerd ingesprongen: deze regel springt niet even ver in als de regels ervoor",
    ),
    (
        "did not find expected '-' indicator",
        "verkeerd ingesprongen: dit onderdeel van de lijst begint niet met '-' op de juiste plek",
    ),
]


def _unclosed_quote(text: str, exc: yaml.MarkedYAMLError, name: str) -> PlanError | None:
    """A quote left open mid-file swallows the next lines, so the parser reports a later line;
    point at the first line before the problem with an odd number of double quotes."""
    mark = exc.problem_mark
    if mark is None:
        return None
    for number, line in enumerate(text.splitlines()[: mark.line], start=1):
        if line.lstrip().startswith("#") or line.replace('\\"', "").count('"') % 2 == 0:
            continue
        message = _("het bestand is geen geldige YAML: %(hint)s") % {
            "hint": _("een aanhalingsteken wordt hier geopend maar niet gesloten")
        }
        return PlanError(number, "", message, name, line.index('"') + 1)
    return None


def _syntax_error(exc: yaml.MarkedYAMLError, name: str) -> PlanError:
    """A YAML syntax error as a PlanError with line, column and a Dutch explanation."""
    text = f"{exc.problem or ''} {exc.context or ''}"
    hint = next((h for needle, h in _SYNTAX_HINTS if needle in text), None)
    # An unclosed quote is found far below; point at where the quoted text starts.
    # A missing colon is found on the next line; point at the key it belongs to.
    quoted = (exc.context or "").startswith(
        ("while scanning a quoted scalar", "while scanning a simple key")
    )
    mark = (exc.context_mark if quoted else None) or exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 0)
    if hint is None:
        message = _("het bestand is geen geldige YAML (%(problem)s)") % {
            "problem": (exc.problem or exc.context or str(exc)).strip()
        }
    else:
        message = _("het bestand is geen geldige YAML: %(hint)s") % {"hint": _(hint)}
    return PlanError(line, "", message, name, column)


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
        parsed.data = _load(text)
    except yaml.MarkedYAMLError as exc:
        parsed.errors.append(_unclosed_quote(text, exc, name) or _syntax_error(exc, name))
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
