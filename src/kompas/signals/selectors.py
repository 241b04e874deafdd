# SPDX-License-Identifier: EUPL-1.2
"""Reads of the meldpunt. Every function takes the gemeente (already checked against the
user's membership by the caller) and never returns another gemeente's rows."""

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Case, Count, Q, QuerySet, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext

from kompas.core.models import Municipality, PartnerOrganisation
from kompas.core.phenomena import year_bounds
from kompas.core.selectors import region_search

from .constants import OPEN_FOR_RESPONSE, SIGNAL_TEAM_ROLES, Phenomenon, SignalStatus
from .models import (
    Address,
    Dossier,
    Forwarding,
    SharingAgreement,
    Signal,
    SignalAttachment,
    SignalStatistic,
)


# --- Public pages: the gemeente of the URL ------------------------------------------------------
def municipality_for_public(slug: str) -> Municipality:
    """The gemeente of a public meldpunt URL (404 when unknown)."""
    return get_object_or_404(Municipality, slug=slug)


def _overdue_q(now: datetime) -> Q:
    return Q(status__in=OPEN_FOR_RESPONSE, due_at__lt=now)


def signal_list(
    *,
    municipality: Municipality,
    status: str = "",
    phenomenon: str = "",
    priority: str = "",
    assignee_id: int | None = None,
    overdue: bool = False,
    search_ids: Iterable[int] | None = None,
    include_closed: bool = True,
    chosen=None,
) -> QuerySet[Signal]:
    """Signals of one gemeente, filtered. `search_ids` (from services.signal_search, which
    decrypts and audits) narrows the list to a search's hits; None means no search.
    `chosen` (core.phenomena.Chosen): only the signals received in its year whose phenomenon
    (the team's classification, else the reporter's) is one adopted for that year."""
    now = timezone.now()
    qs = Signal.objects.filter(municipality=municipality).select_related("assignee", "dossier")
    if status:
        qs = qs.filter(status=status)
    elif not include_closed:
        qs = qs.exclude(status=SignalStatus.CLOSED)
    if phenomenon:
        qs = qs.filter(Q(classification=phenomenon) | Q(classification="", phenomenon=phenomenon))
    if priority:
        qs = qs.filter(priority=priority)
    if assignee_id:
        qs = qs.filter(assignee_id=assignee_id)
    if overdue:
        qs = qs.filter(_overdue_q(now))
    if search_ids is not None:
        qs = qs.filter(pk__in=list(search_ids))
    if chosen is not None:
        start, end = year_bounds(chosen.year)
        codes = list(chosen.codes)
        qs = qs.filter(created_at__gte=start, created_at__lt=end).filter(
            Q(classification__in=codes) | Q(classification="", phenomenon__in=codes)
        )
    return qs.order_by("-created_at", "-id")


def staff_choices(*, municipality: Municipality) -> QuerySet:
    """The gemeente's beheerders and adviseurs: who can handle a signal."""
    return (
        get_user_model()
        .objects.filter(
            memberships__municipality=municipality, memberships__role__in=SIGNAL_TEAM_ROLES
        )
        .distinct()
        .order_by("username")
    )


def signal_is_overdue(signal: Signal, now: datetime | None = None) -> bool:
    now = now or timezone.now()
    return signal.status in OPEN_FOR_RESPONSE and signal.due_at < now


def signal_get(*, municipality: Municipality, signal_id: int) -> Signal:
    signal = (
        Signal.objects.filter(municipality=municipality, pk=signal_id)
        .select_related("assignee", "dossier", "municipality")
        .first()
    )
    if signal is None:
        raise Http404
    return signal


def signal_find(*, municipality: Municipality, signal_id) -> Signal | None:
    """The gemeente's signal with this id, or None (where a 404 is not the answer)."""
    return Signal.objects.filter(municipality=municipality, pk=signal_id).first()


def forwarding_list(*, signal: Signal) -> QuerySet[Forwarding]:
    """What was shared of this signal (on its own or in a dossier), newest first."""
    return signal.forwardings.select_related("partner", "by").order_by("-at", "-id")


def dossier_signals(*, dossier: Dossier) -> QuerySet[Signal]:
    return dossier.signals.order_by("created_at", "id")


def municipality_list_for_command(*, code: str = "") -> QuerySet[Municipality]:
    """Every gemeente, or the one with CBS code `code` (management commands)."""
    qs = Municipality.objects.order_by("code")
    return qs.filter(code=code) if code else qs


def signal_counts(*, municipality: Municipality) -> dict:
    """Counts only (for lezers and the start page): per status and per phenomenon."""
    qs = Signal.objects.filter(municipality=municipality)
    by_status = dict(qs.values_list("status").annotate(n=Count("id")))
    by_phenomenon = Counter(s.effective_phenomenon for s in qs.only("phenomenon", "classification"))
    return {
        "status": [(SignalStatus(s).label, by_status.get(s, 0)) for s in SignalStatus.values],
        "phenomenon": [(Phenomenon(p).label, by_phenomenon.get(p, 0)) for p in Phenomenon.values],
        "overdue": qs.filter(_overdue_q(timezone.now())).count(),
        "total": qs.count(),
    }


