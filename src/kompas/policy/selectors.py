# SPDX-License-Identifier: EUPL-1.2
"""Reads of the policy app, always scoped to one gemeente. Other apps read plans, actions and
norm statuses through these functions."""

import calendar
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Q, QuerySet
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
    NormState,
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
from .models import Action, ActionUpdate, Event, ExecutionPlan, Norm, Plan, PlanVersion, Priority


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


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


# A plan that ends within this many days without a successor is flagged on the start page.
PLAN_END_WARNING_DAYS = 90


def plan_flag(*, plan: Plan, on: date | None = None) -> PlanFlag:
    """Art. 38b Politiewet 2012: the council sets a plan at least once every four years. A
    plan older than four years, or past its end without a successor, is flagged."""
    on = on or today()
    reasons = []
    basis = plan.adopted_on or plan.period_start
    if _add_years(basis, 4) < on:
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
) -> QuerySet[Action]:
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
    return qs.order_by("priority__number", "due", "position", "id")


def action_get(*, municipality: Municipality, pk: int) -> Action:
    action = action_list(municipality=municipality).filter(pk=pk).first()
    if action is None:
        raise Http404
    return action


def action_update_list(*, action: Action) -> QuerySet[ActionUpdate]:
    return action.updates.select_related("created_by")


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
def _add_months(d: date, months: int) -> date:
    month = d.month - 1 + months
    year, month = d.year + month // 12, month % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _stepper(period: str, start: date) -> tuple[date, Callable[[date], date]]:
    """(first calendar-aligned period start at or before `start`, next period start)."""
    if period == NormPeriod.WEEK:
        return start - timedelta(days=start.weekday()), lambda d: d + timedelta(days=7)
    if period == NormPeriod.FOUR_YEARS:
        return start, lambda d: _add_years(d, 4)
    if period == NormPeriod.TWO_YEARS:
        return date(start.year, 1, 1), lambda d: _add_years(d, 2)
    if period == NormPeriod.YEAR:
        return date(start.year, 1, 1), lambda d: _add_years(d, 1)
    months = {NormPeriod.MONTH: 1, NormPeriod.QUARTER: 3, NormPeriod.FOUR_MONTHS: 4}[period]
    first = date(start.year, (start.month - 1) // months * months + 1, 1)
    return first, lambda d: _add_months(d, months)


def _windows(period: str, start: date, end: date) -> list[tuple[date, date]]:
    """Periods of a norm within [start, end], calendar-aligned, clipped to the plan."""
    if period in (NormPeriod.PLAN, NormPeriod.ONCE):
        return [(start, end)]
    windows = []
    cursor, step = _stepper(period, start)
    while cursor <= end:
        nxt = step(cursor)
        windows.append((max(cursor, start), min(nxt - timedelta(days=1), end)))
        cursor = nxt
    return windows


@dataclass
class NormStatus:
    norm: Norm
    start: date
    end: date
    required: int
    done: int
    due: date  # the date by which the whole period must be met
    state: str
    next_due: date | None
    events: list = field(default_factory=list)
    on: date | None = None  # the day the status was computed for

    @property
    def late_since(self) -> date | None:
        """The next due date when it has already passed: the page says "te laat sinds …"
        instead of showing a date in the past as the next deadline."""
        if self.next_due is not None and self.on is not None and self.next_due < self.on:
            return self.next_due
        return None

    @property
    def remaining(self) -> int:
        return max(self.required - self.done, 0)

    @property
    def state_label(self) -> str:
        return NormState(self.state).label

    @property
    def css(self) -> str:
        return {
            NormState.MET: "ok",
            NormState.ON_TRACK: "neutral",
            NormState.BEHIND: "warn",
            NormState.EXPIRED: "bad",
        }[self.state]

    @property
    def period_label(self) -> str:
        if (
            self.start.year == self.end.year
            and self.start == date(self.start.year, 1, 1)
            and self.end == date(self.end.year, 12, 31)
        ):
            return str(self.start.year)
        return f"{self.start:%d-%m-%Y} – {self.end:%d-%m-%Y}"


def _slot_due_dates(start: date, due: date, required: int, once: bool) -> list[date]:
    """When the k-th event is due: at the middle of the k-th equal slot of the period
    (2 per year: 1 April and 1 October). For a one-off norm, all at the due date."""
    if once:
        return [due] * required
    length = (due - start).days + 1
    return [
        start + timedelta(days=int((k - 0.5) / required * length)) for k in range(1, required + 1)
    ]


def _state(done: int, required: int, start: date, due: date, on: date, once: bool):
    slots = _slot_due_dates(start, due, required, once)
    next_due = slots[done] if done < required else None
    if done >= required:
        return NormState.MET, next_due
    if on > due:
        return NormState.EXPIRED, next_due
    expected = sum(1 for d in slots if d < on)
    return (NormState.BEHIND if done < expected else NormState.ON_TRACK), next_due


def _events_for(norm: Norm, municipality: Municipality) -> QuerySet[Event]:
    qs = Event.objects.filter(kind=norm.event_kind)
    if norm.scope == NormScope.PARTNERSHIP and norm.partnership_id:
        return qs.filter(
            Q(partnership_id=norm.partnership_id)
            | Q(municipality__in=norm.partnership.members.all())
        )
    return qs.filter(municipality=municipality)


def norm_windows(
    *,
    norm: Norm,
    municipality: Municipality,
    on: date | None = None,
    with_events: bool = False,
    last_only: bool = False,
) -> list[NormStatus]:
    """Every period of the norm that has started by `on` (at least the first one); with
    `last_only` only the last of them (its events alone are read)."""
    on = on or today()
    plan = norm.plan
    plan_end = plan.effective_end
    once = norm.period == NormPeriod.ONCE
    windows = _windows(norm.period, plan.period_start, plan_end)
    started = [w for w in windows if w[0] <= on] or windows[:1]
    if last_only:
        started = started[-1:]
    # An event counts in the period of its `counts_for` date (a report: the period it covers),
    # else of its own date.
    events = list(
        _events_for(norm, municipality)
        .annotate(counted=Coalesce("counts_for", "date"))
        .filter(counted__gte=started[0][0], counted__lte=started[-1][1])
        .select_related("municipality", "partnership")
        .order_by("counted", "date", "id")
    )
    result = []
    for start, end in started:
        due = end
        if once and norm.due_after_months is not None:
            due = _add_months(plan.period_start, norm.due_after_months) - timedelta(days=1)
        in_window = [e for e in events if start <= e.counted <= end]
        state, next_due = _state(len(in_window), norm.required, start, due, on, once)
        result.append(
            NormStatus(
                norm=norm,
                start=start,
                end=end,
                required=norm.required,
                done=len(in_window),
                due=due,
                state=state,
                next_due=next_due,
                events=in_window if with_events else [],
                on=on,
            )
        )
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
    return [
        norm_windows(norm=norm, municipality=municipality, on=on, last_only=True)[0]
        for norm in norm_list(plan=plan)
    ]


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
