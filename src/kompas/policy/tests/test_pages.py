# SPDX-License-Identifier: EUPL-1.2
"""Every policy page renders for a lezer; writing needs adviseur; the forms work."""

from datetime import date, timedelta

import pytest

from kompas.policy.models import Action, Event


@pytest.fixture
def lezer_client(client, heerenveen, make_member, seed_plans):
    client.force_login(make_member(heerenveen, "lezer"))
    return client


@pytest.fixture
def adviseur_client(client, adviseur_heerenveen, seed_plans):
    client.force_login(adviseur_heerenveen)
    return client


def _action(ivp, **extra):
    from kompas.policy.services import action_create

    return action_create(
        plan=ivp,
        priority=ivp.priorities.get(number=1),
        execution_plan=ivp.execution_plans.get(key="2025-2026"),
        title="Meldpunt ondermijning verkennen",
        due=date(2025, 12, 31),
        **extra,
    )


def test_lezer_reads_every_page(lezer_client, ivp):
    action = _action(ivp)
    version = ivp.versions.get()
    base = "/heerenveen/beleid"
    pages = {
        f"{base}/": "Integraal Veiligheidsplan 2023-2026",
        f"{base}/plannen/{ivp.pk}/prioriteiten/1/": "Ondermijnende criminaliteit",
        f"{base}/plannen/{ivp.pk}/versies/": "versie 1",
        f"{base}/plannen/{ivp.pk}/versies/{version.number}/": "eerste versie",
        f"{base}/acties/": "Meldpunt ondermijning verkennen",
        f"{base}/acties/{action.pk}/": "Nog geen voortgang gemeld",
        f"{base}/normen/": "Drie beknopte voortgangsrapportages per jaar",
        f"{base}/normen/voortgangsrapportages/": "jaarlijks een drietal beknopte",
        f"{base}/register/": "Register van gebeurtenissen",
        "/heerenveen/": "Normen die achterlopen",
    }
    for url, text in pages.items():
        response = lezer_client.get(url)
        assert response.status_code == 200, url
        assert text in response.content.decode(), url
    # a lezer sees no write buttons and may not post
    assert (
        "Voortgang melden" not in lezer_client.get(f"{base}/acties/{action.pk}/").content.decode()
    )
    assert lezer_client.get(f"{base}/acties/nieuw/").status_code == 404
    assert lezer_client.get(f"{base}/register/nieuw/").status_code == 404
    response = lezer_client.post(
        f"{base}/acties/{action.pk}/", {"date": "2025-05-01", "status": "lopend", "text": "x"}
    )
    assert response.status_code == 404
    assert not action.updates.exists()


def test_predecessor_is_linked_and_shown(lezer_client, seed_plans):
    ivp = seed_plans["IVP 2023-2026"]
    assert ivp.predecessor == seed_plans["Samen Veilig, Samen Doen!"]
    page = lezer_client.get("/heerenveen/beleid/").content.decode()
    assert "Samen Veilig, Samen Doen!" in page
    old = lezer_client.get(f"/heerenveen/beleid/plannen/{ivp.predecessor.pk}/").content.decode()
    assert "verlengd tot en met 31 december 2022" in old
    assert "Dit is niet het plan dat nu geldt." in old


