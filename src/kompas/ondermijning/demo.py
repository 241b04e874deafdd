# SPDX-License-Identifier: EUPL-1.2
"""Demo ondermijning (invented, labelled demodata): integrale controles in 2025 and the
current year for Weststellingwerf and Heerenveen, with locations and findings, and ten held
ondermijningsdagen of Zuidoost Friesland in 2025 across the four gemeenten plus a few this
year; a few opkopers with their DOR checks and two KVO-B parks, one of which expires within
the start page's 90 days. Dates are written as seen from 2026 (core.demo.demo_date). The norm
events come from these registers, not from policy's demo. Idempotent."""

from datetime import timedelta

from kompas.core.demo import demo_date
from kompas.core.models import Municipality, PartnerOrganisation, Partnership

from . import selectors, services
from .constants import KVO_VALID_YEARS, ControleStatus, DayStatus, KvoLevel
from .models import Branche, Controle, Dealer, KvoPark, UnderminingDay

PARTNERSHIP = "zuidoost-friesland"

# (host, date, place, theme, partners); held unless the date is still to come
DAYS = [
    (
        "GM0074",
        "2025-02-18",
        "Heerenveen, bedrijventerrein Kanaal",
        "Bedrijventerreinen",
        "politie vth",
    ),
    ("GM0098", "2025-03-12", "Wolvega centrum", "Horeca", "politie vth boa"),
    (
        "GM0085",
        "2025-04-09",
        "Oosterwolde, buitengebied",
        "Leegstaand agrarisch vastgoed",
        "politie vth",
    ),
    ("GM0086", "2025-05-14", "Gorredijk", "Nagel- en kapsalons", "politie vth belastingdienst"),
    ("GM0074", "2025-05-20", "Heerenveen, De Kavels", "Bedrijventerreinen", "politie vth riec"),
    ("GM0086", "2025-06-11", "Katlijk, vakantiepark", "Vakantieparken", "politie vth"),
    ("GM0098", "2025-09-24", "Wolvega, bedrijventerrein Lindeweg", "Autobedrijven", "politie vth"),
    ("GM0085", "2025-10-15", "Makkinga", "Opkopers", "politie boa"),
    ("GM0074", "2025-11-12", "Heerenveen centrum", "Horeca", "politie vth"),
    ("GM0098", "2025-12-03", "Noordwolde", "Detailhandel", "politie vth"),
    ("GM0074", "2026-03-10", "Heerenveen, havengebied", "Witte vlek havengebied", "politie vth"),
    ("GM0098", "2026-12-16", "Wolvega, bedrijventerrein Lindeweg", "Garages", "politie vth"),
]

