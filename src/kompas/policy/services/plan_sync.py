# SPDX-License-Identifier: EUPL-1.2
"""Writing a validated plan document into the models, one section at a time, and the action
entry format that links file entries to actions across versions."""

from django.utils import timezone
from django.utils.translation import gettext as _

from kompas.core.models import Partnership

from .. import planfile
from ..constants import ACTION_FILE_FIELDS, ActionOrigin, ActionStatus, NormScope
from ..models import (
    Action,
    ActionUpdate,
    ExecutionPlan,
    Goal,
    Norm,
    Plan,
    PlanExtension,
    Priority,
    Theme,
)
from ..planfile import PlanError, PlanFileError
from ._common import parse_date as _date
from ._common import save as _save
from .actions import status_change_record

ACTION_FIELDS = ACTION_FILE_FIELDS  # the old name, kept for callers
_ACTION_DEFAULTS = {
    "key": "",
    "description": None,
    "owner": None,
    "partners": [],
    "start": None,
    "due": None,
}


def action_entry_normal(entry: dict) -> dict:
    """An action entry with every optional field filled, for comparing."""
    return {
        f: entry.get(f, _ACTION_DEFAULTS.get(f)) or _ACTION_DEFAULTS.get(f) for f in ACTION_FIELDS
    }


def action_entry(action: Action) -> dict:
    """The action in the plan-file format. An action still as it came from the file is
    written back exactly as the file had it (so export -> import is lossless)."""
    entry = {
        "key": action.key,
        "priority": action.priority.number,
        "execution_plan": action.execution_plan.key,
        "title": action.title,
        "description": action.description or None,
        "owner": action.owner or None,
        "partners": list(action.partners),
        "start": action.start.isoformat() if action.start else None,
        "due": action.due.isoformat() if action.due else None,
        "status": action.status,
    }
    if action.source_entry and action_entry_normal(action.source_entry) == action_entry_normal(
        entry
    ):
        return action.source_entry
    return {k: v for k, v in entry.items() if v not in (None, "", [])}


def action_identity(action: Action) -> str:
    return planfile._action_identity(
        {"key": action.key, "priority": action.priority.number, "title": action.title}
    )


def plan_error(parsed, parts, message) -> PlanError:
    return PlanError(
        planfile.line_of(parsed.root, parts), planfile.path_text(parts), message, parsed.name
    )


def plan_sync(parsed, doc: dict, municipality, plan: Plan | None, previous: dict | None) -> Plan:
    """Create or update the plan and everything in it from a validated document."""
    plan = _plan_fields_sync(doc, municipality, plan or Plan(municipality=municipality))
    _extensions_sync(plan, doc)
    priorities, seen = _priorities_sync(plan, doc)
    _themes_sync(plan, doc)
    exec_plans, exec_seen = _execution_plans_sync(plan, doc, priorities)
    _actions_sync(doc, plan, priorities, exec_plans, previous)
    _remove_missing(parsed, priorities, seen, "priorities", _prio_in_use_message)
    _remove_missing(parsed, exec_plans, exec_seen, "execution_plans", _exec_in_use_message)
    _norms_sync(parsed, plan, doc, priorities)
    return plan


def _plan_fields_sync(doc: dict, municipality, plan: Plan) -> Plan:
    plan.short_name = doc["short_name"]
    plan.title = doc["title"]
    plan.period_start = _date(doc["period"]["start"])
    plan.period_end = _date(doc["period"]["end"])
    plan.adopted_on = _date(doc["adopted"]["date"])
    plan.adopted_by = doc["adopted"]["by"]
    plan.legal_basis = doc.get("legal_basis") or ""
    plan.status = doc["status"]
    plan.predecessor_name = doc.get("predecessor") or ""
    plan.predecessor = (
        Plan.objects.filter(municipality=municipality, short_name=plan.predecessor_name)
        .exclude(pk=plan.pk)
        .first()
        if plan.predecessor_name
        else None
    )
    plan.mission = doc.get("mission") or ""
    plan.vision = doc.get("vision") or ""
    plan.starting_points = doc.get("starting_points") or []
    _save(plan)
    Plan.objects.filter(
        municipality=municipality, predecessor_name=plan.short_name, predecessor__isnull=True
    ).exclude(pk=plan.pk).update(predecessor=plan)
    return plan


