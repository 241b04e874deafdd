# SPDX-License-Identifier: EUPL-1.2
"""Reads for overleggen. Visibility, in one place:

- beheerder and adviseur of the gemeente see every series of that gemeente;
- anyone else with a membership in the gemeente (partner, lezer) sees only the series they are
  a member of: as a person, or through the partner organisation of their membership;
- a series is never visible outside its own gemeente (the caller resolves the gemeente with
  `municipality_get_for_user`, which answers 404 for gemeenten the user has no role in).

Everything not visible answers 404, never 403, so its existence does not leak.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from kompas.core.constants import STAFF_ROLES
from kompas.core.models import Membership, Municipality

from .constants import ActionStatus, MeetingStatus, SeriesKind
from .models import AgendaItem, FollowUpAction, Meeting, MeetingSeries, SeriesMember


def can_manage(membership: Membership) -> bool:
    """Only team Veiligheid (beheerder, adviseur) writes series, meetings and agendas."""
    return membership.role in STAFF_ROLES


def partner_access_days() -> int:
    """Days after a meeting was held during which its non-staff members still see the content
    of the signals on its agenda (to check the minutes). Setting KOMPAS_MEETINGS_ACCESS_DAYS."""
    return int(getattr(settings, "MEETINGS_PARTNER_ACCESS_DAYS", 14))


def _first_or_404(qs: QuerySet):
    found = qs.first()
    if found is None:
        raise Http404
    return found


def _member_q(*, user, membership: Membership, prefix: str = "") -> Q:
    q = Q(**{f"{prefix}members__user": user})
    if membership.partner_id:
        q |= Q(**{f"{prefix}members__partner": membership.partner_id})
    return q


def series_list(*, user, municipality: Municipality, membership: Membership) -> QuerySet:
    qs = MeetingSeries.objects.filter(municipality=municipality)
    if not can_manage(membership):
        ids = qs.filter(_member_q(user=user, membership=membership)).values("pk")
        qs = qs.filter(pk__in=ids)
    return qs.annotate(member_count=Count("members", distinct=True)).order_by("-active", "name")


def series_get(*, user, municipality, membership, pk) -> MeetingSeries:
    visible = series_list(user=user, municipality=municipality, membership=membership)
    return _first_or_404(visible.filter(pk=pk))


def series_member_list(*, series: MeetingSeries) -> QuerySet[SeriesMember]:
    return series.members.select_related("user", "partner")


def series_list_with_members(*, user, municipality, membership) -> QuerySet[MeetingSeries]:
    """The visible series with their members loaded (API)."""
    visible = series_list(user=user, municipality=municipality, membership=membership)
    return visible.prefetch_related(
        Prefetch("members", SeriesMember.objects.select_related("user", "partner"))
    )


def series_member_get(*, series: MeetingSeries, pk) -> SeriesMember:
    return _first_or_404(series.members.filter(pk=pk))


def member_candidate_users(*, municipality: Municipality) -> QuerySet:
    """Who may be a person member of a series: users with a role in its gemeente."""
    from django.contrib.auth import get_user_model

    users = Membership.objects.filter(municipality=municipality).values("user")
    return (
        get_user_model()
        .objects.filter(pk__in=users)
        .order_by("last_name", "first_name", "username")
    )


def member_candidate_partners() -> QuerySet:
    """Which organisations may be a member of a series: the active partner organisations."""
    from kompas.core.models import PartnerOrganisation

    return PartnerOrganisation.objects.filter(active=True)


def meeting_list(
    *,
    user,
    municipality,
    membership,
    series: MeetingSeries | None = None,
    status: str = "",
) -> QuerySet[Meeting]:
    """Meetings of the series the user may see, newest first."""
    visible = series_list(user=user, municipality=municipality, membership=membership)
    qs = Meeting.objects.filter(series__in=visible.values("pk"))
    if series is not None:
        qs = qs.filter(series=series)
    if status:
        qs = qs.filter(status=status)
    return (
        qs.select_related("series", "series__municipality")
        .annotate(item_count=Count("items", distinct=True))
        .order_by("-starts_at", "-pk")
    )


def meeting_visible(*, user, municipality, membership, meeting: Meeting) -> bool:
    visible = meeting_list(user=user, municipality=municipality, membership=membership)
    return visible.filter(pk=meeting.pk).exists()


def meeting_get(*, user, municipality, membership, pk) -> Meeting:
    visible = meeting_list(user=user, municipality=municipality, membership=membership)
    return _first_or_404(visible.filter(pk=pk))


def meeting_upcoming(*, user, municipality, membership, limit: int = 10) -> QuerySet[Meeting]:
    return (
        meeting_list(user=user, municipality=municipality, membership=membership)
        .filter(status=MeetingStatus.PLANNED, starts_at__gte=timezone.now() - timedelta(hours=12))
        .order_by("starts_at")[:limit]
    )


def meeting_next_lio(*, municipality: Municipality) -> Meeting | None:
    """The next planned LIO meeting of the gemeente (not scoped to a user: callers scope)."""
    return (
        Meeting.objects.filter(
            series__municipality=municipality,
            series__kind=SeriesKind.LIO,
            status=MeetingStatus.PLANNED,
            starts_at__gte=timezone.now() - timedelta(hours=12),
        )
        .select_related("series")
        .order_by("starts_at")
        .first()
    )


def signal_ids_on_agenda(*, meeting: Meeting) -> set[int]:
    return set(meeting.items.exclude(signal__isnull=True).values_list("signal_id", flat=True))


def dossier_ids_on_agenda(*, meeting: Meeting) -> set[int]:
    return set(meeting.items.exclude(dossier__isnull=True).values_list("dossier_id", flat=True))


def dossier_signals(*, dossier) -> list:
    """The signals of a dossier on the agenda, oldest first (numbers, phenomena, states)."""
    return list(dossier.signals.order_by("created_at", "pk"))


def agenda_item_list(*, meeting: Meeting) -> QuerySet[AgendaItem]:
    return meeting.items.prefetch_related("actions__owner_user", "actions__owner_partner")


def agenda_item_get(*, user, municipality, membership, pk) -> AgendaItem:
    visible = meeting_list(user=user, municipality=municipality, membership=membership)
    return _first_or_404(
        AgendaItem.objects.filter(pk=pk, meeting__in=visible.values("pk")).select_related(
            "meeting", "meeting__series", "meeting__series__municipality"
        )
    )


def agenda_items_for_signal(*, user, municipality, membership, signal) -> QuerySet[AgendaItem]:
    """The agenda items about `signal` in meetings the user may see, oldest meeting first."""
    visible = meeting_list(user=user, municipality=municipality, membership=membership)
    return (
        AgendaItem.objects.filter(signal=signal, meeting__in=visible.values("pk"))
        .select_related("meeting", "meeting__series")
        .order_by("meeting__starts_at", "pk")
    )


def agenda_item_count(*, meeting: Meeting) -> int:
    return meeting.items.count()


def action_list_for_item(*, item: AgendaItem) -> QuerySet[FollowUpAction]:
    return item.actions.select_related("owner_user", "owner_partner")


def action_get(*, user, municipality, membership, pk) -> FollowUpAction:
    visible = meeting_list(user=user, municipality=municipality, membership=membership)
    return _first_or_404(
        FollowUpAction.objects.filter(pk=pk, item__meeting__in=visible.values("pk")).select_related(
            "item", "item__meeting", "item__meeting__series"
        )
    )


def action_list_for_owner(
    *, user, municipality, membership, status: str = ""
) -> QuerySet[FollowUpAction]:
    """ "Mijn acties uit overleggen": actions owned by the user, or by the user's partner
    organisation, in meetings the user can see."""
    visible = meeting_list(user=user, municipality=municipality, membership=membership)
    owner = Q(owner_user=user)
    if membership.partner_id:
        owner |= Q(owner_partner=membership.partner_id)
    qs = FollowUpAction.objects.filter(owner, item__meeting__in=visible.values("pk"))
    if status:
        qs = qs.filter(status=status)
    return qs.select_related(
        "item", "item__meeting", "item__meeting__series", "owner_user", "owner_partner"
    ).order_by("status", "due_date", "pk")


def action_is_owner(*, action: FollowUpAction, user, membership: Membership) -> bool:
    if action.owner_user_id == user.pk:
        return True
    return bool(membership.partner_id and action.owner_partner_id == membership.partner_id)


def action_overdue(action: FollowUpAction) -> bool:
    return action.status == ActionStatus.OPEN and action.due_date < timezone.localdate()


def signal_content_visible(*, item: AgendaItem, membership: Membership) -> bool:
    """May this (non-staff) member read the content of the signal on `item`?

    Only while the signal is on the agenda of a meeting of their series: the meeting is planned,
    or it was held at most `partner_access_days()` days ago (to check the minutes). Never for a
    cancelled meeting. Removing the item from the agenda ends access at once. Staff read signals
    in the meldpunt itself and are not limited here.
    """
    if getattr(item, "signal_id", None) is None:
        return False
    if can_manage(membership):
        return True
    meeting = item.meeting
    if meeting.status == MeetingStatus.PLANNED:
        return True
    if meeting.status == MeetingStatus.HELD and meeting.closed_at is not None:
        return timezone.now() <= meeting.closed_at + timedelta(days=partner_access_days())
    return False


def eligible_owner_users(*, series: MeetingSeries):
    """Users who may own an action: person members of the series, partner members of its member
    organisations in the series' gemeente, and the gemeente's team Veiligheid."""
    from django.contrib.auth import get_user_model

    partner_ids = list(
        series.members.filter(partner__isnull=False).values_list("partner", flat=True)
    )
    memberships = Membership.objects.filter(municipality=series.municipality).filter(
        Q(role__in=list(STAFF_ROLES)) | Q(partner__in=partner_ids)
    )
    return (
        get_user_model()
        .objects.filter(
            Q(pk__in=series.members.filter(user__isnull=False).values("user"))
            | Q(pk__in=memberships.values("user"))
        )
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def eligible_owner_partners(*, series: MeetingSeries):
    from kompas.core.models import PartnerOrganisation

    return PartnerOrganisation.objects.filter(
        pk__in=series.members.filter(partner__isnull=False).values("partner")
    ).order_by("name")


def meeting_mail_users(*, series: MeetingSeries):
    """Who gets the agenda and minutes by mail: person members of the series and the partner
    members of its member organisations in the series' gemeente."""
    from django.contrib.auth import get_user_model

    partner_ids = series.members.filter(partner__isnull=False).values("partner")
    partner_users = Membership.objects.filter(
        municipality=series.municipality, partner__in=partner_ids
    ).values("user")
    return (
        get_user_model()
        .objects.filter(
            Q(pk__in=series.members.filter(user__isnull=False).values("user"))
            | Q(pk__in=partner_users)
        )
        .distinct()
        .order_by("pk")
    )