# (gemeente, date, title, branche, reason, day index or None, status, partners, follow-up,
#  [(address, [(outcome, text)])])
CONTROLES = [
    (
        "GM0098",
        "2025-03-12",
        "Horeca Wolvega centrum",
        "horeca",
        "ondermijningsdag",
        1,
        ControleStatus.CLOSED,
        "politie vth boa",
        "Twee waarschuwingen schriftelijk bevestigd.",
        [
            (
                "Hoofdstraat-Oost 10, Wolvega",
                [("waarschuwing", "Geen geldige exploitatievergunning aanwezig.")],
            ),
            ("Hoofdstraat-Oost 22, Wolvega", [("niets", "")]),
        ],
    ),
    (
        "GM0098",
        "2025-09-24",
        "Bedrijventerrein Lindeweg",
        "bedrijventerrein",
        "ondermijningsdag",
        6,
        ControleStatus.DONE,
        "politie vth",
        "Signaal aan het RIEC over de huurder van unit 4.",
        [
            (
                "Lindeweg 4, Wolvega",
                [
                    ("waarschuwing", "Onduidelijk gebruik van de loods."),
                    ("maatregel", "Damocles: sluiting voorbereid (Opiumwet 13b)."),
                ],
            ),
            ("Lindeweg 8, Wolvega", [("doorverwijzing", "Doorverwezen naar de Belastingdienst.")]),
        ],
    ),
    (
        "GM0074",
        "2025-02-18",
        "Bedrijventerrein Kanaal",
        "bedrijventerrein",
        "ondermijningsdag",
        0,
        ControleStatus.CLOSED,
        "politie vth",
        "",
        [
            ("Kanaalweg 12, Heerenveen", [("niets", "")]),
            ("Kanaalweg 14, Heerenveen", [("waarschuwing", "Opslag zonder omgevingsvergunning.")]),
        ],
    ),
    (
        "GM0074",
        "2025-05-20",
        "Garages De Kavels",
        "autobedrijven",
        "signalen",
        4,
        ControleStatus.DONE,
        "politie vth riec",
        "Signaal aan politie over kentekenfraude.",
        [("De Kavels 3, Heerenveen", [("maatregel", "Last onder dwangsom aangekondigd.")])],
    ),
    (
        "GM0074",
        "2026-03-10",
        "Havengebied",
        "bedrijventerrein",
        "fenomenenkeuze",
        10,
        ControleStatus.DONE,
        "politie vth",
        "",
        [("Havenweg 1, Heerenveen", [("niets", "")])],
    ),
    (
        "GM0098",
        "2026-12-16",
        "Garages Lindeweg",
        "autobedrijven",
        "ondermijningsdag",
        11,
        ControleStatus.PLANNED,
        "politie vth",
        "",
        [],
    ),
]


# Opkopers: (gemeente, name, invented KvK number, address, branche, in DOR since or None,
#  [(check date, outcome, text)])
DEALERS = [
    (
        "GM0098",
        "Goud- en Zilverhandel De Linde (demo)",
        "99000011",
        "Hoofdstraat-Oost 40, Wolvega",
        "edelmetaal",
        "2024-03-01",
        [("2025-09-24", "niets", "Inkoopregister bijgewerkt in het DOR.")],
    ),
    (
        "GM0098",
        "Telefoonpunt Wolvega (demo)",
        "99000012",
        "Stationsweg 7, Wolvega",
        "elektronica",
        None,
        [("2025-09-24", "waarschuwing", "Niet ingeschreven in het DOR; termijn van vier weken.")],
    ),
    (
        "GM0074",
        "Rijwielhandel Het Meer (demo)",
        "99000021",
        "Dracht 101, Heerenveen",
        "fietsen",
        "2025-01-15",
        [],
    ),
    (
        "GM0074",
        "Kringloop De Kavels (demo)",
        "99000022",
        "De Kavels 12, Heerenveen",
        "kringloop",
        "2023-06-01",
        [("2025-05-20", "niets", "")],
    ),
]


def _dealers_and_parks(gemeenten) -> tuple[int, int]:
    """A few opkopers with their checks, and two KVO-B parks: one whose certificate runs out
    within the start page's 90 days, one renewed last year."""
    dealers = parks = 0
    for code, name, kvk, address, branche, since, checks in DEALERS:
        municipality = gemeenten[code]
        if Dealer.objects.filter(municipality=municipality, kvk_number=kvk).exists():
            continue
        dealer = services.dealer_save(
            municipality=municipality,
            dealer=Dealer(),
            by=None,
            fields={
                "name": name,
                "kvk_number": kvk,
                "address": address,
                "branche": branche,
                "dor_required": True,
                "dor_since": demo_date(since) if since else None,
            },
            is_demo=True,
        )
        for iso, outcome, text in checks:
            services.dealer_check_add(
                dealer=dealer, on=demo_date(iso), outcome=outcome, text=text, by=None
            )
        dealers += 1
    expiring = selectors.today() + timedelta(days=60)
    renewed = demo_date("2025-06-01")
    for code, name, level, certified, expires in (
        (
            "GM0074",
            "Bedrijventerrein Kanaal (demo)",
            KvoLevel.STAR1,
            expiring - timedelta(days=365 * KVO_VALID_YEARS),
            expiring,
        ),
        (
            "GM0098",
            "Bedrijventerrein Lindeweg (demo)",
            KvoLevel.BASIS,
            renewed,
            renewed + timedelta(days=365 * KVO_VALID_YEARS),
        ),
    ):
        municipality = gemeenten[code]
        if KvoPark.objects.filter(municipality=municipality, name=name).exists():
            continue
        services.kvo_save(
            municipality=municipality,
            park=KvoPark(),
            by=None,
            fields={
                "name": name,
                "level": level,
                "certified_on": certified,
                "expires_on": expires,
                "next_review": max(certified + timedelta(days=365), selectors.today()),
            },
            is_demo=True,
        )
        parks += 1
    return dealers, parks


