# SPDX-License-Identifier: EUPL-1.2
"""Reads of casework. Need-to-know in ONE place, `case_visible_qs`:

- the gemeente's regisseurs (role `regisseur`) see all its cases and work on them;
- its beheerders see all its cases for their AVG tasks (inzage, wissen, bewaartermijnen);
- a partner (or any other member) sees a case only while it is listed on a table (a meetings
  series) they are a member of, as a person or through their organisation, and for
  KOMPAS_CASES_PARTNER_ACCESS_DAYS days after it left that table, and only once the case has a
  legal ground for sharing. Of its interventions they see their own organisation's;
- adviseurs and lezers see no cases (not even as members of a table: casework is shared with
  the regisseur's team and the partners only).

Everything not visible answers 404, for pages, API, PDF and exports alike.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kompas.core.constants import Role
from kompas.core.selectors import membership_get
from kompas.meetings import selectors as meetings_selectors
from kompas.meetings.models import Meeting, MeetingSeries

from .constants import (
    DEADLINE_DAYS,
    RESTRICTED_KINDS,
    RESTRICTED_ROLES,
    TABLE_KINDS,
    CaseStatus,
    MeasureKind,
    MeasureStatus,
)
from .models import (
    Case,
    CaseDiscussion,
    CaseListing,
    Intervention,
    Measure,
    Person,
    WeegploegAssessment,
)

ALL_CASES_ROLES = (Role.REGISSEUR, Role.ADMIN)


def sees_persons(*, role: str | None) -> bool:
    """Whether a gemeente role may see the persons that other apps hold with the casework's
    person mechanism (openbare orde's risk persons): the casework role and the beheerder, as
    for cases. Partners see such a person only where the record names their organisation."""
    return role in ALL_CASES_ROLES


def partner_access_days() -> int:
    return int(getattr(settings, "KOMPAS_CASES_PARTNER_ACCESS_DAYS", 14))


@dataclass(frozen=True)
class Access:
    """What a user may do with the cases of one gemeente."""

    role: str | None
    partner_id: int | None = None

    @property
    def sees_all(self) -> bool:
        return self.role in ALL_CASES_ROLES

    @property
    def can_manage(self) -> bool:
        return self.role == Role.REGISSEUR

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def is_partner(self) -> bool:
        return self.role == Role.PARTNER


def case_access(*, user, municipality) -> Access:
    membership = membership_get(user=user, municipality=municipality)
    if membership is None:
        return Access(role=None)
    return Access(role=membership.role, partner_id=membership.partner_id)


def _table_ids_of(*, user, municipality):
    membership = membership_get(user=user, municipality=municipality)
    if membership is None:
        return []
    # Meetings' own visibility rule: for a non-staff member the series they (or their
    # organisation) are a member of.
    return meetings_selectors.series_list(
        user=user, municipality=municipality, membership=membership
    ).values("pk")


def _partner_listing_q(*, user, municipality, prefix: str = "") -> Q:
    since = timezone.localdate() - timedelta(days=partner_access_days())
    return Q(
        **{f"{prefix}series__in": _table_ids_of(user=user, municipality=municipality)},
        **{f"{prefix}listed_from__lte": timezone.localdate()},
    ) & (Q(**{f"{prefix}listed_until__isnull": True}) | Q(**{f"{prefix}listed_until__gte": since}))


def case_visible_qs(*, user, municipality) -> QuerySet[Case]:
    """The cases of `municipality` that `user` may see (see the module docstring)."""
    if not getattr(user, "is_authenticated", False):
        return Case.objects.none()
    access = case_access(user=user, municipality=municipality)
    qs = Case.objects.filter(municipality=municipality)
    if not (access.sees_all or access.is_partner):
        return qs.none()
    if access.sees_all:
        return qs
    listed = CaseListing.objects.filter(
        _partner_listing_q(user=user, municipality=municipality)
    ).values("case_id")
    return (
        qs.filter(pk__in=listed)
        .exclude(legal_ground_kind="")
        .exclude(legal_ground_name="")
        .filter(legal_ground_date__isnull=False)
    )


def _first_or_404(qs):
    found = qs.first()
    if found is None:
        raise Http404
    return found


def case_get(*, user, municipality, pk) -> Case:
    return _first_or_404(
        case_visible_qs(user=user, municipality=municipality)
        .filter(pk=pk)
        .select_related("municipality", "regisseur_user", "regisseur_partner", "dossier")
    )


def _with_list_data(qs: QuerySet[Case]) -> QuerySet[Case]:
    return (
        qs.select_related("regisseur_user", "regisseur_partner")
        .annotate(person_count=Count("persons", distinct=True))
        .prefetch_related(
            Prefetch(
                "listings",
                CaseListing.objects.filter(listed_until__isnull=True).select_related("series"),
                to_attr="open_listings",
            )
        )
    )


def case_list(
    *, user, municipality, q: str = "", status: str = "", case_type: str = "", series=None
) -> QuerySet[Case]:
    """Visible cases, searchable by number or pseudonym ("HV-2026-014 persoon A")."""
    qs = case_visible_qs(user=user, municipality=municipality)
    q = (q or "").strip()
    if q:
        number = q.split(" persoon ")[0].strip()
        qs = qs.filter(number__icontains=number)
    if status in CaseStatus.values:
        qs = qs.filter(status=status)
    if case_type:
        qs = qs.filter(case_type=case_type)
    if series is not None:
        qs = qs.filter(listings__series=series, listings__listed_until__isnull=True).distinct()
    return _with_list_data(qs).order_by("-year", "-sequence")


def table_list(*, user, municipality) -> QuerySet[MeetingSeries]:
    """The tables (series of the casework kinds) the user may pick or open."""
    membership = membership_get(user=user, municipality=municipality)
    access = case_access(user=user, municipality=municipality)
    if membership is None or not (access.sees_all or access.is_partner):
        return MeetingSeries.objects.none()
    if access.sees_all:
        qs = MeetingSeries.objects.filter(municipality=municipality)
    else:
        qs = meetings_selectors.series_list(
            user=user, municipality=municipality, membership=membership
        )
    return qs.filter(kind__in=TABLE_KINDS).order_by("name")


def table_get(*, user, municipality, pk) -> MeetingSeries:
    return _first_or_404(table_list(user=user, municipality=municipality).filter(pk=pk))


def table_case_list(*, user, municipality, series) -> QuerySet[Case]:
    """The cases on one table now (the table's agenda of cases), by pseudonym."""
    return case_list(user=user, municipality=municipality, series=series)


def person_list(*, case: Case) -> QuerySet[Person]:
    return case.persons.select_related("case")


def person_get(*, case: Case, pk) -> Person:
    return _first_or_404(case.persons.select_related("case", "case__municipality").filter(pk=pk))


def intervention_list(*, user, case: Case) -> QuerySet[Intervention]:
    qs = case.interventions.select_related("owner_partner")
    access = case_access(user=user, municipality=case.municipality)
    if access.sees_all:
        return qs
    return qs.filter(owner_partner_id=access.partner_id) if access.partner_id else qs.none()


def intervention_get(*, user, municipality, pk) -> Intervention:
    visible = case_visible_qs(user=user, municipality=municipality)
    intervention = _first_or_404(
        Intervention.objects.filter(pk=pk, case__in=visible.values("pk")).select_related(
            "case", "case__municipality", "owner_partner"
        )
    )
    if not intervention_list(user=user, case=intervention.case).filter(pk=pk).exists():
        raise Http404
    return intervention


def listing_list(*, case: Case) -> QuerySet[CaseListing]:
    return case.listings.select_related("series")


def listing_get(*, user, municipality, pk) -> CaseListing:
    visible = case_visible_qs(user=user, municipality=municipality)
    return _first_or_404(
        CaseListing.objects.filter(pk=pk, case__in=visible.values("pk")).select_related(
            "case", "series"
        )
    )


def discussion_list(*, user, case: Case) -> QuerySet[CaseDiscussion]:
    qs = case.discussions.select_related("meeting", "meeting__series")
    access = case_access(user=user, municipality=case.municipality)
    if access.sees_all:
        return qs
    return qs.filter(meeting__series__in=_table_ids_of(user=user, municipality=case.municipality))


def assessment_list(*, case: Case) -> QuerySet[WeegploegAssessment]:
    return case.assessments.all()


def status_history(*, case: Case):
    return case.status_changes.select_related("by")


def meeting_case_list(*, user, meeting) -> QuerySet[Case]:
    """The visible cases on the table of `meeting` on its date (for the meeting's page)."""
    day = timezone.localtime(meeting.starts_at).date()
    municipality = meeting.series.municipality
    listed = CaseListing.objects.filter(series=meeting.series, listed_from__lte=day).filter(
        Q(listed_until__isnull=True) | Q(listed_until__gte=day)
    )
    return (
        case_visible_qs(user=user, municipality=municipality)
        .filter(pk__in=listed.values("case_id"))
        .order_by("year", "sequence")
    )


def meeting_get(*, user, municipality, pk):
    membership = membership_get(user=user, municipality=municipality)
    if membership is None:
        raise Http404
    access = case_access(user=user, municipality=municipality)
    if access.sees_all:
        return _first_or_404(
            Meeting.objects.filter(
                pk=pk, series__municipality=municipality, series__kind__in=TABLE_KINDS
            ).select_related("series")
        )
    meeting = meetings_selectors.meeting_get(
        user=user, municipality=municipality, membership=membership, pk=pk
    )
    if meeting.series.kind not in TABLE_KINDS:
        raise Http404
    return meeting


def table_meeting_list(*, user, series) -> QuerySet[Meeting]:
    """Meetings of a table (the caller resolved the table with `table_get`), newest first."""
    return Meeting.objects.filter(series=series).select_related("series").order_by("-starts_at")


def meeting_decisions(*, user, meeting, cases) -> dict[int, CaseDiscussion]:
    """The recorded discussion per case at this meeting (decision still encrypted)."""
    return {
        d.case_id: d
        for d in CaseDiscussion.objects.filter(meeting=meeting, case__in=[c.pk for c in cases])
    }


# --- Measures -------------------------------------------------------------------------------
# The register is the gemeente's own: partners never see it. Bibob files (RESTRICTED_KINDS)
# only the bibob-coördinator (role `bibob`) sees; for everyone else they do not exist (404).
MEASURE_ROLES = (Role.ADMIN, Role.ADVISOR, Role.REGISSEUR, Role.READER, Role.BIBOB)
MEASURE_WRITE_ROLES = (Role.ADMIN, Role.ADVISOR, Role.REGISSEUR, Role.BIBOB)


def measure_role(*, user, municipality) -> str | None:
    membership = membership_get(user=user, municipality=municipality)
    return membership.role if membership is not None else None


def sees_restricted(*, role: str | None) -> bool:
    return role in RESTRICTED_ROLES


def measure_visible_qs(*, user, municipality) -> QuerySet[Measure]:
    """The measures of `municipality` that `user` may see (see above)."""
    if not getattr(user, "is_authenticated", False):
        return Measure.objects.none()
    role = measure_role(user=user, municipality=municipality)
    if role not in MEASURE_ROLES:
        return Measure.objects.none()
    qs = Measure.objects.filter(municipality=municipality)
    if not sees_restricted(role=role):
        qs = qs.exclude(kind__in=RESTRICTED_KINDS)
    return qs


def measure_list(
    *, user, municipality, year: int | None = None, kind: str = "", category: str = ""
) -> QuerySet[Measure]:
    qs = measure_visible_qs(user=user, municipality=municipality).select_related("case", "dossier")
    if year:
        qs = qs.filter(date__year=year)
    if kind:
        qs = qs.filter(kind=kind)
    if category:
        qs = qs.filter(category=category)
    return qs


def measure_get(*, user, municipality, pk) -> Measure:
    return _first_or_404(
        measure_list(user=user, municipality=municipality).filter(pk=pk).prefetch_related("signals")
    )


def case_measure_list(*, user, case) -> QuerySet[Measure]:
    """The measures linked to a case that the user may see (a Bibob file: only the bibob role)."""
    return measure_visible_qs(user=user, municipality=case.municipality).filter(case=case)


def measure_deadlines(*, user, municipality, today, days: int = DEADLINE_DAYS) -> list[dict]:
    """The visible measures' deadlines due from `today` to `today + days`, soonest first: the
    end of a begunstigingstermijn, a reopening after closure, a Bibob advice still awaited."""
    until = today + timedelta(days=days)
    qs = measure_visible_qs(user=user, municipality=municipality).exclude(
        status__in=(MeasureStatus.FINISHED, MeasureStatus.WITHDRAWN)
    )
    found = []
    for field, label, extra in (
        ("compliance_until", _("einde begunstigingstermijn"), Q()),
        ("reopening_date", _("heropening na sluiting"), Q()),
        ("bibob_advice_due", _("Bibob-advies verwacht"), Q(bibob_advice_on__isnull=True)),
    ):
        for m in qs.filter(extra, **{f"{field}__gte": today, f"{field}__lte": until}):
            found.append({"measure": m, "what": label, "date": getattr(m, field)})
    return sorted(found, key=lambda d: (d["date"], d["measure"].pk))


def measure_year_figures(*, municipality, year: int) -> dict:
    """Counts only, for the jaarverslag: measures per kind decided in `year`, and the Bibob
    advices received in `year` per outcome (all kinds: counts carry no file)."""
    per_kind = dict(
        Measure.objects.filter(municipality=municipality, date__year=year)
        .values_list("kind")
        .annotate(n=Count("id"))
        .order_by()
    )
    per_outcome = dict(
        Measure.objects.filter(
            municipality=municipality, kind=MeasureKind.BIBOB, bibob_advice_on__year=year
        )
        .exclude(bibob_outcome="")
        .values_list("bibob_outcome")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {"per_kind": per_kind, "per_outcome": per_outcome}


def case_choices_for_measures(*, user, municipality) -> QuerySet[Case]:
    return case_visible_qs(user=user, municipality=municipality).only("pk", "number")