def _extensions_sync(plan: Plan, doc: dict) -> None:
    plan.extensions.all().delete()
    for ext in doc.get("extensions") or []:
        _save(
            PlanExtension(
                plan=plan,
                decided_on=_date(ext["decided_on"]),
                decided_by=ext.get("decided_by", ""),
                new_end=_date(ext["new_end"]),
                reason=ext["reason"],
            )
        )


def _priorities_sync(plan: Plan, doc: dict) -> tuple[dict[int, Priority], set[int]]:
    """Priorities by number, kept (actions point at them); goals replaced."""
    priorities = {p.number: p for p in plan.priorities.all()}
    seen = set()
    for entry in doc.get("priorities") or []:
        p = priorities.get(entry["number"]) or Priority(plan=plan, number=entry["number"])
        p.title = entry["title"]
        p.introduction = entry["introduction"]
        p.ambition = entry["ambition"]
        p.approach = entry.get("approach") or {}
        p.means_intro = entry.get("means_intro", "")
        p.means = entry.get("means") or []
        p.partners = entry.get("partners") or []
        p.partners_text = entry.get("partners_text", "")
        p.sections = entry.get("sections") or []
        _save(p)
        priorities[p.number] = p
        seen.add(p.number)
        p.goals.all().delete()
        for position, goal in enumerate(entry.get("goals") or []):
            _save(Goal(priority=p, code=goal.get("code", ""), text=goal["text"], position=position))
    return priorities, seen


def _themes_sync(plan: Plan, doc: dict) -> None:
    plan.themes.all().delete()
    for position, theme in enumerate(doc.get("themes") or []):
        _save(
            Theme(
                plan=plan,
                title=theme["title"],
                description=theme.get("description") or "",
                position=position,
            )
        )


def _execution_plans_sync(
    plan: Plan, doc: dict, priorities: dict[int, Priority]
) -> tuple[dict[str, ExecutionPlan], set[str]]:
    exec_plans = {e.key: e for e in plan.execution_plans.all()}
    exec_seen = set()
    for entry in doc.get("execution_plans") or []:
        e = exec_plans.get(entry["key"]) or ExecutionPlan(plan=plan, key=entry["key"])
        e.title = entry["title"]
        e.period_start = _date(entry["period"]["start"])
        e.period_end = _date(entry["period"]["end"])
        e.priority = priorities.get(entry.get("priority")) if entry.get("priority") else None
        _save(e)
        exec_plans[e.key] = e
        exec_seen.add(e.key)
    return exec_plans, exec_seen


def _prio_in_use_message(number, count) -> str:
    return _(
        "prioriteit %(n)s ontbreekt in dit bestand, maar heeft nog "
        "%(c)s actie(s); verplaats of verwijder die eerst"
    ) % {"n": number, "c": count}


def _exec_in_use_message(key, count) -> str:
    return _(
        "uitvoeringsplan %(k)r ontbreekt in dit bestand, maar heeft nog "
        "%(c)s actie(s); verplaats of verwijder die eerst"
    ) % {"k": key, "c": count}


def _remove_missing(parsed, objects: dict, seen: set, section: str, in_use_message) -> None:
    """Delete what the file no longer has; refuse if staff-entered actions still use it."""
    for key, obj in objects.items():
        if key in seen:
            continue
        if obj.actions.exists():
            raise PlanFileError(
                [plan_error(parsed, [section], in_use_message(key, obj.actions.count()))]
            )
        obj.delete()


