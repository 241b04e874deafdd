# SPDX-License-Identifier: EUPL-1.2
"""Demo casework for Heerenveen: OVO, AVE, JOS and PGA tables, six invented cases with invented
persons, a regisseur and a GGD user, and two years of the burgemeester's instruments. Every
name is made up (labelled demodata). Idempotent: a second run finds the demo cases and stops."""

from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from kompas.core.constants import Role
from kompas.core.demo import demo_date, demo_password
from kompas.core.models import Municipality, PartnerOrganisation
from kompas.core.services import membership_set, user_ensure
from kompas.meetings import services as meetings_services
from kompas.meetings.constants import Confidentiality, MeetingStatus
from kompas.signals import selectors as signals_selectors

from . import services
from .constants import BibobOutcome, CaseStatus, CloseReason, MeasureKind, MeasureStatus
from .models import Case, Measure
from .services import InterventionData, PersonData

USERS = [
    ("regisseur-heerenveen", "Rianne", "Regie", Role.REGISSEUR, None),
    ("ggd-heerenveen", "Gerrit", "de Graaf", Role.PARTNER, "ggd"),
]
TABLES = [
    ("ovo", "OVO Heerenveen (demo)", "Operationeel Veiligheidsoverleg. Demodata."),
    ("ave", "AVE Heerenveen (demo)", "Aanpak Voorkomen Escalatie. Demodata."),
    ("jos", "JOS Heerenveen (demo)", "Jeugd Op Straat. Demodata."),
    ("pga", "PGA Heerenveen (demo)", "Persoonsgerichte aanpak. Demodata."),
]
GROUND = {
    "legal_ground_kind": "convenant",
    "legal_ground_name": "Convenant Zorg- en Veiligheidshuis Fryslân (demo)",
    "legal_ground_date": date(2023, 1, 1),
}
# (type, tables, persons [(name, birth, address, bsn, role)], summary, status, with ground)
CASES = [
    (
        "huiselijk_geweld",
        ["ovo"],
        [
            (
                "Demo Jansma-Veldstra",
                date(1984, 3, 12),
                "Demostraat 1, Heerenveen",
                "",
                "betrokkene",
            ),
            ("Demo Veldstra", date(1982, 7, 2), "Demostraat 1, Heerenveen", "", "partner"),
        ],
        "DEMO: Herhaalde meldingen van ruzie; tijdelijk huisverbod opgelegd.",
        CaseStatus.IN_APPROACH,
        True,
    ),
    (
        "zorgmijder",
        ["ovo"],
        [("Demo Hoekstra", date(1969, 11, 30), "Demolaan 7, Heerenveen", "", "betrokkene")],
        "DEMO: Verward gedrag in het centrum, mijdt zorg.",
        CaseStatus.DISCUSSED,
        True,
    ),
    (
        "overlast_pga",
        ["ovo", "ave"],
        [("Demo de Boer", date(1991, 5, 18), "Demoweg 3, Heerenveen", "", "betrokkene")],
        "DEMO: Aanhoudende overlast en bedreiging van buren.",
        CaseStatus.REGISTERED,
        True,
    ),
    (
        "jeugd",
        ["jos"],
        [
            ("Demo Sietsma", date(2009, 2, 1), "Demopad 9, Heerenveen", "", "jongere"),
            ("Demo Wierda", date(2008, 9, 14), "Demopad 11, Heerenveen", "", "jongere"),
        ],
        "DEMO: Groep jongeren bij het skatepark, vernielingen.",
        CaseStatus.IN_APPROACH,
        True,
    ),
    (
        "radicalisering",
        ["pga"],
        [("Demo Zijlstra", date(1999, 12, 24), "Demoplein 5, Heerenveen", "", "betrokkene")],
        "DEMO: Signalen van online radicalisering, aangemeld voor de weegploeg.",
        CaseStatus.REGISTERED,
        False,
    ),
    (
        "nazorg",
        ["ave"],
        [("Demo Postma", date(1977, 4, 4), "Demohof 2, Heerenveen", "", "betrokkene")],
        "DEMO: Terugkeer na detentie; nazorg en woonplek geregeld.",
        CaseStatus.CLOSED,
        True,
    ),
]