def test_adviseur_adds_action_and_progress(adviseur_client, ivp, adviseur_heerenveen):
    response = adviseur_client.post(
        "/heerenveen/beleid/acties/nieuw/",
        {
            "priority": ivp.priorities.get(number=2).pk,
            "execution_plan": ivp.execution_plans.get(key="2025-2026").pk,
            "title": "Buurtpreventie Heerenveen-Zuid",
            "owner_user": adviseur_heerenveen.pk,
            "partners": ["politie", "inwoners"],
            "start": "2025-01-01",
            "due": "2025-11-30",
            "status": "gepland",
        },
    )
    action = Action.objects.get(title="Buurtpreventie Heerenveen-Zuid")
    assert response["Location"] == f"/heerenveen/beleid/acties/{action.pk}/"
    response = adviseur_client.post(
        f"/heerenveen/beleid/acties/{action.pk}/",
        {"date": "2025-03-01", "status": "lopend", "text": "Eerste bijeenkomst gehouden."},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "lopend"
    assert action.updates.get().text == "Eerste bijeenkomst gehouden."
    mine = adviseur_client.get("/heerenveen/beleid/acties/?mijn=on").content.decode()
    assert "Buurtpreventie Heerenveen-Zuid" in mine


def test_action_form_names_the_wrong_field(adviseur_client, ivp):
    response = adviseur_client.post(
        "/heerenveen/beleid/acties/nieuw/",
        {
            "priority": ivp.priorities.get(number=2).pk,
            "execution_plan": ivp.execution_plans.get(key="2025-2026").pk,
            "title": "Omgekeerde data",
            "start": "2025-06-01",
            "due": "2025-01-01",
            "status": "gepland",
        },
    )
    assert response.status_code == 200
    assert "De einddatum ligt vóór de startdatum." in response.content.decode()
    assert not Action.objects.filter(title="Omgekeerde data").exists()


def test_action_list_filters_and_search(adviseur_client, ivp):
    a = _action(ivp)
    from kompas.policy.services import action_create

    action_create(
        plan=ivp,
        priority=ivp.priorities.get(number=3),
        execution_plan=ivp.execution_plans.get(key="2023-2024"),
        title="Voorlichting phishing",
        status="gereed",
    )
    page = adviseur_client.get("/heerenveen/beleid/acties/?status=gereed").content.decode()
    assert "Voorlichting phishing" in page and a.title not in page
    page = adviseur_client.get("/heerenveen/beleid/acties/?priority=1").content.decode()
    assert a.title in page and "Voorlichting phishing" not in page
    page = adviseur_client.get(
        "/heerenveen/beleid/acties/?execution_plan=2023-2024"
    ).content.decode()
    assert "Voorlichting phishing" in page and a.title not in page
    page = adviseur_client.get("/heerenveen/beleid/acties/?q=phishing").content.decode()
    assert "Voorlichting phishing" in page and a.title not in page
    page = adviseur_client.get("/heerenveen/beleid/acties/?due_to=2025-12-31").content.decode()
    assert a.title in page and "Voorlichting phishing" not in page


def test_event_registered_by_hand_and_deleted_after_confirmation(adviseur_client, heerenveen):
    response = adviseur_client.post(
        "/heerenveen/beleid/register/nieuw/",
        {
            # ondermijningsdag is the ondermijning register's own kind (register_event_kinds)
            "kind": "portefeuillehouderoverleg",
            "date": "2025-05-01",
            "title": "Ondermijningsdag bedrijventerrein",
            "owner": "zuidoost-friesland",
        },
    )
    assert response.status_code == 302
    event = Event.objects.get(title="Ondermijningsdag bedrijventerrein")
    assert event.partnership.code == "zuidoost-friesland" and event.municipality is None
    confirm = adviseur_client.get(f"/heerenveen/beleid/register/{event.pk}/verwijderen/")
    assert "Weet u zeker" in confirm.content.decode()
    assert Event.objects.filter(pk=event.pk).exists()
    adviseur_client.post(f"/heerenveen/beleid/register/{event.pk}/verwijderen/")
    assert not Event.objects.filter(pk=event.pk).exists()


def test_event_form_requires_fields(adviseur_client):
    response = adviseur_client.post("/heerenveen/beleid/register/nieuw/", {"kind": "x"})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="id_title_error"' in page and 'id="id_date_error"' in page
    assert not Event.objects.exclude(source_type__startswith="policy.").exists()


def test_start_page_panels_show_overdue_norms_and_actions_due(lezer_client, ivp, heerenveen):
    from kompas.policy.selectors import today
    from kompas.policy.services import action_create

    action_create(
        plan=ivp,
        priority=ivp.priorities.get(number=4),
        execution_plan=ivp.execution_plans.get(key="2025-2026"),
        title="Draaiboek onrust bijwerken",
        due=today(),
    )
    action_create(
        plan=ivp,
        priority=ivp.priorities.get(number=4),
        execution_plan=ivp.execution_plans.get(key="2025-2026"),
        title="Evaluatie jaarwisseling",
        due=date(2025, 9, 30),
    )
    page = lezer_client.get("/heerenveen/").content.decode()
    panel = page.split("Acties die te laat zijn of deze maand aflopen")[1].split("</section>")[0]
    due_now = panel.split("Draaiboek onrust bijwerken")[1].split("</li>")[0]
    overdue = panel.split("Evaluatie jaarwisseling")[1].split("</li>")[0]
    # an action overdue by months is marked as such; the one due today is not (yet) late
    assert "te laat sinds 30 september 2025" in overdue
    assert "te laat" not in due_now
    norms = page.split("Normen die achterlopen")[1].split("</section>")[0]
    # nothing registered this year: the yearly progress reports are behind or expired
    assert "Drie beknopte voortgangsrapportages per jaar" in norms


def test_gemeente_without_plan_gets_explanations_not_errors(client, reference_data, make_member):
    client.force_login(make_member(reference_data["GM0085"], "adviseur"))
    for url, text in {
        "/ooststellingwerf/beleid/": "nog geen beleidsplan",
        "/ooststellingwerf/beleid/acties/": "Geen acties gevonden.",
        "/ooststellingwerf/beleid/normen/": "nog geen beleidsplan in Veiligheidskompas",
        "/ooststellingwerf/beleid/register/": "Geen gebeurtenissen gevonden.",
        "/ooststellingwerf/": "Er is geen veiligheidsplan in werking.",
    }.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert text in response.content.decode(), url
    assert client.get("/ooststellingwerf/beleid/acties/nieuw/").status_code == 404
    assert client.get("/ooststellingwerf/beleid/normen/x/").status_code == 404


def test_start_page_warns_when_the_plan_ends_within_90_days_without_successor(
    lezer_client, ivp, heerenveen, monkeypatch
):
    from kompas.policy import selectors

    end = ivp.effective_end
    monkeypatch.setattr(selectors, "today", lambda: end - timedelta(days=60))
    page = lezer_client.get("/heerenveen/").content.decode()
    norms = page.split("Normen die achterlopen")[1].split("</section>")[0]
    assert f"Het plan loopt af op {end:%d-%m-%Y} (over 60 dagen)" in norms
    monkeypatch.setattr(selectors, "today", lambda: end - timedelta(days=120))
    page = lezer_client.get("/heerenveen/").content.decode()
    assert "Het plan loopt af op" not in page


def test_demo_dates_move_with_the_calendar():
    from kompas.core.demo import demo_date

    assert demo_date("2025-03-12", today=date(2026, 12, 4)) == date(2025, 3, 12)
    assert demo_date("2025-03-12", today=date(2028, 1, 2)) == date(2027, 3, 12)
    assert demo_date("2024-02-29", today=date(2027, 6, 1)) == date(2025, 2, 28)
