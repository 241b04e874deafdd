# SPDX-License-Identifier: EUPL-1.2
"""Writes of the policy app: plan import (versions, diff), actions and their updates, and the
event register that other apps feed."""

import importlib
import importlib.util
import logging
from dataclasses import dataclass, field
from datetime import date as date_type
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kompas.core.constants import AuditAction
from kompas.core.models import Municipality, PartnerOrganisation, Partnership
from kompas.core.services import DATA as CORE_DATA
from kompas.core.services import MUNICIPALITIES, PARTNERSHIPS, audit_log

from . import planfile
from .constants import ActionOrigin, ActionStatus, EventKind, NormScope, PlanStatus
from .models import (
    Action,
    ActionUpdate,
    Event,
    ExecutionPlan,
    Goal,
    Norm,
    Plan,
    PlanExtension,
    PlanVersion,
    Priority,
    Theme,
)
from .planfile import PlanError, PlanFileError

logger = logging.getLogger(__name__)


# --- Known codes -----------------------------------------------------------------------------
def known_codes() -> planfile.KnownCodes:
    """Codes a plan file may use: partners (partners.yaml and the database), partnerships
    with their member gemeenten, gemeenten of this installation (or the reference list)."""
    partners = {
        row["code"]
        for row in yaml.safe_load((CORE_DATA / "partners.yaml").read_text(encoding="utf-8"))
    }
    partners |= set(PartnerOrganisation.objects.values_list("code", flat=True))
    partnerships: dict[str, set[str]] = {code: set() for code, _n, _d in PARTNERSHIPS}
    for p in Partnership.objects.prefetch_related("members"):
        partnerships[p.code] = {m.code for m in p.members.all()}
    municipalities = {code for code, _n in MUNICIPALITIES}
    municipalities |= set(Municipality.objects.values_list("code", flat=True))
    return planfile.KnownCodes(partners, partnerships, municipalities)


def plan_file_validate(*, path: Path | str | None = None, text: str | None = None, name: str = ""):
    """(parsed file, errors). Reads only."""
    parsed = planfile.parse_file(path) if text is None else planfile.parse_text(text, name)
    return parsed, planfile.validate(parsed, known_codes())


# --- Import ----------------------------------------------------------------------------------
@dataclass
class PlanImportResult:
    plan: Plan
    version: PlanVersion
    created: bool = False  # a new plan
    changed: bool = False  # a new version
    summary: list[str] = field(default_factory=list)


ACTION_FIELDS = (
    "key",
    "priority",
    "execution_plan",
    "title",
    "description",
    "owner",
    "partners",
    "start",
    "due",
    "status",
)
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


def _date(value: str | None):
    return date_type.fromisoformat(value) if value else None


def _err(parsed, parts, message):
    return PlanError(
        planfile.line_of(parsed.root, parts), planfile.path_text(parts), message, parsed.name
    )


def plan_import(
    *, path: Path | str | None = None, text: str | None = None, name: str = "", by=None
) -> PlanImportResult:
    """Import a plan file. Idempotent: the same content again changes nothing; changed
    content makes a new PlanVersion with a readable diff. All in one transaction; a file with
    any error raises PlanFileError (file, line, field) and writes nothing."""
    parsed, errors = plan_file_validate(path=path, text=text, name=name or str(path or ""))
    if errors:
        raise PlanFileError(errors)
    doc = planfile.canonical(parsed.data)
    digest = planfile.digest(doc)
    with transaction.atomic():
        municipality = Municipality.objects.filter(code=doc["gemeente"]).first()
        if municipality is None:
            raise PlanFileError(
                [
                    _err(
                        parsed,
                        ["gemeente"],
                        _("gemeente %(c)s staat niet in deze installatie; laad eerst de gemeenten")
                        % {"c": doc["gemeente"]},
                    )
                ]
            )
        plan = (
            Plan.objects.select_for_update()
            .filter(municipality=municipality, short_name=doc["short_name"])
            .first()
        )
        created = plan is None
        current = plan.versions.order_by("-number").first() if plan else None
        if current is not None and current.digest == digest:
            _adoption_event(plan, by=by)
            _monitoring_sync(municipality, doc)
            return PlanImportResult(plan=plan, version=current, summary=[])
        previous = current.document if current else None
        plan = _plan_sync(parsed, doc, municipality, plan, previous)
        number = current.number + 1 if current else 1
        summary = planfile.change_summary(previous, doc)
        version = PlanVersion(
            plan=plan,
            number=number,
            document_json=planfile.to_json(doc),
            digest=digest,
            source_name=Path(parsed.name).name if parsed.name else "",
            imported_by=by if getattr(by, "is_authenticated", False) else None,
            summary=summary,
            diff=planfile.text_diff(
                previous,
                doc,
                _("versie %(n)s") % {"n": number - 1},
                _("versie %(n)s") % {"n": number},
            )
            if previous is not None
            else "",
        )
        version.full_clean()
        version.save()
        audit_log(
            user=by,
            action=AuditAction.CREATE if created else AuditAction.UPDATE,
            obj=version,
            municipality=municipality,
            note=_("planbestand %(f)s geïmporteerd als versie %(n)s")
            % {"f": version.source_name or "-", "n": number},
        )
        _adoption_event(plan, by=by)
        _monitoring_sync(municipality, doc)
    return PlanImportResult(
        plan=plan, version=version, created=created, changed=True, summary=summary
    )


