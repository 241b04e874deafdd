# SPDX-License-Identifier: EUPL-1.2
"""Reads of the policy app, always scoped to one gemeente. Other apps read plans, actions and
norm statuses through these functions."""

import calendar
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Max, Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from kompas.core import hooks
from kompas.core.models import Municipality

from .constants import (
    OPEN_ACTION_STATUSES,
    ActionStatus,
    EventKind,
    NormPeriod,
    NormScope,
    PlanStatus,
)
from .core_records import (  # noqa: F401 - public names of policy.selectors
    municipality_by_code,
    partner_choices,
    partner_codes_unknown,
    partner_names,
    partnership_find,
    partnership_list,
    staff_user_list,
)
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
)
from .norm_periods import NormStatus, add_months, add_years, period_state, periods


def today() -> date:
    return timezone.localdate()


# --- Plans -----------------------------------------------------------------------------------
def plan_list(*, municipality: Municipality) -> QuerySet[Plan]:
    return Plan.objects.filter(municipality=municipality).prefetch_related("extensions")


def plan_current(*, municipality: Municipality, on: date | None = None) -> Plan | None:
    """The plan in force on `on` (default today): adopted or extended and started; else the
    most recent plan that started; else the earliest plan (e.g. a concept)."""
    on = on or today()
    plans = list(plan_list(municipality=municipality).order_by("-period_start"))
    started = [p for p in plans if p.period_start <= on]
    in_force = [p for p in started if p.status != PlanStatus.CONCEPT and p.effective_end >= on]
    for candidates in (in_force, started, plans[::-1]):
        if candidates:
            return candidates[0]
    return None


def plan_get(*, municipality: Municipality, pk: int) -> Plan:
    plan = plan_list(municipality=municipality).filter(pk=pk).first()
    if plan is None:
        raise Http404
    return plan


def plan_version_list(*, plan: Plan) -> QuerySet[PlanVersion]:
    return plan.versions.select_related("imported_by").order_by("-number")


def plan_version_get(*, plan: Plan, number: int) -> PlanVersion:
    version = plan_version_list(plan=plan).filter(number=number).first()
    if version is None:
        raise Http404
    return version


def plan_version_latest(*, plan: Plan) -> PlanVersion | None:
    return plan.versions.order_by("-number").first()


def priority_list(*, plan: Plan) -> QuerySet[Priority]:
    return plan.priorities.prefetch_related("goals")


def execution_plan_list(*, plan: Plan) -> QuerySet[ExecutionPlan]:
    return plan.execution_plans.all()


def priority_find(*, plan: Plan, number: int) -> Priority | None:
    return plan.priorities.filter(number=number).first()


def execution_plan_find(*, plan: Plan, key: str) -> ExecutionPlan | None:
    return plan.execution_plans.filter(key=key).first()


def priority_get(*, plan: Plan, number: int) -> Priority:
    priority = plan.priorities.prefetch_related("goals").filter(number=number).first()
    if priority is None:
        raise Http404
    return priority


@dataclass
class PlanFlag:
    flagged: bool
    reasons: list[str] = field(default_factory=list)


# A plan that ends within this many days without a successor is flagged on the start page.
PLAN_END_WARNING_DAYS = 90


def plan_flag(*, plan: Plan, on: date | None = None) -> PlanFlag:
    """Art. 38b Politiewet 2012: the council sets a plan at least once every four years. A
    plan older than four years, or past its end without a successor, is flagged."""
    on = on or today()
    reasons = []
    basis = plan.adopted_on or plan.period_start
    if add_years(basis, 4) < on:
        reasons.append(
            _(
                "Het plan is ouder dan vier jaar (%(kind)s %(d)s); art. 38b Politiewet 2012 vraagt "
                "minstens eens per vier jaar een nieuw plan."
            )
            % {
                "kind": _("vastgesteld op") if plan.adopted_on else _("begonnen op"),
                "d": basis.strftime("%d-%m-%Y"),
            }
        )
    has_successor = plan.successors.exists()
    if plan.effective_end < on and not has_successor:
        reasons.append(
            _("De looptijd is op %(d)s verstreken en er is geen opvolgend plan.")
            % {"d": plan.effective_end.strftime("%d-%m-%Y")}
        )
    elif (
        on <= plan.effective_end <= on + timedelta(days=PLAN_END_WARNING_DAYS) and not has_successor
    ):
        reasons.append(
            _(
                "Het plan loopt af op %(d)s (over %(n)s dagen) en er is nog geen opvolgend plan; "
                "art. 38b Politiewet 2012 vraagt een nieuw plan van de raad."
            )
            % {"d": plan.effective_end.strftime("%d-%m-%Y"), "n": (plan.effective_end - on).days}
        )
    return PlanFlag(flagged=bool(reasons), reasons=reasons)