def last_working_day_start(now: datetime | None = None) -> datetime:
    """Start (00:00 local) of the previous working day (Mon-Fri)."""
    local = timezone.localtime(now or timezone.now())
    day = local.date() - timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))


def signal_new_since_last_working_day(*, municipality: Municipality) -> dict:
    """For the start page: overdue signals first, then new signals per phenomenon."""
    since = last_working_day_start()
    now = timezone.now()
    qs = Signal.objects.filter(municipality=municipality)
    new = qs.filter(created_at__gte=since)
    per = Counter(s.effective_phenomenon for s in new.only("phenomenon", "classification"))
    return {
        "since": since,
        "overdue": list(qs.filter(_overdue_q(now)).order_by("due_at")[:10]),
        "overdue_count": qs.filter(_overdue_q(now)).count(),
        "per_phenomenon": [(Phenomenon(p).label, n) for p, n in per.most_common()],
        "new_count": new.count(),
    }


def signal_list_for_agenda(*, municipality: Municipality) -> QuerySet[Signal]:
    """Signals in state geagendeerd: what 'Agenda voorstellen' puts on the next LIO."""
    return Signal.objects.filter(municipality=municipality, status=SignalStatus.SCHEDULED).order_by(
        "created_at", "id"
    )


def signal_get_for_partner(*, user, signal_id: int, visible_signal_ids: Iterable[int]) -> Signal:
    """A signal for a partner member; the meetings app decides which ids are visible (on the
    agenda of a meeting of their series). Anything else is a 404."""
    if not user.is_authenticated or int(signal_id) not in {int(i) for i in visible_signal_ids}:
        raise Http404
    signal = Signal.objects.filter(pk=signal_id).select_related("municipality").first()
    if signal is None:
        raise Http404
    return signal


def dossier_ids_with_phenomena(*, municipality: Municipality, codes) -> QuerySet:
    """Ids of the gemeente's address dossiers holding a signal whose phenomenon (the team's
    classification, else the reporter's) is one of `codes`; a subquery for other apps."""
    codes = list(codes)
    return (
        Signal.objects.filter(municipality=municipality, dossier__isnull=False)
        .filter(Q(classification__in=codes) | Q(classification="", phenomenon__in=codes))
        .values("dossier_id")
    )


def dossier_list(*, municipality: Municipality) -> QuerySet[Dossier]:
    return (
        Dossier.objects.filter(municipality=municipality)
        .annotate(n=Count("signals"))
        .order_by("-created_at", "-id")
    )


def dossier_get(*, municipality: Municipality, dossier_id: int) -> Dossier:
    dossier = Dossier.objects.filter(municipality=municipality, pk=dossier_id).first()
    if dossier is None:
        raise Http404
    return dossier


def attachment_get(*, signal: Signal, attachment_id: int) -> SignalAttachment:
    attachment = SignalAttachment.objects.filter(signal=signal, pk=attachment_id).first()
    if attachment is None:
        raise Http404
    return attachment