def _adoption_event(plan: Plan, *, by=None) -> None:
    """An adopted plan is itself the event that its norm "iedere vier jaar een IVB/IVP
    vaststellen" counts (kind `beleidsplan`), dated on its adoption; when the plan does not say
    when it was adopted, on the start of its period, and the title says so."""
    if plan.status == PlanStatus.CONCEPT:
        return
    by_label = plan.get_adopted_by_display() or _("gemeenteraad")
    if plan.adopted_on:
        on, title = plan.adopted_on, _("%(p)s vastgesteld door de %(b)s")
    else:
        on = plan.period_start
        title = _(
            "%(p)s vastgesteld door de %(b)s (datum staat niet in het plan; "
            "begin van de planperiode)"
        )
    event_register(
        kind=EventKind.POLICY_PLAN,
        date=on,
        title=title % {"p": plan.short_name, "b": by_label},
        municipality=plan.municipality,
        source_type="policy.plan",
        source_id=str(plan.pk),
        by=by,
    )


def _monitoring_sync(municipality: Municipality, doc: dict) -> None:
    """Hand the monitoring sections to kompas.monitoring, when that app is installed."""
    try:
        spec = importlib.util.find_spec("kompas.monitoring.services")
    except ModuleNotFoundError:
        spec = None
    if spec is None:
        return
    from django.apps import apps

    if not apps.is_installed("kompas.monitoring"):
        return
    module = importlib.import_module("kompas.monitoring.services")
    sync = getattr(module, "plan_monitoring_sync", None)
    if sync is None:
        return
    sync(
        municipality=municipality,
        plan_short_name=doc["short_name"],
        indicators=doc.get("indicators") or [],
        targets=doc.get("targets") or [],
        observations=doc.get("observations") or [],
    )


def _save(obj):
    obj.full_clean()
    obj.save()
    return obj


