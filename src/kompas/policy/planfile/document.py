# SPDX-License-Identifier: EUPL-1.2
"""The canonical document (keys in schema order), its digest and text forms, and the
difference between two documents (unified diff and a readable change summary)."""

import copy
import difflib
import hashlib
import json

import yaml
from django.utils.translation import gettext as _

from .schema import schema
from .semantics import _action_identity


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


def _action_changes(before, after) -> list[str]:
    b = {_action_identity(a): a for a in before or []}
    a = {_action_identity(x): x for x in after or []}
    lines = []
    for ident, entry in a.items():
        if ident not in b:
            lines.append(_("actie toegevoegd: %(t)s") % {"t": entry["title"]})
        elif b[ident] != entry:
            lines.append(_("actie gewijzigd: %(t)s") % {"t": entry["title"]})
    for ident, entry in b.items():
        if ident not in a:
            lines.append(_("actie verwijderd: %(t)s") % {"t": entry["title"]})
    return lines


def _keyed_list_changes(key: str, before: list, after: list) -> list[str]:
    id_field, label = _KEYED_LISTS[key]
    b = {str(x.get(id_field)): x for x in before}
    a = {str(x.get(id_field)): x for x in after}
    lines = []
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
    return lines


def _field_change(key: str, before, after) -> list[str]:
    if key == "actions":
        return _action_changes(before, after)
    if key in _KEYED_LISTS and isinstance(before, list) and isinstance(after, list):
        return _keyed_list_changes(key, before, after)
    if before is None:
        return [_("veld %(k)s toegevoegd") % {"k": key}]
    if after is None:
        return [_("veld %(k)s verwijderd") % {"k": key}]
    return [_("veld %(k)s gewijzigd") % {"k": key}]


def change_summary(old: dict | None, new: dict) -> list[str]:
    """Readable list of what changed, e.g. 'prioriteit 2: veld ambition gewijzigd'."""
    if old is None:
        return [_("eerste versie")]
    lines = []
    for key in list(new) + [k for k in old if k not in new]:
        before, after = old.get(key), new.get(key)
        if before != after:
            lines.extend(_field_change(key, before, after))
    return lines
