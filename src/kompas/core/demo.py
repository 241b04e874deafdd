# SPDX-License-Identifier: EUPL-1.2
"""Demo data. Apps register a loader in their AppConfig.ready(); `kompas demo` runs them in
order after core's own. Every loader must be idempotent: running the demo twice keeps the data
and creates no duplicates.

Demo data is never loaded in production (`KOMPAS_ENV=production`): it creates beheerder and
adviseur accounts with predictable passwords, and the first person to log in with one would
enrol their own second factor. `load_core`/`load_all` refuse there, as `kompas flush` does."""

from collections.abc import Callable
from datetime import date

from django.conf import settings
from django.utils.translation import gettext as _

from .constants import Role
from .models import Municipality, PartnerOrganisation
from .services import DATA, membership_set, reference_data_load, regions_import, user_ensure

_loaders: list[tuple[int, Callable[[], str | None]]] = []


class DemoRefusedError(Exception):
    """Demo data was asked for in production."""


def refuse_in_production() -> None:
    """Raise DemoRefusedError in production. Every entry point that loads demo data calls it
    first; an app's own loader may call it too when it can be run on its own."""
    if settings.PRODUCTION:
        raise DemoRefusedError(
            _(
                "De demodata wordt in productie (KOMPAS_ENV=production) niet geladen: zij maakt "
                "accounts met bekende wachtwoorden aan. Gebruik een demo-omgeving met een eigen "
                "database."
            )
        )


def register(loader: Callable[[], str | None], order: int = 50) -> None:
    if all(existing is not loader for _o, existing in _loaders):
        _loaders.append((order, loader))


# (username, first name, last name, role per gemeente code, partner code)
DEMO_USERS = [
    ("beheerder-heerenveen", "Bea", "Beheer", {"GM0074": Role.ADMIN}, None),
    ("adviseur-heerenveen", "Anne", "de Vries", {"GM0074": Role.ADVISOR}, None),
    ("burgemeester-heerenveen", "Bart", "Bakker", {"GM0074": Role.READER}, None),
    ("politie-heerenveen", "Piet", "Jansen", {"GM0074": Role.PARTNER}, "politie"),
    ("adviseur-weststellingwerf", "Wim", "Visser", {"GM0098": Role.ADVISOR}, None),
    (
        "coordinator-zofriesland",
        "Coby",
        "Mulder",
        {
            "GM0074": Role.ADVISOR,
            "GM0085": Role.ADVISOR,
            "GM0086": Role.ADVISOR,
            "GM0098": Role.ADVISOR,
        },
        None,
    ),
]


# Demo dates are written in the source as seen from DEMO_WRITTEN_IN; `demo_date` moves them by
# whole years with the calendar, so "dit jaar" and "vorig jaar" on the pages keep their data.
DEMO_WRITTEN_IN = 2026


def demo_date(iso: str, *, today: date | None = None) -> date:
    """The demo date `iso` (YYYY-MM-DD, written as seen from DEMO_WRITTEN_IN) moved by the
    years since then; 29 February becomes 28 February in a year without it."""
    from django.utils import timezone

    written = date.fromisoformat(iso)
    shift = (today or timezone.localdate()).year - DEMO_WRITTEN_IN
    try:
        return written.replace(year=written.year + shift)
    except ValueError:
        return written.replace(year=written.year + shift, day=28)


def demo_password(username: str) -> str:
    return f"demo-{username}"


def load_core() -> list[str]:
    refuse_in_production()
    reference_data_load()
    regions_import(DATA / "regions_zuidoost_friesland.csv")
    lines = []
    gemeenten = {m.code: m for m in Municipality.objects.all()}
    for username, first, last, roles, partner_code in DEMO_USERS:
        user, _created = user_ensure(
            username=username,
            password=demo_password(username),
            first_name=first,
            last_name=last,
            email=f"{username}@demo.invalid",
        )
        partner = PartnerOrganisation.objects.get(code=partner_code) if partner_code else None
        for code, role in roles.items():
            existing = user.memberships.filter(municipality=gemeenten[code]).first()
            if existing is None:
                membership_set(user=user, municipality=gemeenten[code], role=role, partner=partner)
        lines.append(
            f"  {username:28} {demo_password(username):34} "
            + ", ".join(f"{gemeenten[c].name}: {r}" for c, r in roles.items())
        )
    return lines


def load_all() -> list[str]:
    refuse_in_production()
    lines = load_core()
    for _order, loader in sorted(_loaders, key=lambda x: x[0]):
        note = loader()
        if note:
            lines.append(note)
    return lines