def _at(days: int, hour: int = 10) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _users(municipality, users=USERS):
    made = {}
    for username, first, last, role, partner_code in users:
        user, _created = user_ensure(
            username=username,
            password=demo_password(username),
            first_name=first,
            last_name=last,
            email=f"{username}@demo.invalid",
        )
        if not user.memberships.filter(municipality=municipality).exists():
            partner = PartnerOrganisation.objects.get(code=partner_code) if partner_code else None
            membership_set(user=user, municipality=municipality, role=role, partner=partner)
        made[username] = user
    return made


def _tables(municipality, advisor, users):
    police = get_user_model().objects.get(username="politie-heerenveen")
    tables = {}
    for kind, name, description in TABLES:
        series = meetings_services.series_create(
            municipality=municipality,
            name=name,
            kind=kind,
            confidentiality=Confidentiality.SECRET,
            description=description,
            by=advisor,
        )
        meetings_services.series_member_add(
            series=series, user=users["regisseur-heerenveen"], role="regisseur", by=advisor
        )
        if kind == "ovo":
            meetings_services.series_member_add(
                series=series, user=users["ggd-heerenveen"], role="GGD", by=advisor
            )
        if kind in ("ovo", "jos"):
            meetings_services.series_member_add(
                series=series, user=police, role="wijkagent", by=advisor
            )
        tables[kind] = series
    return tables


def _cases(municipality, regisseur, tables):
    ggd = PartnerOrganisation.objects.get(code="ggd")
    police = PartnerOrganisation.objects.get(code="politie")
    cases = []
    for n, (case_type, kinds, persons, summary, status, grounded) in enumerate(CASES):
        case = services.case_create(
            municipality=municipality,
            case_type=case_type,
            by=regisseur,
            summary=summary,
            regisseur_user=regisseur,
            persons=[PersonData(*p) for p in persons],
            interventions=[
                InterventionData(
                    "DEMO: huisbezoek", timezone.localdate() + timedelta(days=14), ggd
                ),
                InterventionData(
                    "DEMO: gesprek wijkagent", timezone.localdate() + timedelta(days=21), police
                ),
            ],
            series=[tables[k] for k in kinds],
            created_at=_at(-60 + n * 7),
            is_demo=True,
            **(GROUND if grounded else {}),
        )
        path = {
            CaseStatus.DISCUSSED: [CaseStatus.DISCUSSED],
            CaseStatus.IN_APPROACH: [CaseStatus.DISCUSSED, CaseStatus.IN_APPROACH],
            CaseStatus.CLOSED: [CaseStatus.DISCUSSED, CaseStatus.CLOSED],
        }.get(status, [])
        for to in path:
            reason = CloseReason.REGULAR_CARE if to == CaseStatus.CLOSED else ""
            services.case_status_change(case=case, to=to, by=regisseur, reason=reason)
        cases.append(case)
    return cases


def _meetings(tables, advisor, regisseur, cases):
    ovo = tables["ovo"]
    held = meetings_services.meeting_create(
        series=ovo, starts_at=_at(-7), location="Gemeentehuis (demo)", by=advisor
    )
    meetings_services.meeting_status_set(
        meeting=held, status=MeetingStatus.HELD, by=advisor, is_demo=True
    )
    services.discussion_record(
        case=cases[1],
        meeting=held,
        decision="DEMO: GGD legt huisbezoek af; terugkoppeling in het volgende OVO.",
        by=regisseur,
    )
    for kind, series in tables.items():
        meetings_services.meeting_create(
            series=series,
            starts_at=_at(7 if kind == "ovo" else 14),
            location="Gemeentehuis (demo)",
            by=advisor,
        )


