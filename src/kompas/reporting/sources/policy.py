# SPDX-License-Identifier: EUPL-1.2
"""Reads of policy: the plan in force, its actions with their status at a date, its norms and
the event register; and the one write, registering a sent report as an event."""

from __future__ import annotations

from datetime import date

from kompas.policy.selectors import action_list, event_list, norm_status_list
from kompas.policy.selectors import plan_current as _plan_current
from kompas.policy.services import event_register as _event_register

from ._lookup import _iso


def _plan(*, municipality, on: date | None = None):
    return _plan_current(municipality=municipality, on=on)


def plan_current(*, municipality, on: date | None = None) -> dict | None:
    """The plan in force on `on` with priorities, goals and themes, or None."""
    plan = _plan(municipality=municipality, on=on)
    if plan is None:
        return None
    priorities = []
    for p in plan.priorities.all().order_by("number"):
        priorities.append(
            {
                "number": p.number,
                "title": p.title,
                "ambition": p.ambition,
                "introduction": p.introduction,
                "goals": [
                    {"code": g.code, "text": g.text} for g in p.goals.all().order_by("position")
                ],
                "means": _means_titles(p.means),
                "partners": list(p.partners or []),
                "partners_text": p.partners_text,
                "approach": _approach(p.approach),
            }
        )
    return {
        "short_name": plan.short_name,
        "title": plan.title,
        "period_start": _iso(plan.period_start),
        "period_end": _iso(plan.effective_end),
        "status": plan.get_status_display(),
        "adopted_on": _iso(plan.adopted_on),
        "priorities": priorities,
        "themes": [
            {"title": t.title, "description": t.description}
            for t in plan.themes.all().order_by("position")
        ],
    }


def _approach(approach) -> dict:
    """The plan's 'aanpak' of a priority: its introduction and the items of all groups."""
    approach = approach if isinstance(approach, dict) else {}
    items = []
    for group in approach.get("groups") or []:
        for item in (group or {}).get("items") or []:
            items.append(str(item.get("text", item)) if isinstance(item, dict) else str(item))
    return {"intro": str(approach.get("intro") or ""), "items": items}


def _means_titles(means) -> list[str]:
    out = []
    for m in means or []:
        if isinstance(m, dict):
            out.append(str(m.get("title") or m.get("text") or ""))
        else:
            out.append(str(m))
    return [m for m in out if m]


def actions(*, municipality, on: date) -> list[dict] | None:
    """The actions of the plan in force on `on`, with their updates up to `on` and their
    status at the end of `on` (see `_status_on`), so a report about a past period shows the
    state of that period, not today's. None without a plan in force."""
    plan = _plan(municipality=municipality, on=on)
    if plan is None:
        return None
    rows = []
    actions_qs = action_list(municipality=municipality, plan=plan)
    for a in actions_qs.prefetch_related("updates", "status_changes"):
        updates = sorted(
            (u for u in a.updates.all() if u.date <= on),
            key=lambda u: (u.date, u.id),
            reverse=True,
        )
        latest = updates[0] if updates else None
        status = _status_on(a, latest, on)
        rows.append(
            {
                "priority_number": a.priority.number if a.priority_id else None,
                "title": a.title,
                "status": status,
                "status_label": str(dict(a._meta.get_field("status").choices).get(status, status)),
                "owner": a.owner,
                "start": _iso(a.start),
                "due": _iso(a.due),
                "execution_plan": a.execution_plan.title if a.execution_plan_id else "",
                "updates": [
                    {
                        "date": _iso(u.date),
                        "text": u.text,
                        "status": u.status,
                        "status_label": u.get_status_display(),
                    }
                    for u in updates
                ],
                "latest_update": None
                if latest is None
                else {
                    "date": _iso(latest.date),
                    "text": latest.text,
                    "status_label": latest.get_status_display(),
                },
            }
        )
    return rows


def _status_on(action, latest, on: date) -> str:
    """An action's status at the end of `on`. Today or later: its status now. Before that,
    from policy's status history (ActionStatusChange: every change with its date, from
    progress updates, edits and the plan file), when it has one: the status the latest change
    up to `on` set (a progress update without a history row, from before the history, on a
    later day wins); else, unless it starts after `on` ('gepland'), the status the first
    change after `on` left (its initial status for the row of its creation). Without rows:
    the latest progress update up to `on`; an action that starts after `on` was 'gepland';
    one whose status comes from updates after `on` was 'lopend' once started, else 'gepland';
    an action that never had an update keeps the status it was entered with."""
    from django.utils import timezone

    if on >= timezone.localdate():
        return action.status
    changes = sorted(action.status_changes.all(), key=lambda c: (c.date, c.id))
    known = [c for c in changes if c.date <= on]
    if known and (latest is None or known[-1].date >= latest.date):
        return known[-1].new_status
    if latest is not None:
        return latest.status
    if action.start and action.start > on:
        return "gepland"
    after = [c for c in changes if c.date > on]
    if after:  # before its first change it had that change's old (or initial) status
        return after[0].old_status or after[0].new_status
    if action.start and action.start > on:
        return "gepland"
    if any(u.date > on for u in action.updates.all()):
        return "lopend" if action.start else "gepland"
    return action.status


def norms(*, municipality, on: date) -> list[dict]:
    """Every norm of the plan in force on `on` with required, done and status on `on`."""
    rows = []
    for s in norm_status_list(municipality=municipality, on=on):
        norm = _get(s, "norm")
        state = _get(s, "state") or _get(s, "status")
        priority = getattr(norm, "priority", None) if norm is not None else None
        rows.append(
            {
                "code": getattr(norm, "code", "") if norm is not None else _get(s, "code"),
                "title": getattr(norm, "title", "") if norm is not None else _get(s, "title"),
                "priority_number": getattr(priority, "number", None),
                "required": _get(s, "required"),
                "done": _get(s, "done"),
                "remaining": _get(s, "remaining"),
                "status": str(state or ""),
                "status_label": str(_get(s, "state_label") or state or ""),
                "period_label": str(_get(s, "period_label") or ""),
                "next_due": _iso(_get(s, "next_due")),
            }
        )
    return rows


def events(*, municipality, kinds: list[str] | None, start: date, end: date) -> list[dict]:
    """Events (of the given kinds, or all) in the register between start and end."""
    out = []
    for e in event_list(municipality=municipality).filter(date__gte=start, date__lte=end):
        if kinds is None or e.kind in kinds:
            out.append(
                {
                    "date": _iso(e.date),
                    "kind": e.kind,
                    "kind_label": e.get_kind_display(),
                    "title": e.title,
                }
            )
    return sorted(out, key=lambda r: r["date"])


def event_register(
    *,
    kind: str,
    on: date,
    title: str,
    municipality,
    source_id: str,
    counts_for: date | None = None,
    by=None,
) -> None:
    """Register a sent report in the policy event register (idempotent per source_id); it
    counts in the norm period of `counts_for` (the report's last day) when given."""
    _event_register(
        kind=kind,
        date=on,
        counts_for=counts_for,
        title=title,
        municipality=municipality,
        source_type="reporting.report",
        source_id=str(source_id),
        by=by,
    )


def _get(obj, name):
    if isinstance(obj, dict):
        return obj.get(name)
    return getattr(obj, name, None)