# --- Actions ---------------------------------------------------------------------------------
def action_list(
    *,
    municipality: Municipality,
    plan: Plan | None = None,
    status: str | list[str] | None = None,
    owner_user=None,
    owner: str = "",
    due_from: date | None = None,
    due_to: date | None = None,
    priority: int | None = None,
    execution_plan: str = "",
    q: str = "",
    chosen=None,
) -> QuerySet[Action]:
    """`chosen` (core.phenomena.Chosen): only the actions running in its year (started by its
    end, not due before its start; an undated action counts) whose title or description names
    a chosen phenomenon. An action has no phenomenon field (the plan files name none), so the
    words of the keuze are matched (README, Ondermijning)."""
    qs = Action.objects.filter(plan__municipality=municipality).select_related(
        "plan", "priority", "execution_plan", "owner_user"
    )
    if plan is not None:
        qs = qs.filter(plan=plan)
    if status:
        qs = qs.filter(status__in=[status] if isinstance(status, str) else list(status))
    if owner_user is not None:
        qs = qs.filter(owner_user=owner_user)
    if owner:
        qs = qs.filter(owner__icontains=owner)
    if due_from:
        qs = qs.filter(due__gte=due_from)
    if due_to:
        qs = qs.filter(due__lte=due_to)
    if priority:
        qs = qs.filter(priority__number=priority)
    if execution_plan:
        qs = qs.filter(execution_plan__key=execution_plan)
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(description__icontains=q) | Q(owner__icontains=q))
    if chosen is not None:
        named = Q(pk__in=[])
        for term in chosen.terms:
            named |= Q(title__icontains=term) | Q(description__icontains=term)
        qs = qs.filter(
            Q(start__isnull=True) | Q(start__lte=date(chosen.year, 12, 31)),
            Q(due__isnull=True) | Q(due__gte=date(chosen.year, 1, 1)),
        ).filter(named)
    return qs.order_by("priority__number", "due", "position", "id")


def action_get(*, municipality: Municipality, pk: int) -> Action:
    action = action_list(municipality=municipality).filter(pk=pk).first()
    if action is None:
        raise Http404
    return action


def action_update_list(*, action: Action) -> QuerySet[ActionUpdate]:
    return action.updates.select_related("created_by")


def action_status_history(*, action: Action):
    """The action's status changes, newest first (Statusgeschiedenis)."""
    return action.status_changes.select_related("by").order_by("-date", "-id")


def action_rollup(*, plan: Plan) -> dict[int, dict]:
    """Per priority number: number of actions per status, total, done and overdue."""
    on = today()
    rollup: dict[int, dict] = {}
    for number, status, due in plan.actions.values_list("priority__number", "status", "due"):
        r = rollup.setdefault(number, {"total": 0, "counts": Counter(), "overdue": 0})
        r["total"] += 1
        r["counts"][status] += 1
        if due and due < on and status in OPEN_ACTION_STATUSES:
            r["overdue"] += 1
    for r in rollup.values():
        r["done"] = r["counts"][ActionStatus.DONE]
        r["by_status"] = [
            (label, r["counts"][value])
            for value, label in ActionStatus.choices
            if r["counts"][value]
        ]
    return rollup


def actions_due_this_month(
    *, municipality: Municipality, on: date | None = None
) -> QuerySet[Action]:
    on = on or today()
    last = date(on.year, on.month, calendar.monthrange(on.year, on.month)[1])
    return (
        action_list(municipality=municipality, status=list(OPEN_ACTION_STATUSES), due_to=last)
        .filter(due__isnull=False)
        .order_by("due")
    )