def _measures(municipality, regisseur, cases):
    today = timezone.localdate()
    plan = [
        (MeasureKind.HUISVERBOD, 400, cases[0]),
        (MeasureKind.HUISVERBOD, 200, None),
        (MeasureKind.HUISVERBOD_EXTENDED, 190, None),
        (MeasureKind.HUISVERBOD, 20, cases[0]),
        (MeasureKind.WVGGZ_CRISIS, 300, None),
        (MeasureKind.WVGGZ_ORDER, 40, cases[1]),
        (MeasureKind.CLOSURE_13B, 500, None),
        (MeasureKind.CLOSURE_13B, 90, None),
        (MeasureKind.WOONOVERLAST_WARNING, 120, cases[2]),
        (MeasureKind.CAMERA, 600, None),
        (MeasureKind.EMERGENCY_ORDER, 250, None),
        (MeasureKind.AREA_BAN, 60, None),
    ]
    for kind, days_ago, case in plan:
        day = today - timedelta(days=days_ago)
        extra = {"review_date": day + timedelta(days=365)} if kind == MeasureKind.CAMERA else {}
        services.measure_create(
            municipality=municipality,
            kind=kind,
            date=day,
            by=regisseur,
            case=case,
            description="DEMO",
            is_demo=True,
            **extra,
        )


BIBOB_USER = ("bibob-heerenveen", "Bouke", "Bibob-demo", Role.BIBOB, None)


def _administrative(municipality) -> str | None:
    """A Bibob file and a Damocles closure of 2025 (issue 13), on their own: a demo database
    loaded before them gains them on the next run. Invented, labelled demodata."""
    if Measure.objects.filter(municipality=municipality, is_demo=True, kind="bibob").exists():
        return None
    bibob = _users(municipality, [BIBOB_USER])[BIBOB_USER[0]]
    dossier = signals_selectors.dossier_list(municipality=municipality).first()
    services.measure_create(
        municipality=municipality,
        kind=MeasureKind.BIBOB,
        date=demo_date("2025-05-20"),
        by=bibob,
        status=MeasureStatus.DECIDED,
        decided_by="burgemeester",
        description="DEMO: exploitatievergunning geweigerd na Bibob-advies",
        bibob_application="aanvraag exploitatievergunning horeca",
        bibob_permit="exploitatievergunning (demo)",
        bibob_requested_on=demo_date("2025-02-10"),
        bibob_advice_on=demo_date("2025-04-01"),
        bibob_outcome=BibobOutcome.SERIOUS,
        dossier=dossier,
        is_demo=True,
    )
    services.measure_create(
        municipality=municipality,
        kind=MeasureKind.DAMOCLES,
        date=demo_date("2025-09-02"),
        by=bibob,
        status=MeasureStatus.EXECUTED,
        description="DEMO: woning gesloten na vondst hennepkwekerij",
        closure_date=demo_date("2025-09-16"),
        closure_months=6,
        reopening_date=demo_date("2026-03-16"),
        dossier=dossier,
        is_demo=True,
    )
    return (
        "  Bestuurlijke maatregelen (demo, Heerenveen): een Bibob-dossier en een "
        f"Damocles-sluiting in 2025; {BIBOB_USER[0]:28} {demo_password(BIBOB_USER[0])}"
        " (bibob-coördinator)"
    )


@transaction.atomic
def load_demo() -> str | None:
    municipality = Municipality.objects.filter(code="GM0074").first()
    if municipality is None:
        return None
    administrative = _administrative(municipality)
    if Case.objects.filter(municipality=municipality, is_demo=True).exists():
        return administrative
    advisor = get_user_model().objects.get(username="adviseur-heerenveen")
    users = _users(municipality)
    tables = _tables(municipality, advisor, users)
    cases = _cases(municipality, users["regisseur-heerenveen"], tables)
    _meetings(tables, advisor, users["regisseur-heerenveen"], cases)
    _measures(municipality, users["regisseur-heerenveen"], cases)
    lines = [
        "  Casusoverleg (demo, Heerenveen): /heerenveen/casussen/ — 6 casussen aan OVO, AVE, "
        "JOS en PGA; instrumenten: /heerenveen/instrumenten/"
    ]
    for username, *_rest, role, partner in USERS:
        label = f"partner ({partner}), lid van het OVO" if partner else role
        lines.append(f"  {username:28} {demo_password(username):34} Heerenveen: {label}")
    if administrative:
        lines.append(administrative)
    return "\n".join(lines)
