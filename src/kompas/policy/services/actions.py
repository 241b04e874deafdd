# SPDX-License-Identifier: EUPL-1.2
"""Actions entered or edited by staff, and their dated progress updates."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kompas.core.constants import AuditAction
from kompas.core.services import audit_log

from .. import selectors
from ..constants import ACTION_EDITABLE_FIELDS, ActionOrigin, ActionStatus
from ..models import Action, ActionStatusChange, ActionUpdate, ExecutionPlan, Plan, Priority
from ._common import save as _save


def status_change_record(
    *, action: Action, old: str, new: str, by=None, date=None, via: str = ""
) -> ActionStatusChange | None:
    """The dated trace of a status change (Statusgeschiedenis; reports read an action's
    status at a period's end from it). Nothing when the status stays the same."""
    if old == new:
        return None
    return ActionStatusChange.objects.create(
        action=action,
        old_status=old or "",
        new_status=new,
        date=date or timezone.localdate(),
        by=by if by is not None and by.is_authenticated else None,
        via=via,
    )


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
    status_change_record(action=action, old="", new=action.status, by=by, via=_("aangemaakt"))
    audit_log(user=by, action=AuditAction.CREATE, obj=action, municipality=plan.municipality)
    return action


def _action_check(action: Action) -> None:
    if action.start and action.due and action.due < action.start:
        raise ValidationError({"due": _("De einddatum ligt vóór de startdatum.")})
    unknown = selectors.partner_codes_unknown(action.partners)
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


ACTION_EDITABLE = ACTION_EDITABLE_FIELDS  # the old name, kept for callers


@transaction.atomic
def action_edit(*, action: Action, by=None, **changes) -> Action:
    unknown = set(changes) - set(ACTION_EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    changed = []
    old_status = action.status
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
    status_change_record(
        action=action, old=old_status, new=action.status, by=by, via=_("actie bewerkt")
    )
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
        status_change_record(
            action=action, old=action.status, new=status, by=by, date=date, via=_("voortgang")
        )
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
