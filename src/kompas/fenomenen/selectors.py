# SPDX-License-Identifier: EUPL-1.2
"""Reads for fenomenen. Everything is the gemeente's own: its internal roles read, adviseur,
beheerder and bibob-coördinator write; partners and other gemeenten get 404.

The evidence of a fenomenenkeuze gathers, for the year before the chosen year: the meldpunt's
signal counts per phenomenon (signals), the police figures of the gemeente with their trend
and comparison to similar gemeenten (monitoring), and the other registers' figures of that
year through core.hooks.annual_figures (ondermijning's controles are a sibling app, so they
arrive by the hook, as counts, never by import)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kompas.core import hooks
from kompas.core.models import Membership, Municipality
from kompas.core.selectors import register_access, register_access_api
from kompas.monitoring import selectors as monitoring_selectors
from kompas.monitoring.constants import POLICE_SOURCES
from kompas.signals import selectors as signal_selectors
from kompas.signals.constants import Phenomenon

from .constants import PHENOMENON_TERMS, TOPIC_CHOICES, KeuzeStatus
from .models import Activity, PhenomenonChoice, WhiteSpot

# How many police indicators, and how many years of their trend, the evidence page shows.
POLICE_INDICATORS = 8
TREND_YEARS = 5


def today() -> date:
    return timezone.localdate()


def owned_event_kinds() -> list[dict]:
    """For core.hooks.register_event_kinds: the policy event kinds this app records itself."""
    return [{"kind": "fenomenenkeuze", "register": _("fenomenenkeuze")}]


# --- Access ----------------------------------------------------------------------------------
def gemeente_for_user(*, user, slug: str, write: bool = False) -> tuple[Municipality, Membership]:
    """(municipality, membership) for the gemeente's internal roles; 404 otherwise. `write`
    needs a staff role (a lezer gets 403)."""
    return register_access(user=user, slug=slug, write=write)


def gemeente_for_api(*, user, gemeente: str, write: bool = False):
    """The same for the API, by GM code or slug; a lezer writing gets 404 like any other."""
    return register_access_api(user=user, ref=gemeente, write=write)


# --- Fenomenenkeuze --------------------------------------------------------------------------
def phenomenon_label(code: str) -> str:
    return str(Phenomenon(code).label) if code in Phenomenon.values else code


def keuze_list(*, municipality: Municipality) -> QuerySet[PhenomenonChoice]:
    return PhenomenonChoice.objects.filter(municipality=municipality).order_by("-year")


def keuze_get(*, municipality: Municipality, pk: int) -> PhenomenonChoice:
    keuze = keuze_list(municipality=municipality).filter(pk=pk).first()
    if keuze is None:
        raise Http404
    return keuze


def keuze_for_year(*, municipality: Municipality, year: int) -> PhenomenonChoice | None:
    return keuze_list(municipality=municipality).filter(year=year).first()


def chosen_phenomena(*, municipality: Municipality, year: int) -> list[str]:
    """The phenomena (meldpunt codes) adopted for `year`; empty without an adopted choice.
    What other lists filter on as "gekozen fenomeen"."""
    keuze = keuze_for_year(municipality=municipality, year=year)
    if keuze is None or keuze.status != KeuzeStatus.ADOPTED:
        return []
    return list(keuze.phenomena)


def chosen_for_lists(*, municipality: Municipality, year: int) -> dict:
    """For core.hooks.chosen_phenomena: the adopted codes of `year` and the words a plan
    action's text is matched on (PHENOMENON_TERMS of each code, then the free phenomena)."""
    keuze = keuze_for_year(municipality=municipality, year=year)
    if keuze is None or keuze.status != KeuzeStatus.ADOPTED:
        return {"codes": [], "terms": []}
    terms: list[str] = []
    for term in [t for c in keuze.phenomena for t in PHENOMENON_TERMS.get(c, ())] + keuze.free_list:
        if term.lower() not in terms:
            terms.append(term.lower())
    return {"codes": list(keuze.phenomena), "terms": terms}


def _police_figures(municipality: Municipality, year: int) -> list[dict]:
    """Per police indicator of the gemeente: its yearly series up to `year` and the
    comparison per 1,000 inhabitants for the latest year with a figure."""
    indicators = monitoring_selectors.indicators_for_municipality(municipality=municipality).filter(
        source__in=POLICE_SOURCES
    )[:POLICE_INDICATORS]
    figures = []
    for indicator in indicators:
        points = monitoring_selectors.series(
            indicator=indicator,
            region_code=municipality.code,
            year_from=year - TREND_YEARS + 1,
            year_to=year,
        )
        compared_year, rows, _source = monitoring_selectors.comparison(
            indicator=indicator, municipality=municipality
        )
        figures.append(
            {"indicator": indicator, "points": points, "year": compared_year, "rows": rows}
        )
    return figures