# --- Norms -----------------------------------------------------------------------------------
def _owner_q(norm: Norm, municipality: Municipality) -> Q:
    """The events a norm counts for `municipality`: its own, or for a partnership norm those of
    the samenwerkingsverband and of every member gemeente."""
    if norm.scope == NormScope.PARTNERSHIP and norm.partnership_id:
        members = [m.pk for m in norm.partnership.members.all()]
        own = Q(partnership_id=norm.partnership_id)
        return own | Q(municipality_id__in=members) if members else own
    return Q(municipality=municipality)


def _owners(norm: Norm, municipality: Municipality) -> tuple[set[int], int | None]:
    """The same as _owner_q as (gemeente ids, samenwerkingsverband id or None)."""
    if norm.scope == NormScope.PARTNERSHIP and norm.partnership_id:
        return {m.pk for m in norm.partnership.members.all()}, norm.partnership_id
    return {municipality.pk}, None


def _started(norm: Norm, on: date, last_only: bool) -> list[tuple[date, date]]:
    """The periods of the norm that have started by `on` (at least the first one)."""
    windows = periods(norm.period, norm.plan.period_start, norm.plan.effective_end)
    started = [w for w in windows if w[0] <= on] or windows[:1]
    return started[-1:] if last_only else started


def _counted() -> QuerySet[Event]:
    # An event counts in the period of its `counts_for` date (a report: the period it covers),
    # else of its own date.
    return Event.objects.annotate(counted=Coalesce("counts_for", "date"))


def _statuses(norm, started, done, per_window, on) -> list[NormStatus]:
    once = norm.period == NormPeriod.ONCE
    result = []
    for (start, end), n, in_window in zip(started, done, per_window, strict=True):
        due = end
        if once and norm.due_after_months is not None:
            due = add_months(norm.plan.period_start, norm.due_after_months) - timedelta(days=1)
        state, next_due = period_state(n, norm.required, start, due, on, once)
        result.append(
            NormStatus(
                norm=norm,
                start=start,
                end=end,
                required=norm.required,
                done=n,
                due=due,
                state=state,
                next_due=next_due,
                events=in_window,
                on=on,
            )
        )
    return result


def norm_windows(
    *, norm: Norm, municipality: Municipality, on: date | None = None, with_events: bool = False
) -> list[NormStatus]:
    """Every period of the norm that has started by `on` (at least the first one)."""
    on = on or today()
    started = _started(norm, on, last_only=False)
    if not with_events:
        return norm_statuses(norms=[norm], municipality=municipality, on=on, last_only=False)[0]
    events = list(
        _counted()
        .filter(_owner_q(norm, municipality), kind=norm.event_kind)
        .filter(counted__gte=started[0][0], counted__lte=started[-1][1])
        .select_related("municipality", "partnership")
        .order_by("counted", "date", "id")
    )
    per_window = [[e for e in events if start <= e.counted <= end] for start, end in started]
    return _statuses(norm, started, [len(w) for w in per_window], per_window, on)


def norm_statuses(
    *, norms, municipality: Municipality, on: date | None = None, last_only: bool = True
) -> list:
    """Per norm the status of the period that contains `on` (or the last one that started);
    with `last_only=False` per norm the list of all its started periods. The events are
    counted in the database, in one grouped query for all norms and periods: the number of
    queries does not grow with the registers, and no event is loaded."""
    on = on or today()
    norms = list(norms)
    started = [_started(norm, on, last_only) for norm in norms]
    owners = [_owners(norm, municipality) for norm in norms]
    rows = []
    if norms:
        # One small grouped query over the rows any norm can count (their kinds, owners and
        # periods): per kind, owner and counted day the number of events.
        gemeenten = {m for own, _p in owners for m in own}
        partnerships = {p for _own, p in owners if p}
        rows = list(
            _counted()
            .filter(kind__in={norm.event_kind for norm in norms})
            .filter(Q(municipality_id__in=gemeenten) | Q(partnership_id__in=partnerships))
            .filter(
                counted__gte=min(w[0][0] for w in started),
                counted__lte=max(w[-1][1] for w in started),
            )
            .order_by()
            .values_list("kind", "municipality_id", "partnership_id", "counted")
            .annotate(n=Count("id"))
        )
    result = []
    for norm, windows, (own, partnership) in zip(norms, started, owners, strict=True):
        mine = [
            (day, n)
            for kind, gemeente, pship, day, n in rows
            if kind == norm.event_kind and (gemeente in own or (pship and pship == partnership))
        ]
        done = [sum(n for day, n in mine if start <= day <= end) for start, end in windows]
        statuses = _statuses(norm, windows, done, [[] for _ in done], on)
        result.append(statuses[-1] if last_only else statuses)
    return result


