# SPDX-License-Identifier: EUPL-1.2
"""Plan files in and out: validate, import (versions, diff, monitoring sections) and export."""

import logging
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import transaction
from django.utils.translation import gettext as _

from kompas.core.constants import AuditAction
from kompas.core.models import Municipality, PartnerOrganisation, Partnership
from kompas.core.services import DATA as CORE_DATA
from kompas.core.services import MUNICIPALITIES, PARTNERSHIPS, audit_log
from kompas.monitoring import services as monitoring_services

from .. import planfile
from ..constants import EventKind, PlanStatus
from ..models import Event, ExecutionPlan, Plan, PlanVersion
from ..planfile import PlanFileError
from ._common import save as _save
from .events import event_delete, event_register
from .plan_sync import action_entry, plan_error, plan_sync

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
                    plan_error(
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
            _after_import(plan, municipality, doc, by=by)
            return PlanImportResult(plan=plan, version=current, summary=[])
        previous = current.document if current else None
        plan = plan_sync(parsed, doc, municipality, plan, previous)
        version = _version_create(parsed, plan, doc, digest, current, previous, by=by)
        audit_log(
            user=by,
            action=AuditAction.CREATE if created else AuditAction.UPDATE,
            obj=version,
            municipality=municipality,
            note=_("planbestand %(f)s geïmporteerd als versie %(n)s")
            % {"f": version.source_name or "-", "n": version.number},
        )
        _after_import(plan, municipality, doc, by=by)
    return PlanImportResult(
        plan=plan, version=version, created=created, changed=True, summary=version.summary
    )


def _version_create(parsed, plan, doc, digest, current, previous, *, by=None) -> PlanVersion:
    number = current.number + 1 if current else 1
    return _save(
        PlanVersion(
            plan=plan,
            number=number,
            document_json=planfile.to_json(doc),
            digest=digest,
            source_name=Path(parsed.name).name if parsed.name else "",
            imported_by=by if getattr(by, "is_authenticated", False) else None,
            summary=planfile.change_summary(previous, doc),
            diff=planfile.text_diff(
                previous,
                doc,
                _("versie %(n)s") % {"n": number - 1},
                _("versie %(n)s") % {"n": number},
            )
            if previous is not None
            else "",
        )
    )


def _after_import(plan: Plan, municipality: Municipality, doc: dict, *, by=None) -> None:
    """What every import does, changed or not: the plan's own events and the monitoring
    sections (both idempotent)."""
    _adoption_event(plan, by=by)
    _execution_plan_events(plan, by=by)
    _monitoring_sync(municipality, doc)


EXECUTION_PLAN_SOURCE = "policy.execution_plan"


def _execution_plan_events(plan: Plan, *, by=None) -> None:
    """The execution plans an adopted plan holds are what its norm "twee uitvoeringsplannen"
    counts (kind `uitvoeringsplan`): one event per execution plan, dated on the start of its
    term (a plan file gives no adoption date for them). Events of execution plans the file no
    longer has are removed."""
    keep = []
    if plan.status != PlanStatus.CONCEPT:
        for ep in plan.execution_plans.all():
            event = event_register(
                kind=EventKind.EXECUTION_PLAN,
                date=ep.period_start,
                title=_("%(t)s (in %(p)s; datum: begin van de looptijd)")
                % {"t": ep.title, "p": plan.short_name},
                municipality=plan.municipality,
                source_type=EXECUTION_PLAN_SOURCE,
                source_id=str(ep.pk),
                by=by,
            )
            keep.append(event.pk)
    stale = Event.objects.filter(
        municipality=plan.municipality, source_type=EXECUTION_PLAN_SOURCE
    ).exclude(pk__in=keep)
    # this plan's events when it is a concept, and those of execution plans that are gone
    other_plans = ExecutionPlan.objects.filter(plan__municipality=plan.municipality).exclude(
        plan=plan
    )
    stale = stale.exclude(
        source_id__in=[str(pk) for pk in other_plans.values_list("pk", flat=True)]
    )
    for event in stale:
        event_delete(event=event, by=by)


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
    """Hand the monitoring sections to kompas.monitoring (a declared dependency)."""
    monitoring_services.plan_monitoring_sync(
        municipality=municipality,
        plan_short_name=doc["short_name"],
        indicators=doc.get("indicators") or [],
        targets=doc.get("targets") or [],
        observations=doc.get("observations") or [],
    )


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
