# SPDX-License-Identifier: EUPL-1.2
"""The few places where meetings calls other apps, looked up at call time so that meetings
keeps working when an optional app (policy) is not installed."""

import importlib
import logging

from django.apps import apps

from .constants import EVENT_KIND_CANDIDATES

logger = logging.getLogger(__name__)


def _optional(module: str):
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            return None
        raise


def policy_event_kind(series_kind: str) -> str | None:
    """The policy app's EventKind value for this kind of overleg, or None when policy is not
    installed or has no matching kind (then no event is registered)."""
    if not apps.is_installed("kompas.policy"):
        return None
    constants = _optional("kompas.policy.constants")
    event_kind = getattr(constants, "EventKind", None) if constants else None
    values = set(event_kind.values) if event_kind is not None else set()
    for candidate in EVENT_KIND_CANDIDATES.get(series_kind, ()):
        if candidate in values:
            return candidate
    return None


def policy_event_register_function():
    """`kompas.policy.services.event_register` when the policy app provides it, else None."""
    if not apps.is_installed("kompas.policy"):
        return None
    services = _optional("kompas.policy.services")
    return getattr(services, "event_register", None) if services else None


def signals_installed() -> bool:
    return apps.is_installed("kompas.signals")


def signals_for_agenda(*, municipality, meeting) -> list:
    """Signals in state geagendeerd (signals' own selector) that are not yet on `meeting`."""
    if not signals_installed():
        return []
    selectors = _optional("kompas.signals.selectors")
    select = getattr(selectors, "signal_list_for_agenda", None) if selectors else None
    if select is None:
        return []
    on_agenda = set(meeting.items.exclude(signal__isnull=True).values_list("signal_id", flat=True))
    return [s for s in select(municipality=municipality) if s.pk not in on_agenda]


# --- Signals and dossiers on the agenda ----------------------------------------------------------
def _reverse_or_none(name: str, **kwargs) -> str | None:
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


def signal_title(signal) -> str:
    """Agenda title of a signal: number and phenomenon only, never its (encrypted) content."""
    from django.utils.translation import gettext as _

    return _("Melding %(pk)s: %(phenomenon)s") % {
        "pk": signal.pk,
        "phenomenon": signal.get_effective_phenomenon_display(),
    }


def agenda_reference_forms(*, municipality, meeting) -> dict:
    """Choices for "melding of dossier toevoegen": the gemeente's open signals and its
    dossiers that are not on this agenda yet."""
    if not signals_installed():
        return {"signals_available": False}
    from kompas.signals import selectors as signal_selectors

    on_agenda = meeting.items.values_list("signal_id", flat=True)
    dossiers_on_agenda = meeting.items.values_list("dossier_id", flat=True)
    signals = signal_selectors.signal_list(municipality=municipality, include_closed=False).exclude(
        pk__in=[pk for pk in on_agenda if pk]
    )
    dossiers = signal_selectors.dossier_list(municipality=municipality).exclude(
        pk__in=[pk for pk in dossiers_on_agenda if pk]
    )
    return {
        "signals_available": True,
        "signal_choices": [
            (s.pk, f"{signal_title(s)} ({s.get_status_display()})") for s in signals[:500]
        ],
        "dossier_choices": [(d.pk, d.title) for d in dossiers[:500]],
    }


def agenda_add_reference(*, meeting, municipality, data, by):
    """Add the signal (`signaal`) or dossier (`dossier`) named in `data` to the agenda."""
    from django.core.exceptions import ValidationError
    from django.http import Http404
    from django.utils.translation import gettext as _

    from . import services

    if not signals_installed():
        raise ValidationError(_("Het meldpunt is niet geïnstalleerd."))
    from kompas.signals import selectors as signal_selectors

    try:
        if data.get("signaal"):
            signal = signal_selectors.signal_get(
                municipality=municipality, signal_id=int(data["signaal"])
            )
            return services.agenda_item_add_signal(meeting=meeting, signal=signal, by=by)
        if data.get("dossier"):
            dossier = signal_selectors.dossier_get(
                municipality=municipality, dossier_id=int(data["dossier"])
            )
            return services.agenda_item_add_dossier(meeting=meeting, dossier=dossier, by=by)
    except (Http404, ValueError) as exc:
        raise ValidationError(
            _("Die melding of dat dossier bestaat niet in deze gemeente.")
        ) from exc
    raise ValidationError(_("Kies een melding of een dossier."))


def item_reference_view(*, item, user, membership) -> dict:
    """What the item page shows about the signal or dossier it refers to.

    Staff get a link to the meldpunt (which audits their view there). Other members see the
    content of a signal only while `selectors.signal_content_visible` allows it; the content is
    then decrypted by signals' `signal_view_for_partner`, which writes the audit entry. Dossier
    items show the dossier's title and its signals' numbers, phenomena and states, never their
    content.
    """
    from . import selectors

    slug = membership.municipality.slug
    if item.kind == "signaal":
        signal = item.signal
        ref = {"kind": "signaal", "signal": signal, "content": None, "staff_url": None}
        if signal is None:
            return ref
        if selectors.can_manage(membership):
            ref["staff_url"] = _reverse_or_none(
                "signals:signal_detail", slug=slug, pk=signal.pk
            ) or _reverse_or_none("signals:signal_list", slug=slug)
        elif selectors.signal_content_visible(item=item, membership=membership):
            from kompas.signals.services import signal_view_for_partner

            ref["content"] = signal_view_for_partner(signal=signal, user=user)
        return ref
    if item.kind == "dossier":
        dossier = item.dossier
        ref = {"kind": "dossier", "dossier": dossier, "signals": [], "staff_url": None}
        if dossier is not None:
            ref["signals"] = list(dossier.signals.order_by("created_at", "pk"))
            if selectors.can_manage(membership):
                ref["staff_url"] = _reverse_or_none(
                    "signals:dossier_detail", slug=slug, pk=dossier.pk
                )
        return ref
    return {"kind": "onderwerp"}
