# SPDX-License-Identifier: EUPL-1.2
"""Extension points: the one way an app reaches an app that depends on it.

Apps call the apps they depend on with plain imports of their `services`/`selectors`
(declared in `AppConfig.kompas_depends_on`, checked by import-linter). The other direction —
a lower app that wants what a higher app knows (the meldpunt showing the meeting a signal is
on, core's start page showing a panel) — goes through a `Hook` declared here: the higher app
registers a function in its `AppConfig.ready()`, the lower app calls the hook and gets one
result per registered function. A hook with nothing registered answers an empty list, so an
app that is not installed simply contributes nothing; a renamed function fails at import in
`ready()`, never silently.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Hook:
    """A named list of functions that all take the same keyword arguments."""

    def __init__(self, name: str, doc: str = "") -> None:
        self.name = name
        self.__doc__ = doc
        self._functions: list[Callable[..., Any]] = []

    def register(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        if fn not in self._functions:
            self._functions.append(fn)
        return fn

    def __call__(self, **kwargs: Any) -> list[Any]:
        """Every registered function's result, in registration order; None results dropped."""
        results = (fn(**kwargs) for fn in self._functions)
        return [r for r in results if r is not None]

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"<Hook {self.name}: {len(self._functions)} registered>"


# --- The hooks ---------------------------------------------------------------------------------
# Add a hook here (with its keyword arguments and what each function returns) when a lower app
# needs something from a higher one. Keep them few.

signal_references = Hook(
    "signal_references",
    "signal_references(signal=Signal, user=User) -> list of {'label': str, 'url': str|None}: "
    "where else a signal is used (e.g. the meeting it is on the agenda of).",
)

meeting_sections = Hook(
    "meeting_sections",
    "meeting_sections(meeting=Meeting, user=User) -> {'title': str, 'items': [{'label': str, "
    "'url': str|None, 'note': str}]} or None: what a higher app lists on a meeting's page "
    "(cases: the cases on the table of that meeting, by pseudonym; each shown case is audited).",
)

encrypted_fields_rotate = Hook(
    "encrypted_fields_rotate",
    "encrypted_fields_rotate() -> dict[str, int]: re-encrypt the app's fields that use the "
    "meldpunt's keys (kompas.signals.crypto) with the current first key; called by "
    "`kompas keys rotate` inside its transaction; answers counts per kind of record.",
)

retention_run = Hook(
    "retention_run",
    "retention_run(dry_run=bool, now=datetime|None) -> list[str]: run a higher app's "
    "retention (AVG bewaartermijnen) with `kompas retention run`; answers report lines.",
)

annual_figures = Hook(
    "annual_figures",
    "annual_figures(municipality=Municipality, year=int) -> {'title': str, 'order': int, "
    "'rows': [{'label': str, 'value': int|str, 'note': str}]} or None: an app's figures of "
    "the year for the 'jaarverslag veiligheid' (reporting); counts only, no personal data.",
)

progress_sections = Hook(
    "progress_sections",
    "progress_sections(municipality=Municipality, start=date, end=date) -> {'title': str, "
    "'order': int, 'rows': [{'label': str, 'value': str, 'note': str}]} or None: what a "
    "higher app adds to a voortgangsrapportage of that period (crisis readiness, stale "
    "openbare-orde risks); no personal data.",
)

register_event_kinds = Hook(
    "register_event_kinds",
    "register_event_kinds() -> list of {'kind': str, 'register': str}: the policy event kinds "
    "that an app's register now records itself (with source_type/source_id), so the event "
    "register no longer offers them for hand entry and marks old hand entries as such.",
)

beheer_links = Hook(
    "beheer_links",
    "beheer_links(municipality=Municipality) -> {'label': str, 'url': str, 'description': str, "
    "'order': int} or None: a higher app's settings page listed on the beheerder's page "
    "(meeting members, bewaartermijnen, sharing agreements).",
)

public_links = Hook(
    "public_links",
    "public_links() -> {'label': str, 'url': str, 'description': str} or None: a public page "
    "(no login) of a higher app, linked from the login page (reporting: the landing page "
    "with every gemeente's dashboard and meldpunt).",
)

chosen_phenomena = Hook(
    "chosen_phenomena",
    "chosen_phenomena(municipality=Municipality, year=int) -> {'codes': list[str], "
    "'terms': list[str]}: the phenomena the gemeente adopted in its fenomenenkeuze of that "
    "year (empty lists without an adopted keuze): the meldpunt's phenomenon codes, and the "
    "words an action's text is matched on (short names and the free phenomena). The lists of "
    "signals, controles, voorlichting and plan actions filter on it ('gekozen fenomeen').",
)