def _norms_sync(parsed, plan: Plan, doc: dict, priorities: dict[int, Priority]) -> None:
    partnerships = {p.code: p for p in Partnership.objects.all()}
    norms = {n.code: n for n in plan.norms.all()}
    norm_seen = set()
    for position, entry in enumerate(doc.get("norms") or []):
        n = norms.get(entry["code"]) or Norm(plan=plan, code=entry["code"])
        n.title = entry["title"]
        n.required = entry["required"]
        n.qualifier = entry.get("qualifier", "minimaal")
        n.period = entry["period"]
        n.scope = entry["scope"]
        n.partnership = None
        if entry["scope"] == NormScope.PARTNERSHIP:
            n.partnership = partnerships.get(entry["partnership"])
            if n.partnership is None:
                raise PlanFileError(
                    [
                        plan_error(
                            parsed,
                            ["norms", position, "partnership"],
                            _("samenwerkingsverband %(c)r staat niet in deze installatie")
                            % {"c": entry["partnership"]},
                        )
                    ]
                )
        n.event_kind = entry["event_kind"]
        n.due_after_months = entry.get("due_after_months")
        n.priority = priorities.get(entry.get("priority")) if entry.get("priority") else None
        n.theme = entry.get("theme", "")
        n.source = entry["source"]
        n.position = position
        _save(n)
        norm_seen.add(n.code)
    for code, n in norms.items():
        if code not in norm_seen:
            n.delete()


def _action_apply(action: Action, entry: dict, position: int, priorities, exec_plans) -> None:
    action.key = entry.get("key", "")
    action.priority = priorities[entry["priority"]]
    action.execution_plan = exec_plans[entry["execution_plan"]]
    action.title = entry["title"]
    action.description = entry.get("description") or ""
    action.owner = entry.get("owner") or ""
    action.partners = entry.get("partners") or []
    action.start = _date(entry.get("start"))
    action.due = _date(entry.get("due"))
    old_status = action.status if action.pk else ""
    action.status = entry["status"]
    action.source_entry = entry
    action.position = position
    _save(action)
    status_change_record(action=action, old=old_status, new=action.status, via=_("planbestand"))


def _actions_sync(doc, plan, priorities, exec_plans, previous) -> None:
    """Three-way merge: a file entry that did not change since the previous version leaves
    the action (and what staff did to it) alone; a new or changed entry is applied; an action
    removed from the file is deleted, or set to 'vervallen' when it has updates."""
    prev_entries = {
        planfile._action_identity(e): action_entry_normal(e)
        for e in (previous or {}).get("actions") or []
    }
    existing = {
        action_identity(a): a for a in plan.actions.select_related("priority", "execution_plan")
    }
    new_idents = set()
    for position, entry in enumerate(doc.get("actions") or []):
        ident = planfile._action_identity(entry)
        new_idents.add(ident)
        action = existing.get(ident)
        if action is not None and prev_entries.get(ident) == action_entry_normal(entry):
            if action.position != position:
                action.position = position
                action.save(update_fields=["position"])
            continue
        action = action or Action(plan=plan, origin=ActionOrigin.FILE)
        _action_apply(action, entry, position, priorities, exec_plans)
    for ident, action in existing.items():
        if ident in new_idents or ident not in prev_entries or action.origin != ActionOrigin.FILE:
            continue
        _action_retire(action)


def _action_retire(action: Action) -> None:
    """An action the file no longer has: deleted, or 'vervallen' when it has updates."""
    if not action.updates.exists():
        action.delete()
        return
    status_change_record(
        action=action, old=action.status, new=ActionStatus.CANCELLED, via=_("planbestand")
    )
    action.status = ActionStatus.CANCELLED
    action.source_entry = None
    action.save(update_fields=["status", "source_entry"])
    _save(
        ActionUpdate(
            action=action,
            date=timezone.localdate(),
            text=_("Vervallen: de actie staat niet meer in het planbestand."),
            status=ActionStatus.CANCELLED,
        )
    )