def norm_list(*, plan: Plan, priority: Priority | None = None) -> QuerySet[Norm]:
    qs = plan.norms.select_related("partnership", "priority", "plan").prefetch_related(
        "plan__extensions", "partnership__members"
    )
    return qs.filter(priority=priority) if priority is not None else qs


def norm_status_list(
    *, municipality: Municipality, on: date | None = None, plan: Plan | None = None
) -> list[NormStatus]:
    """Per norm of the current plan (or `plan`): the status in the period that contains `on`
    (or the last one that started)."""
    on = on or today()
    plan = plan or plan_current(municipality=municipality, on=on)
    if plan is None:
        return []
    return norm_statuses(norms=norm_list(plan=plan), municipality=municipality, on=on)


def norm_get(*, plan: Plan, code: str) -> Norm:
    norm = norm_list(plan=plan).filter(code=code).first()
    if norm is None:
        raise Http404
    return norm


# --- Events ----------------------------------------------------------------------------------
def event_list(
    *, municipality: Municipality, kind: str = "", year: int | None = None, q: str = ""
) -> QuerySet[Event]:
    """Events of the gemeente and of the samenwerkingsverbanden it takes part in."""
    qs = Event.objects.filter(
        Q(municipality=municipality) | Q(partnership__in=municipality.partnerships.all())
    ).select_related("municipality", "partnership", "created_by")
    if kind:
        qs = qs.filter(kind=kind)
    if year:
        qs = qs.filter(date__year=year)
    if q:
        qs = qs.filter(title__icontains=q)
    return qs.order_by("-date", "-id")


def register_event_kinds() -> dict[str, str]:
    """Event kind -> the register (another app) that records it itself, through the
    `register_event_kinds` hook. Those kinds are not offered for hand entry any more."""
    return {
        row["kind"]: str(row["register"]) for rows in hooks.register_event_kinds() for row in rows
    }


def hand_entry_kinds() -> list[tuple[str, str]]:
    """The event kinds staff may still register by hand: (value, label)."""
    owned = register_event_kinds()
    return [(value, label) for value, label in EventKind.choices if value not in owned]


def event_get(*, municipality: Municipality, pk: int) -> Event:
    event = event_list(municipality=municipality).filter(pk=pk).first()
    if event is None:
        raise Http404
    return event


def actions_to_remind(*, on: date, horizon_days: int = 14) -> QuerySet[Action]:
    """Open actions with an owner who is a user, due within `horizon_days` or overdue, across
    every gemeente (the weekly reminder mail)."""
    return (
        Action.objects.filter(
            status__in=list(OPEN_ACTION_STATUSES),
            owner_user__isnull=False,
            due__isnull=False,
            due__lte=on + timedelta(days=horizon_days),
        )
        .select_related("plan__municipality", "owner_user")
        .order_by("owner_user_id", "due", "pk")
    )


def plan_fingerprint(*, municipality: Municipality) -> tuple:
    """A cheap fingerprint of the gemeente's plans for caches of public pages: counts,
    highest ids and the latest import of plans, versions, extensions, priorities and goals.
    Every plan change goes through an import, which adds a version or rewrites these rows."""
    scope = {"plan__municipality": municipality}
    return (
        tuple(
            Plan.objects.filter(municipality=municipality)
            .aggregate(n=Count("id"), id=Max("id"))
            .values()
        ),
        tuple(
            PlanVersion.objects.filter(**scope)
            .aggregate(n=Count("id"), id=Max("id"), at=Max("imported_at"))
            .values()
        ),
        tuple(
            PlanExtension.objects.filter(**scope).aggregate(n=Count("id"), id=Max("id")).values()
        ),
        tuple(Priority.objects.filter(**scope).aggregate(n=Count("id"), id=Max("id")).values()),
        tuple(
            Goal.objects.filter(priority__plan__municipality=municipality)
            .aggregate(n=Count("id"), id=Max("id"))
            .values()
        ),
    )