def evidence(*, keuze: PhenomenonChoice) -> dict:
    """Everything the choice for `keuze.year` rests on, of the year before it."""
    municipality = keuze.municipality
    base = keuze.year - 1
    signals = signal_selectors.signal_statistics(
        municipality=municipality, start=date(base, 1, 1), end=date(base, 12, 31)
    )
    own_title = gettext("Fenomenen en voorlichting")
    registers = [
        section
        for section in hooks.annual_figures(municipality=municipality, year=base)
        if str(section["title"]) != own_title
    ]
    chosen = keuze.labels
    signals["by_phenomenon"] = [
        {**row, "chosen": row["label"] in chosen} for row in signals["by_phenomenon"]
    ]
    return {
        "base_year": base,
        "signals": signals,
        "police": _police_figures(municipality, base),
        "registers": sorted(registers, key=lambda s: s.get("order", 0)),
        "chosen": chosen,
    }


# --- Witte vlekken ---------------------------------------------------------------------------
def spot_list(*, municipality: Municipality, status: str = "") -> QuerySet[WhiteSpot]:
    qs = WhiteSpot.objects.filter(municipality=municipality)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("review_date", "pk")


def spot_get(*, municipality: Municipality, pk: int) -> WhiteSpot:
    spot = spot_list(municipality=municipality).filter(pk=pk).first()
    if spot is None:
        raise Http404
    return spot


# --- Voorlichting ----------------------------------------------------------------------------
def activity_list(
    *,
    municipality: Municipality,
    year: int | None = None,
    activity_type: str = "",
    topic: str = "",
    chosen_year: int | None = None,
    q: str = "",
) -> QuerySet[Activity]:
    """`chosen_year`: only the activities of that year on a phenomenon adopted in its
    fenomenenkeuze (none without an adopted keuze)."""
    qs = Activity.objects.filter(municipality=municipality)
    if year:
        qs = qs.filter(date__year=year)
    if activity_type:
        qs = qs.filter(activity_type=activity_type)
    if topic:
        qs = qs.filter(topic=topic)
    if chosen_year:
        codes = chosen_phenomena(municipality=municipality, year=chosen_year)
        qs = qs.filter(date__year=chosen_year, topic__in=codes)
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(materials__icontains=q))
    return qs.order_by("-date", "-pk")


def activity_get(*, municipality: Municipality, pk: int) -> Activity:
    activity = Activity.objects.filter(municipality=municipality, pk=pk).first()
    if activity is None:
        raise Http404
    return activity


def activity_years(*, municipality: Municipality) -> list[int]:
    dates = Activity.objects.filter(municipality=municipality).dates("date", "year", order="DESC")
    return [d.year for d in dates]


def activity_counts(*, municipality: Municipality) -> list[dict]:
    """Per year (newest first) and per topic: activities, people and organisations reached,
    the topic marked when it is a chosen phenomenon of that year. One query for the counts."""
    labels = dict(TOPIC_CHOICES)
    chosen = {
        y: set(p)
        for y, p in PhenomenonChoice.objects.filter(
            municipality=municipality, status=KeuzeStatus.ADOPTED
        ).values_list("year", "phenomena")
    }
    rows = (
        Activity.objects.filter(municipality=municipality)
        .values("date__year", "topic")
        .annotate(n=Count("pk"), people=Sum("people"), organisations=Sum("organisations"))
        .order_by("-date__year", "topic")
    )
    years: dict[int, list] = defaultdict(list)
    for row in rows:
        y = row["date__year"]
        years[y].append(
            {
                "topic": row["topic"],
                "label": labels.get(row["topic"], row["topic"]),
                "chosen": row["topic"] in chosen.get(y, set()),
                "n": row["n"],
                "people": row["people"] or 0,
                "organisations": row["organisations"] or 0,
            }
        )
    return [
        {
            "year": y,
            "topics": topics,
            "n": sum(t["n"] for t in topics),
            "people": sum(t["people"] for t in topics),
            "organisations": sum(t["organisations"] for t in topics),
        }
        for y, topics in sorted(years.items(), reverse=True)
    ]


def year_figures(*, municipality: Municipality, year: int) -> dict:
    agg = Activity.objects.filter(municipality=municipality, date__year=year).aggregate(
        n=Count("pk"), people=Sum("people"), organisations=Sum("organisations")
    )
    keuze = keuze_for_year(municipality=municipality, year=year)
    return {
        "activities": agg["n"] or 0,
        "people": agg["people"] or 0,
        "organisations": agg["organisations"] or 0,
        "adopted": keuze is not None and keuze.status == KeuzeStatus.ADOPTED,
        "chosen": (
            len(keuze.phenomena) + len(keuze.free_list)
            if keuze and keuze.status == KeuzeStatus.ADOPTED
            else 0
        ),
    }
