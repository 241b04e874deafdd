# SPDX-License-Identifier: EUPL-1.2
"""Where meetings reads from the apps it depends on: policy (held meetings count for the plan's
norms) and signals (LIO agendas hold signals and dossiers, with foreign keys to them). Both are
declared in `MeetingsConfig.kompas_depends_on` and imported plainly: a renamed function or
constant fails at import (and so in every test), it never switches a feature off.
Writes that use these reads live in services.py."""

from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kompas.core.selectors import membership_get
from kompas.policy.constants import EventKind
from kompas.signals import partner_attachments
from kompas.signals import selectors as signal_selectors
from kompas.signals import services as signal_services
from kompas.signals.constants import SIGNAL_TEAM_ROLES, SignalStatus

from . import selectors
from .constants import ItemKind, MeetingStatus, SeriesKind

# The policy app's event kind per kind of overleg; kinds without one register no event.
POLICY_EVENT_KIND: dict[str, str] = {
    SeriesKind.LIO: EventKind.LIO,
    SeriesKind.OVO: EventKind.OVO,
    SeriesKind.AVE: EventKind.AVE,
    SeriesKind.JOS: EventKind.JOS,
    SeriesKind.DRIEHOEK: EventKind.TRIANGLE,
    SeriesKind.FOOTBALL: EventKind.FOOTBALL_MEETING,
    SeriesKind.PORTFOLIO: EventKind.PORTFOLIO_MEETING,
}


def policy_event_kind(series_kind: str) -> str | None:
    """The policy app's EventKind value for this kind of overleg, or None (PGA, ZVH, weegploeg,
    overig: no norm counts them)."""
    return POLICY_EVENT_KIND.get(series_kind)


# --- Signals and dossiers on the agenda ----------------------------------------------------------
def signals_for_agenda(*, municipality, meeting) -> list:
    """Signals in state geagendeerd (signals' own selector) that are not yet on `meeting`."""
    on_agenda = selectors.signal_ids_on_agenda(meeting=meeting)
    waiting = signal_selectors.signal_list_for_agenda(municipality=municipality)
    return [s for s in waiting if s.pk not in on_agenda]


def signal_title(signal) -> str:
    """Agenda title of a signal: number and phenomenon only, never its (encrypted) content."""
    return _("Melding %(pk)s: %(phenomenon)s") % {
        "pk": signal.pk,
        "phenomenon": signal.get_effective_phenomenon_display(),
    }


def agenda_reference_forms(*, municipality, meeting) -> dict:
    """Choices for "melding of dossier toevoegen": the gemeente's open signals and its
    dossiers that are not on this agenda yet."""
    signals = signal_selectors.signal_list(municipality=municipality, include_closed=False).exclude(
        pk__in=selectors.signal_ids_on_agenda(meeting=meeting)
    )
    dossiers = signal_selectors.dossier_list(municipality=municipality).exclude(
        pk__in=selectors.dossier_ids_on_agenda(meeting=meeting)
    )
    return {
        "signal_choices": [
            (s.pk, f"{signal_title(s)} ({s.get_status_display()})") for s in signals[:500]
        ],
        "dossier_choices": [(d.pk, d.title) for d in dossiers[:500]],
    }


def signal_get(*, municipality, signal_id: int):
    """A signal of the gemeente (404 otherwise)."""
    return signal_selectors.signal_get(municipality=municipality, signal_id=signal_id)


def dossier_get(*, municipality, dossier_id: int):
    """A dossier of the gemeente (404 otherwise)."""
    return signal_selectors.dossier_get(municipality=municipality, dossier_id=dossier_id)


