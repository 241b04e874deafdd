# SPDX-License-Identifier: EUPL-1.2
"""Bestuurlijke maatregelen (issue 13 item 3) in the one measures register: Bibob, Damocles,
dwangsom; Dutch field errors with nothing stored; Bibob files for the bibob-coördinator only,
every view audited; deadlines on the start page; the jaarverslag's counts."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kompas.cases import panels, selectors, services
from kompas.cases.constants import CONTROLE_SOURCE
from kompas.cases.models import Measure
from kompas.core.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def bibob_user(heerenveen, make_member):
    return make_member(heerenveen, "bibob", username="bibob-hv")


@pytest.fixture
def bibob_file(heerenveen, bibob_user):
    return services.measure_create(
        municipality=heerenveen,
        kind="bibob",
        date=date(2025, 6, 1),
        by=bibob_user,
        bibob_application="exploitatievergunning horeca",
        bibob_permit="Exploitatievergunning Demo-café",
        bibob_requested_on=date(2025, 3, 1),
        bibob_advice_on=date(2025, 4, 20),
        bibob_outcome="ernstige",
    )


def test_damocles_closure_and_bibob_file_are_stored_with_their_details(
    heerenveen, regisseur, bibob_file
):
    closure = services.measure_create(
        municipality=heerenveen,
        kind="damocles",
        date=date(2025, 5, 1),
        by=regisseur,
        closure_date=date(2025, 5, 8),
        closure_months=6,
        reopening_date=date(2025, 11, 8),
        controle_id=17,
        status="uitgevoerd",
    )
    closure.refresh_from_db()
    assert (closure.category, closure.legal_article) == ("bestuurlijk", "Opiumwet, art. 13b")
    assert closure.source_type == CONTROLE_SOURCE and closure.controle_id == 17
    # The LBB advises within eight weeks: the due date follows from the request.
    assert bibob_file.bibob_advice_due == date(2025, 4, 26)
    assert bibob_file.legal_article == "Wet Bibob, art. 3"


def test_a_measure_links_the_gemeentes_own_signals_only(heerenveen, weststellingwerf, regisseur):
    from kompas.signals import services as signal_services

    def signal(municipality):
        return signal_services.signal_create(
            municipality=municipality, phenomenon="drugs_teelt", description="Hennepgeur (test)."
        ).signal

    own, other = signal(heerenveen), signal(weststellingwerf)
    measure = services.measure_create(
        municipality=heerenveen,
        kind="waarschuwing",
        date=date(2025, 2, 1),
        by=regisseur,
        legal_article="APV Heerenveen, art. 2:30",
        signals=[own],
    )
    assert list(measure.signals.all()) == [own]
    with pytest.raises(ValidationError) as exc:
        services.measure_update(measure=measure, by=regisseur, signals=[own, other])
    assert "signals" in exc.value.message_dict
    assert list(measure.signals.all()) == [own]


@pytest.mark.parametrize(
    ("kind", "fields", "field", "message"),
    [
        (
            "damocles",
            {"closure_date": date(2025, 5, 8), "reopening_date": date(2025, 5, 1)},
            "reopening_date",
            "De heropening ligt vóór de sluiting.",
        ),
        (
            "bibob",
            {"bibob_requested_on": date(2025, 3, 1), "bibob_advice_on": date(2025, 2, 1)},
            "bibob_advice_on",
            "Het advies is ontvangen vóór het werd gevraagd.",
        ),
        (
            "dwangsom",
            {"penalty_amount": Decimal("-500")},
            "penalty_amount",
            "Het bedrag van de dwangsom kan niet negatief zijn.",
        ),
        (
            "waarschuwing",
            {"bibob_outcome": "geen"},
            "bibob_outcome",
            "Dit gegeven hoort niet bij een bestuurlijke waarschuwing.",
        ),
    ],
)
def test_impossible_input_is_a_dutch_field_error_and_stores_nothing(
    heerenveen, bibob_user, kind, fields, field, message
):
    with pytest.raises(ValidationError) as exc:
        services.measure_create(
            municipality=heerenveen, kind=kind, date=date(2025, 5, 1), by=bibob_user, **fields
        )
    assert message in exc.value.message_dict[field]
    assert not Measure.objects.exists()
    assert not AuditEntry.objects.filter(object_type="cases.measure").exists()


def test_the_form_shows_the_error_at_the_field_and_stores_nothing(client, regisseur):
    client.force_login(regisseur)
    response = client.post(
        "/heerenveen/instrumenten/nieuw/",
        {
            "kind": "damocles",
            "date": "2025-05-01",
            "decided_by": "burgemeester",
            "closure_date": "2025-05-08",
            "reopening_date": "2025-05-01",
        },
    )
    assert response.status_code == 200
    assert (
        "De heropening ligt vóór de sluiting." in response.context["form"].errors["reopening_date"]
    )
    assert not Measure.objects.exists()


def test_only_the_bibob_coordinator_registers_a_bibob_file(heerenveen, regisseur, client):
    with pytest.raises(ValidationError) as exc:
        services.measure_create(
            municipality=heerenveen, kind="bibob", date=date(2025, 1, 1), by=regisseur
        )
    assert "kind" in exc.value.message_dict
    client.force_login(regisseur)
    form = client.get("/heerenveen/instrumenten/nieuw/").context["form"]
    assert "bibob" not in dict(form.fields["kind"].choices)
    assert "bibob_outcome" not in form.fields


# --- Visibility of Bibob files --------------------------------------------------------------
VIEWERS = ["bibob", "beheerder", "adviseur", "regisseur", "partner", "bibob_elsewhere"]


@pytest.fixture
def viewers(
    heerenveen,
    weststellingwerf,
    make_member,
    bibob_user,
    beheerder,
    regisseur,
    adviseur_heerenveen,
    ggd_user,
):
    return {
        "bibob": bibob_user,
        "beheerder": beheerder,
        "adviseur": adviseur_heerenveen,
        "regisseur": regisseur,
        "partner": ggd_user,
        "bibob_elsewhere": make_member(weststellingwerf, "bibob", username="bibob-ws"),
    }


@pytest.mark.parametrize("viewer", VIEWERS)
def test_bibob_visibility_matrix(viewer, viewers, bibob_file, heerenveen, regisseur, client):
    other = services.measure_create(
        municipality=heerenveen, kind="huisverbod", date=date(2025, 6, 2), by=regisseur
    )
    client.force_login(viewers[viewer])
    sees_bibob = viewer == "bibob"
    sees_register = viewer in ("bibob", "beheerder", "adviseur", "regisseur")
    paths = {
        f"/heerenveen/instrumenten/{bibob_file.pk}/": sees_bibob,
        f"/api/v1/ondermijning/heerenveen/maatregelen/{bibob_file.pk}/": sees_bibob,
        f"/heerenveen/instrumenten/{other.pk}/": sees_register,
        f"/api/v1/ondermijning/heerenveen/maatregelen/{other.pk}/": sees_register,
    }
    for path, allowed in paths.items():
        assert client.get(path).status_code == (200 if allowed else 404), path
    listing = client.get("/heerenveen/instrumenten/")
    assert listing.status_code == (200 if sees_register else 404)
    if sees_register:
        assert ("Bibob-toets" in listing.content.decode()) is sees_bibob
        api = client.get("/api/v1/ondermijning/heerenveen/maatregelen/").json()["results"]
        assert {m["id"] for m in api} == ({bibob_file.pk, other.pk} if sees_bibob else {other.pk})
        csv_text = client.get("/heerenveen/instrumenten/?export=csv").content.decode("utf-8-sig")
        assert ("Bibob" in csv_text) is sees_bibob


def test_every_view_of_a_bibob_file_is_audited(bibob_file, bibob_user, client):
    client.force_login(bibob_user)
    client.get("/heerenveen/instrumenten/")
    client.get(f"/heerenveen/instrumenten/{bibob_file.pk}/")
    client.get(f"/api/v1/ondermijning/heerenveen/maatregelen/{bibob_file.pk}/")
    client.get("/api/v1/ondermijning/heerenveen/maatregelen/")
    views = AuditEntry.objects.filter(
        action="view", object_type="cases.measure", object_id=str(bibob_file.pk), user=bibob_user
    )
    assert sorted(views.values_list("note", flat=True)) == [
        "API",
        "API lijst",
        "pagina",
        "register",
    ]


# --- Deadlines on the start page ------------------------------------------------------------
def test_deadlines_within_14_days_appear_on_the_start_page(
    heerenveen, regisseur, bibob_user, client
):
    today = timezone.localdate()
    services.measure_create(
        municipality=heerenveen,
        kind="dwangsom",
        date=today - timedelta(days=20),
        by=regisseur,
        penalty_amount=Decimal("2500"),
        compliance_until=today + timedelta(days=5),
    )
    services.measure_create(
        municipality=heerenveen,
        kind="damocles",
        date=today - timedelta(days=90),
        by=regisseur,
        closure_date=today - timedelta(days=80),
        reopening_date=today + timedelta(days=30),
    )
    services.measure_create(
        municipality=heerenveen,
        kind="bibob",
        date=today - timedelta(days=60),
        by=bibob_user,
        bibob_requested_on=today - timedelta(days=50),
    )
    client.force_login(regisseur)
    page = client.get("/heerenveen/").content.decode()
    assert "Termijnen van maatregelen" in page and "einde begunstigingstermijn" in page
    assert "heropening na sluiting" not in page  # 30 days away
    assert "Bibob-advies verwacht" not in page  # not the regisseur's to see
    client.force_login(bibob_user)
    assert "Bibob-advies verwacht" in client.get("/heerenveen/").content.decode()


def test_no_panel_without_deadlines_and_not_for_partners(heerenveen, ggd_user, regisseur, rf):
    from kompas.core.selectors import membership_get

    request = rf.get("/heerenveen/")
    for user in (ggd_user, regisseur):
        request.user = user
        membership = membership_get(user=user, municipality=heerenveen)
        assert (
            panels.deadlines_panel(request=request, municipality=heerenveen, membership=membership)
            is None
        )


# --- Jaarverslag ---------------------------------------------------------------------------
def test_annual_figures_count_measures_per_kind_and_bibob_advices_per_outcome(
    heerenveen, regisseur, bibob_file
):
    from kompas.core import hooks

    services.measure_create(
        municipality=heerenveen, kind="damocles", date=date(2025, 7, 1), by=regisseur
    )
    services.measure_create(
        municipality=heerenveen, kind="damocles", date=date(2024, 7, 1), by=regisseur
    )
    sections = [
        s
        for s in hooks.annual_figures(municipality=heerenveen, year=2025)
        if s["title"] == "Instrumenten en bestuurlijke maatregelen"
    ]
    rows = {r["label"]: r["value"] for r in sections[0]["rows"]}
    assert rows["Damocles-sluiting"] == 1 and rows["Bibob-toets / -besluit"] == 1
    assert rows["Bibob-adviezen: ernstige mate van gevaar"] == 1
    assert rows["Bibob-adviezen: geen mate van gevaar"] == 0
    assert selectors.measure_year_figures(municipality=heerenveen, year=2024)["per_kind"] == {
        "damocles": 1
    }
    assert panels.annual_figures(municipality=heerenveen, year=2023) is None


# --- Demo ----------------------------------------------------------------------------------
def test_demo_has_a_bibob_file_and_a_damocles_closure_in_2025_once(heerenveen):
    from kompas.cases import demo
    from kompas.core.demo import load_core

    load_core()
    last_year = timezone.localdate().year - 1  # 2025, written as seen from 2026
    lines = demo.load_demo()
    assert "bibob-heerenveen" in lines
    assert demo.load_demo() is None  # idempotent
    administrative = Measure.objects.filter(municipality=heerenveen, kind__in=("bibob", "damocles"))
    assert sorted(
        (m.kind, m.date.year, m.is_demo, m.description.startswith("DEMO")) for m in administrative
    ) == [("bibob", last_year, True, True), ("damocles", last_year, True, True)]
    bibob = administrative.get(kind="bibob")
    assert bibob.bibob_outcome == "ernstige" and bibob.created_by.username == "bibob-heerenveen"
    assert administrative.get(kind="damocles").reopening_date > bibob.date


# --- API ----------------------------------------------------------------------------------
API = "/api/v1/ondermijning/heerenveen/maatregelen/"


def test_api_registers_a_measure_and_answers_dutch_field_errors(client, regisseur, heerenveen):
    client.force_login(regisseur)
    body = {"kind": "damocles", "date": "2025-05-01", "closure_date": "2025-05-08"}
    bad = client.post(
        API, {**body, "reopening_date": "2025-05-01"}, content_type="application/json"
    )
    assert bad.status_code == 400, bad.content
    assert bad.json()["errors"]["reopening_date"] == ["De heropening ligt vóór de sluiting."]
    unknown = client.post(API, {**body, "signals": [999]}, content_type="application/json")
    assert unknown.status_code == 400 and "signals" in unknown.json()["errors"]
    assert not Measure.objects.exists()
    made = client.post(
        API,
        {**body, "reopening_date": "2025-11-08", "closure_months": 6, "controle_id": 4},
        content_type="application/json",
    )
    assert made.status_code == 201, made.content
    assert (made.json()["controle_id"], made.json()["category"]) == (4, "bestuurlijk")
    listed = client.get(API, {"jaar": 2025, "categorie": "bestuurlijk"}).json()
    assert [m["id"] for m in listed["results"]] == [made.json()["id"]]
    assert client.get(API, {"jaar": 2024}).json()["count"] == 0


def test_api_writes_only_for_the_register_roles(client, heerenveen, make_member, ggd_user):
    body = {"kind": "waarschuwing", "date": "2025-05-01", "legal_article": "APV, art. 2:30"}
    client.force_login(make_member(heerenveen, "lezer"))
    assert client.get(API).status_code == 200
    assert client.post(API, body, content_type="application/json").status_code == 404
    client.force_login(ggd_user)
    assert client.get(API).status_code == 404
    assert not Measure.objects.exists()


def test_openapi_schema_documents_the_measures_api(client, regisseur):
    client.force_login(regisseur)
    text = client.get("/api/v1/schema/").content.decode()
    assert "/api/v1/ondermijning/{gemeente}/maatregelen/" in text
    assert "/api/v1/ondermijning/{gemeente}/maatregelen/{id}/" in text
    assert "MeasureInput" in text and "bibob_outcome" in text


def test_a_bibob_file_linked_to_a_case_stays_off_the_case_page(
    ovo_case, regisseur, bibob_user, client
):
    services.measure_create(
        municipality=ovo_case.municipality,
        kind="bibob",
        date=date(2025, 6, 1),
        by=bibob_user,
        case=ovo_case,
    )
    services.measure_create(
        municipality=ovo_case.municipality,
        kind="huisverbod",
        date=date(2025, 6, 2),
        by=regisseur,
        case=ovo_case,
    )
    client.force_login(regisseur)
    page = client.get(f"/heerenveen/casussen/{ovo_case.pk}/").content.decode()
    assert "huisverbod opgelegd" in page and "Bibob" not in page
    # Nor in the beheerder's subject access export (AVG art. 15) of a person of that case.
    data = services.subject_access_data(person=ovo_case.persons.first())
    assert [m["instrument"] for m in data["instrumenten"]] == ["huisverbod opgelegd"]