def _partners(codes: str):
    return list(PartnerOrganisation.objects.filter(code__in=codes.split()))


def _days(gemeenten, partnership) -> list[UnderminingDay]:
    today = selectors.today()
    days = []
    for host, iso, place, theme, partners in DAYS:
        on = demo_date(iso)
        day = UnderminingDay.objects.filter(
            partnership=partnership, is_demo=True, theme=theme, date=on
        ).first()
        if day is None:
            day = services.day_save(
                municipality=gemeenten[host],
                day=UnderminingDay(),
                by=None,
                fields={
                    "partnership": partnership,
                    "date": on,
                    "place": place,
                    "theme": theme,
                    "status": DayStatus.HELD if on <= today else DayStatus.PLANNED,
                },
                partners=_partners(partners),
                is_demo=True,
            )
        days.append(day)
    return days


def _dossier(municipality):
    return selectors.dossier_list(municipality=municipality).first()


def load_demo() -> str:
    gemeenten = {m.code: m for m in Municipality.objects.all()}
    partnership = Partnership.objects.filter(code=PARTNERSHIP).first()
    if partnership is None or not {"GM0074", "GM0098"} <= set(gemeenten):
        return "Ondermijning: geen demodata (gemeenten of Zuidoost Friesland ontbreken)."
    services.branches_ensure()
    days_before = UnderminingDay.objects.filter(is_demo=True).count()
    days = _days(gemeenten, partnership)
    days_added = UnderminingDay.objects.filter(is_demo=True).count() - days_before
    today = selectors.today()
    added = 0
    for (
        code,
        iso,
        title,
        branche,
        reason,
        day_index,
        status,
        partners,
        follow_up,
        locations,
    ) in CONTROLES:
        municipality = gemeenten[code]
        on = demo_date(iso)
        if Controle.objects.filter(municipality=municipality, is_demo=True, title=title).exists():
            continue
        if on > today:
            status = ControleStatus.PLANNED
        dossier = _dossier(municipality)
        controle = services.controle_save(
            municipality=municipality,
            controle=Controle(),
            by=None,
            fields={
                "title": title,
                "date": on,
                "branche": Branche.objects.get(code=branche),
                "reason": reason,
                "day": days[day_index] if day_index is not None else None,
                "status": status,
                "follow_up": follow_up,
            },
            partners=_partners(partners),
            # the first address of a controle is linked to the meldpunt's dossier, if any
            locations=[
                {"address": a, "dossier": dossier if i == 0 else None}
                for i, (a, _f) in enumerate(locations)
            ],
            is_demo=True,
        )
        for location, (_a, findings) in zip(controle.locations.all(), locations, strict=True):
            for outcome, text in findings:
                services.finding_add(
                    controle=controle, location=location, outcome=outcome, text=text, by=None
                )
        added += 1
    dealers, parks = _dealers_and_parks(gemeenten)
    return (
        f"Ondermijning: {days_added} ondermijningsdagen Zuidoost Friesland, "
        f"{added} integrale controles, {dealers} opkopers en {parks} KVO-B-bedrijventerreinen "
        "toegevoegd."
    )