def item_reference_view(*, item, user, membership) -> dict:
    """What the item page shows about the signal or dossier it refers to.

    The meldpunt's team gets a link to the meldpunt (which audits their view there). Other
    members see the content of a signal only while `selectors.signal_content_visible` allows
    it; the content is then decrypted by signals' `signal_view_for_partner`, which writes the
    audit entry. Dossier items show the dossier's title and its signals' numbers, phenomena
    and states, never their content.
    """
    slug = membership.municipality.slug
    manage = selectors.can_manage(membership)
    if item.kind == ItemKind.SIGNAL:
        signal = item.signal
        ref = {"kind": "signaal", "signal": signal, "content": None, "staff_url": None}
        if signal is None:
            return ref
        if manage and membership.role in SIGNAL_TEAM_ROLES:
            ref["staff_url"] = reverse(
                "signals:signal_detail", kwargs={"slug": slug, "pk": signal.pk}
            )
        elif selectors.signal_content_visible(item=item, membership=membership):
            ref["content"] = signal_services.signal_view_for_partner(signal=signal, user=user)
        return ref
    if item.kind == ItemKind.DOSSIER:
        dossier = item.dossier
        ref = {"kind": "dossier", "dossier": dossier, "signals": [], "staff_url": None}
        if dossier is not None:
            ref["signals"] = selectors.dossier_signals(dossier=dossier)
            if manage and membership.role in SIGNAL_TEAM_ROLES:
                ref["staff_url"] = reverse(
                    "signals:dossier_detail", kwargs={"slug": slug, "pk": dossier.pk}
                )
        return ref
    return {"kind": "onderwerp"}


def item_attachment_read(*, item, attachment_id: int, user, membership):
    """A photo or document of the signal on `item`, for a member who may read that signal now
    (404 otherwise); decrypted and audited by the meldpunt."""
    if item.signal is None or not selectors.signal_content_visible(
        item=item, membership=membership
    ):
        raise Http404
    return partner_attachments.attachment_read_for_partner(
        signal=item.signal, attachment_id=attachment_id, user=user
    )


# --- The signal page: which meetings a signal is on (hook core.hooks.signal_references) ------
def _meeting_label(meeting) -> str:
    values = {
        "series": meeting.series.name,
        "date": date_format(timezone.localtime(meeting.starts_at).date(), "j F Y"),
    }
    if meeting.status == MeetingStatus.HELD:
        return _("Besproken in %(series)s van %(date)s") % values
    if meeting.status == MeetingStatus.CANCELLED:
        return _("Stond op de agenda van %(series)s van %(date)s (geannuleerd)") % values
    return _("Geagendeerd voor %(series)s van %(date)s") % values


def _meeting_url(meeting) -> str:
    return reverse(
        "meetings:meeting_detail",
        kwargs={"slug": meeting.series.municipality.slug, "pk": meeting.pk},
    )


def signal_references(*, signal, user) -> list[dict] | None:
    """For the signal page: the meetings `signal` is on the agenda of, that `user` may see,
    each as {'label': 'Geagendeerd voor LIO Heerenveen van 12 maart 2027', 'url': ...}.
    A signal in state geagendeerd that is on no planned agenda yet names the next LIO, where
    "Agenda voorstellen" will put it. None when there is nothing to say."""
    municipality = signal.municipality
    membership = membership_get(user=user, municipality=municipality)
    if membership is None:
        return None
    scope = {"user": user, "municipality": municipality, "membership": membership}
    meetings = [i.meeting for i in selectors.agenda_items_for_signal(signal=signal, **scope)]
    refs = [{"label": _meeting_label(m), "url": _meeting_url(m)} for m in meetings]
    planned = any(m.status == MeetingStatus.PLANNED for m in meetings)
    if signal.status == SignalStatus.SCHEDULED and not planned:
        upcoming = selectors.meeting_next_lio(municipality=municipality)
        if upcoming is not None and selectors.meeting_visible(meeting=upcoming, **scope):
            refs.append(
                {
                    "label": _("%(label)s (nog niet op de agenda)")
                    % {"label": _meeting_label(upcoming)},
                    "url": _meeting_url(upcoming),
                }
            )
    return refs or None


def beheer_links(*, municipality):
    """On the beheerder's page: members of the meeting series are kept per series."""
    return {
        "label": _("Deelnemers van overleggen"),
        "url": reverse("meetings:series_list", kwargs={"slug": municipality.slug}),
        "description": _(
            "per overleg (LIO, OVO, AVE, ...) wie deelneemt en voor welke organisatie"
        ),
        "order": 30,
    }