def _plan_sync(parsed, doc: dict, municipality, plan: Plan | None, previous: dict | None) -> Plan:
    plan = plan or Plan(municipality=municipality)
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

    # Priorities: by number, kept (actions point at them).
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

    _actions_sync(parsed, doc, plan, priorities, exec_plans, previous)

    # Remove what the file no longer has; refuse if staff-entered actions still use it.
    for number, p in priorities.items():
        if number not in seen:
            if p.actions.exists():
                raise PlanFileError(
                    [
                        _err(
                            parsed,
                            ["priorities"],
                            _(
                                "prioriteit %(n)s ontbreekt in dit bestand, maar heeft nog "
                                "%(c)s actie(s); verplaats of verwijder die eerst"
                            )
                            % {"n": number, "c": p.actions.count()},
                        )
                    ]
                )
            p.delete()
    for key, e in exec_plans.items():
        if key not in exec_seen:
            if e.actions.exists():
                raise PlanFileError(
                    [
                        _err(
                            parsed,
                            ["execution_plans"],
                            _(
                                "uitvoeringsplan %(k)r ontbreekt in dit bestand, maar heeft nog "
                                "%(c)s actie(s); verplaats of verwijder die eerst"
                            )
                            % {"k": key, "c": e.actions.count()},
                        )
                    ]
                )
            e.delete()

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
        n.partnership = (
            partnerships.get(entry["partnership"])
            if entry["scope"] == NormScope.PARTNERSHIP
            else None
        )
        if entry["scope"] == NormScope.PARTNERSHIP and n.partnership is None:
            raise PlanFileError(
                [
                    _err(
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
    return plan


def _actions_sync(parsed, doc, plan, priorities, exec_plans, previous) -> None:
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
        action.key = entry.get("key", "")
        action.priority = priorities[entry["priority"]]
        action.execution_plan = exec_plans[entry["execution_plan"]]
        action.title = entry["title"]
        action.description = entry.get("description") or ""
        action.owner = entry.get("owner") or ""
        action.partners = entry.get("partners") or []
        action.start = _date(entry.get("start"))
        action.due = _date(entry.get("due"))
        action.status = entry["status"]
        action.source_entry = entry
        action.position = position
        _save(action)
    for ident, action in existing.items():
        if ident in new_idents or ident not in prev_entries or action.origin != ActionOrigin.FILE:
            continue
        if action.updates.exists():
            action.status = ActionStatus.CANCELLED
            action.source_entry = None
            action.save(update_fields=["status", "source_entry"])
            _save(
                ActionUpdate(
                    action=action,
                    date=date_type.today(),
                    text=_("Vervallen: de actie staat niet meer in het planbestand."),
                    status=ActionStatus.CANCELLED,
                )
            )
        else:
            action.delete()


# --- Export ----------------------------------------------------------------------------------
def plan_document(*, plan: Plan) -> dict:
    """The plan in the file format: the current version's document with the actions as they
    are now (including those entered by staff). Read-only; lives here beside the import."""
    version = plan.versions.order_by("-number").first()
    doc = version.document if version else {}
    actions = list(
        plan.actions.select_related("priority", "execution_plan").order_by("position", "id")
    )
    if actions or "actions" in doc:
        doc["actions"] = [action_entry(a) for a in actions]
    return planfile.canonical(doc)


# --- Actions ---------------------------------------------------------------------------------
def _next_position(plan: Plan) -> int:
    last = plan.actions.order_by("-position").values_list("position", flat=True).first()
    return (last or 0) + 1


@transaction.atomic
def action_create(
    *,
    plan: Plan,
    priority: Priority,
    execution_plan: ExecutionPlan,
    title: str,
    description: str = "",
    owner: str = "",
    owner_user=None,
    partners: list[str] | None = None,
    start=None,
    due=None,
    status: str = ActionStatus.PLANNED,
    key: str = "",
    is_demo: bool = False,
    by=None,
) -> Action:
    if priority.plan_id != plan.pk or execution_plan.plan_id != plan.pk:
        raise ValidationError(_("Prioriteit en uitvoeringsplan moeten bij hetzelfde plan horen."))
    if owner_user is not None and not owner:
        owner = owner_user.get_full_name() or owner_user.get_username()
    action = Action(
        plan=plan,
        key=key,
        priority=priority,
        execution_plan=execution_plan,
        title=title,
        description=description,
        owner=owner,
        owner_user=owner_user,
        partners=partners or [],
        start=start,
        due=due,
        status=status,
        origin=ActionOrigin.UI,
        is_demo=is_demo,
        position=_next_position(plan),
    )
    _action_check(action)
    _save(action)
    audit_log(user=by, action=AuditAction.CREATE, obj=action, municipality=plan.municipality)
    return action


def _action_check(action: Action) -> None:
    if action.start and action.due and action.due < action.start:
        raise ValidationError({"due": _("De einddatum ligt vóór de startdatum.")})
    unknown = [
        p for p in action.partners if not PartnerOrganisation.objects.filter(code=p).exists()
    ]
    if unknown:
        raise ValidationError(
            {"partners": _("Onbekende partner: %(p)s") % {"p": ", ".join(unknown)}}
        )
    duplicate = (
        Action.objects.filter(
            plan=action.plan, priority=action.priority, title__iexact=action.title
        )
        .exclude(pk=action.pk)
        .exists()
    )
    if duplicate and not action.key:
        raise ValidationError({"title": _("Deze prioriteit heeft al een actie met deze titel.")})


ACTION_EDITABLE = (
    "priority",
    "execution_plan",
    "title",
    "description",
    "owner",
    "owner_user",
    "partners",
    "start",
    "due",
    "status",
)


@transaction.atomic
def action_edit(*, action: Action, by=None, **changes) -> Action:
    unknown = set(changes) - set(ACTION_EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    changed = []
    for name, value in changes.items():
        if getattr(action, name) != value:
            setattr(action, name, value)
            changed.append(name)
    if not changed:
        return action
    if action.priority.plan_id != action.plan_id or action.execution_plan.plan_id != action.plan_id:
        raise ValidationError(_("Prioriteit en uitvoeringsplan moeten bij hetzelfde plan horen."))
    if "owner_user" in changed and action.owner_user is not None and "owner" not in changes:
        action.owner = action.owner_user.get_full_name() or action.owner_user.get_username()
    _action_check(action)
    _save(action)
    audit_log(
        user=by,
        action=AuditAction.UPDATE,
        obj=action,
        municipality=action.plan.municipality,
        fields=changed,
    )
    return action


@transaction.atomic
def action_update_add(*, action: Action, date, text: str, status: str, by=None) -> ActionUpdate:
    """A dated progress update; the action takes its status."""
    update = _save(ActionUpdate(action=action, date=date, text=text, status=status, created_by=by))
    if action.status != status:
        action.status = status
        action.save(update_fields=["status", "updated_at"])
    audit_log(
        user=by,
        action=AuditAction.CREATE,
        obj=update,
        municipality=action.plan.municipality,
        fields=["date", "text", "status"],
    )
    return update


# --- Event register --------------------------------------------------------------------------
@transaction.atomic
def event_register(
    *,
    kind: str,
    date,
    title: str,
    municipality: Municipality | None = None,
    partnership: Partnership | None = None,
    source_type: str = "",
    source_id: str = "",
    is_demo: bool = False,
    by=None,
) -> Event:
    """Register that something happened that may count towards a norm (e.g. a LIO held, a
    progress report sent, an integrale controle). For exactly one gemeente or one
    samenwerkingsverband. With a source (source_type + source_id) the call is idempotent: the
    same source again updates date and title of the existing event instead of adding one."""
    if (municipality is None) == (partnership is None):
        raise ValidationError(_("Kies een gemeente of een samenwerkingsverband (precies één)."))
    if kind not in EventKind.values:
        raise ValidationError({"kind": _("Onbekende soort gebeurtenis: %(k)s") % {"k": kind}})
    if bool(source_type) != bool(source_id):
        raise ValueError("source_type and source_id go together")
    if isinstance(date, str):
        date = date_type.fromisoformat(date)
    if source_type:
        existing = (
            Event.objects.select_for_update()
            .filter(kind=kind, source_type=source_type, source_id=str(source_id))
            .first()
        )
        if existing is not None:
            changed = [
                name
                for name, value in (("date", date), ("title", title))
                if getattr(existing, name) != value
            ]
            if changed:
                existing.date, existing.title = date, title
                _save(existing)
                audit_log(
                    user=by,
                    action=AuditAction.UPDATE,
                    obj=existing,
                    municipality=municipality,
                    fields=changed,
                )
            return existing
    event = _save(
        Event(
            kind=kind,
            date=date,
            title=title,
            municipality=municipality,
            partnership=partnership,
            source_type=source_type,
            source_id=str(source_id),
            is_demo=is_demo,
            created_by=by if getattr(by, "is_authenticated", False) else None,
        )
    )
    audit_log(user=by, action=AuditAction.CREATE, obj=event, municipality=municipality)
    return event


@transaction.atomic
def event_delete(*, event: Event, by=None, municipality: Municipality | None = None) -> None:
    audit_log(
        user=by,
        action=AuditAction.DELETE,
        obj=event,
        municipality=municipality or event.municipality,
        note=f"{event.get_kind_display()} {event.date}",
    )
    event.delete()