def signal_counts_per_quarter(*, municipality: Municipality) -> list[dict]:
    """Signals per phenomenon per quarter (received date), including the statistics rows of
    deleted signals: the monitoring indicator 'meldingen meldpunt'."""
    counter: Counter = Counter()
    rows = list(
        Signal.objects.filter(municipality=municipality).values_list(
            "created_at", "phenomenon", "classification"
        )
    )
    stats = SignalStatistic.objects.filter(municipality=municipality).values_list(
        "created_at", "phenomenon"
    )
    for created, phen, cls in rows:
        local = timezone.localtime(created)
        counter[(cls or phen, local.year, (local.month - 1) // 3 + 1)] += 1
    for created, phen in stats:
        local = timezone.localtime(created)
        counter[(phen, local.year, (local.month - 1) // 3 + 1)] += 1
    return [
        {"phenomenon": p, "year": y, "quarter": q, "count": n}
        for (p, y, q), n in sorted(counter.items(), key=lambda kv: (kv[0][1], kv[0][2], kv[0][0]))
    ]


def signal_statistics(*, municipality: Municipality, start, end) -> dict:
    """Counts of signals received from `start` to `end` (dates, inclusive) per phenomenon and
    per outcome, deleted signals (statistics rows) included. Aggregates only, never content:
    what the progress reports (reporting app) show.
    {"total", "by_phenomenon": [{"label", "count"}], "by_outcome": [...], "scope": "period"}"""
    from .constants import Outcome

    def _in_period(created) -> bool:
        return start <= timezone.localtime(created).date() <= end

    rows = [
        (s.effective_phenomenon, s.outcome if s.status == SignalStatus.CLOSED else "")
        for s in Signal.objects.filter(municipality=municipality).only(
            "created_at", "phenomenon", "classification", "status", "outcome"
        )
        if _in_period(s.created_at)
    ]
    rows += [
        (phenomenon, outcome or Outcome.OTHER)
        for created, phenomenon, outcome in SignalStatistic.objects.filter(
            municipality=municipality
        ).values_list("created_at", "phenomenon", "outcome")
        if _in_period(created)
    ]
    by_phenomenon = Counter(p for p, _o in rows)
    by_outcome = Counter(o for _p, o in rows)
    outcome_labels = {
        "": gettext("nog niet afgesloten"),
        **{v: str(label) for v, label in Outcome.choices},
    }
    return {
        "scope": "period",
        "total": len(rows),
        "by_phenomenon": [
            {"label": str(Phenomenon(p).label), "count": by_phenomenon[p]}
            for p in Phenomenon.values
            if by_phenomenon[p]
        ],
        "by_outcome": [
            {"label": outcome_labels[o], "count": by_outcome[o]}
            for o in ["", *Outcome.values]
            if by_outcome[o]
        ],
    }


# --- Sharing agreements ---------------------------------------------------------------------
def sharing_agreement_list(
    *, municipality: Municipality, active_only: bool = False
) -> QuerySet[SharingAgreement]:
    """The gemeente's agreements; `active_only`: those a signal may be shared under now (the
    agreement and its partner organisation both active)."""
    qs = SharingAgreement.objects.filter(municipality=municipality).select_related("partner")
    if active_only:
        qs = qs.filter(active=True, partner__active=True)
    return qs


def sharing_agreement_get(*, municipality: Municipality, agreement_id: int) -> SharingAgreement:
    return get_object_or_404(
        SharingAgreement.objects.select_related("partner"),
        municipality=municipality,
        pk=agreement_id,
    )


def partner_organisation_choices() -> QuerySet[PartnerOrganisation]:
    """The partner organisations an agreement can be made with (active ones)."""
    return PartnerOrganisation.objects.filter(active=True).order_by("name")


# --- Notifications -------------------------------------------------------------------------------
def signal_team(*, municipality: Municipality):
    """The gemeente's people who handle signals (beheerder, adviseur): who hears of new ones."""
    return (
        get_user_model()
        .objects.filter(
            memberships__municipality=municipality,
            memberships__role__in=SIGNAL_TEAM_ROLES,
        )
        .distinct()
    )


def overdue_counts(*, now: datetime | None = None) -> dict[int, int]:
    """Municipality id -> number of signals past their response term."""
    rows = (
        Signal.objects.filter(_overdue_q(now or timezone.now()))
        .values("municipality")
        .annotate(n=Count("pk"))
    )
    return {row["municipality"]: row["n"] for row in rows}


# --- Addresses and buurten -----------------------------------------------------------------------
def address_list_find(
    *, municipality: Municipality, postcode: str, number: int, addition: str = ""
) -> Address | None:
    """The gemeente's own list: the exact address, else another with the same postcode and
    number (same street and buurt)."""
    same = Address.objects.filter(municipality=municipality, postcode=postcode, number=number)
    exact_first = Case(When(addition=addition, then=Value(0)), default=Value(1))
    return same.order_by(exact_first, "addition").first()  # one query, also when none is found


def address_list_count(*, municipality: Municipality) -> int:
    return Address.objects.filter(municipality=municipality).count()


def buurt_names(*, municipality: Municipality) -> dict[str, str]:
    """CBS buurt code -> name, for the gemeente's buurten (core.Region)."""
    return dict(
        region_search(municipality=municipality)
        .filter(code__startswith="BU")
        .values_list("code", "name")
    )


def signal_counts_per_buurt(*, municipality: Municipality, start: date, end: date) -> dict:
    """Signals received from `start` to `end` (local dates, inclusive) per CBS buurt, the
    statistics rows of deleted signals included. Counts only.
    {"rows": [{"code", "name", "count"}], "unknown": n, "total": n}"""
    zone = timezone.get_current_timezone()
    since = datetime.combine(start, time.min, tzinfo=zone)
    until = datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone)
    period = {"municipality": municipality, "created_at__gte": since, "created_at__lt": until}
    counter: Counter = Counter(Signal.objects.filter(**period).values_list("buurt_code", flat=True))
    counter.update(SignalStatistic.objects.filter(**period).values_list("buurt_code", flat=True))
    unknown = counter.pop("", 0)
    names = buurt_names(municipality=municipality)
    rows = [
        {"code": code, "name": names.get(code, code), "count": n} for code, n in counter.items()
    ]
    rows.sort(key=lambda r: (-r["count"], r["name"]))
    return {"rows": rows, "unknown": unknown, "total": sum(counter.values()) + unknown}
