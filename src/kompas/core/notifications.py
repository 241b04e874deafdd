# SPDX-License-Identifier: EUPL-1.2
"""E-mail notifications: the kinds the apps register, and who gets which.

An app registers its kinds in `AppConfig.ready()` (`register(Kind(...))`) and sends with
`kompas.core.services.notifications.notify(...)`. A notification mail holds no signal or
case content — only that something happened, where, and a link — because mail leaves the
product's access control. People switch kinds off at /instellingen/berichten-per-e-mail/;
every kind is on until they do.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    code: str
    label: str
    description: str
    roles: tuple[str, ...]  # who can receive it (membership roles in any gemeente)
    order: int = 50


_kinds: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    _kinds.setdefault(kind.code, kind)
    return kind


def kind_get(code: str) -> Kind:
    return _kinds[code]


def kinds_for_roles(roles) -> list[Kind]:
    roles = set(roles)
    return sorted((k for k in _kinds.values() if roles & set(k.roles)), key=lambda k: k.order)
