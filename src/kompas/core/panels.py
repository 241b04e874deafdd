# SPDX-License-Identifier: EUPL-1.2
"""Start-page panels: each app registers a function that adds one panel to the gemeente's
start page, so core shows what the installed apps have without importing their models."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    title: str
    template: str
    context: dict
    order: int = 50


PanelFactory = Callable[..., Panel | None]
_registry: list[PanelFactory] = []


def register(factory: PanelFactory) -> PanelFactory:
    if factory not in _registry:
        _registry.append(factory)
    return factory


def panels_for(*, request, municipality, membership) -> list[Panel]:
    built = (
        f(request=request, municipality=municipality, membership=membership) for f in _registry
    )
    return sorted((p for p in built if p is not None), key=lambda p: p.order)


@dataclass(frozen=True)
class NavItem:
    title: str
    url_name: str
    roles: tuple[str, ...]
    order: int = 50


_nav: list[NavItem] = []


def register_nav(item: NavItem) -> None:
    if item not in _nav:
        _nav.append(item)


def nav_for(*, request, membership) -> list[dict]:
    """Menu entries of the installed apps that the member's role may open."""
    from django.urls import reverse

    current = request.resolver_match.view_name if request.resolver_match else ""
    return [
        {
            "title": item.title,
            "url": reverse(item.url_name, kwargs={"slug": membership.municipality.slug}),
            "current": current == item.url_name,
        }
        for item in sorted(_nav, key=lambda i: i.order)
        if membership.role in item.roles
    ]
