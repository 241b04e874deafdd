# SPDX-License-Identifier: EUPL-1.2
"""Retention with moved dates, per case type and gemeente; key rotation keeps cases readable;
the hook functions for the lower apps; subject access and erasure."""

import json
from datetime import timedelta

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.utils import timezone

from kompas.cases import services
from kompas.cases.models import Case, CaseStatistic, Measure, Person
from kompas.core import hooks
from kompas.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def _closed(make_case, regisseur, *, case_type, years_ago: float, **extra):
    case = make_case(case_type=case_type, **extra)
    services.case_status_change(case=case, to="afgesloten", reason="doel_bereikt", by=regisseur)
    Case.objects.filter(pk=case.pk).update(
        closed_at=timezone.now() - timedelta(days=int(365.25 * years_ago))
    )
    return case


def test_retention_uses_the_term_per_case_type_and_keeps_a_statistic(make_case, regisseur, ovo):
    pga_old = _closed(make_case, regisseur, case_type="overlast_pga", years_ago=5.1, series=[ovo])
    pga_young = _closed(make_case, regisseur, case_type="overlast_pga", years_ago=4.9)
    jos_old = _closed(make_case, regisseur, case_type="jeugd", years_ago=2.1)
    open_case = make_case(case_type="jeugd")
    measure = services.measure_create(
        municipality=pga_old.municipality,
        kind="huisverbod",
        date=timezone.localdate(),
        by=regisseur,
        case=pga_old,
    )
    dry = services.retention_run(dry_run=True)
    assert {n for _g, n, _t in dry.due} == {pga_old.number, jos_old.number}
    assert Case.objects.count() == 4
    services.retention_run(dry_run=False)
    assert set(Case.objects.values_list("pk", flat=True)) == {pga_young.pk, open_case.pk}
    assert Person.objects.filter(case_id__in=[pga_old.pk, jos_old.pk]).count() == 0
    stat = CaseStatistic.objects.get(case_type="overlast_pga")
    assert (stat.persons, stat.interventions, stat.table_kinds) == (2, 2, ["ovo"])
    measure.refresh_from_db()
    assert measure.case is None  # the register keeps the instrument
    assert AuditEntry.objects.filter(action="delete", object_id=str(pga_old.pk)).exists()


def test_a_gemeentes_own_term_moves_the_date(make_case, regisseur, heerenveen):
    case = _closed(make_case, regisseur, case_type="jeugd", years_ago=2.1)
    services.retention_rule_set(municipality=heerenveen, case_type="jeugd", years=3, by=regisseur)
    assert services.retention_run(dry_run=True).due == []
    assert (
        services.retention_run(dry_run=True, now=timezone.now() + timedelta(days=365)).due[0][1]
        == case.number
    )


def test_retention_command_and_hook(make_case, regisseur, capsys):
    case = _closed(make_case, regisseur, case_type="jeugd", years_ago=3)
    call_command("cases", "retentie", "--dry-run")
    assert (
        "PROEF (er is niets gewijzigd): casussen verwijderen (bewaartermijn verstreken): "
        f"1 (GM0074 {case.number})" in capsys.readouterr().out
    )
    assert Case.objects.exists()
    [lines] = [
        lines
        for lines in hooks.retention_run(dry_run=False, now=None)
        if lines[0].startswith("casussen")
    ]
    assert lines[0].startswith("casussen verwijderen (bewaartermijn verstreken): 1")
    assert not Case.objects.exists()


def test_key_rotation_keeps_cases_readable(ovo_case, ovo, regisseur, settings, adviseur_heerenveen):
    from kompas.meetings import services as meetings_services

    meeting = meetings_services.meeting_create(
        series=ovo, starts_at=timezone.now(), by=adviseur_heerenveen
    )
    services.discussion_record(case=ovo_case, meeting=meeting, decision="Besluit A", by=regisseur)
    old = settings.KOMPAS_SIGNALS_KEYS
    settings.KOMPAS_SIGNALS_KEYS = [Fernet.generate_key().decode(), *old]
    # Other apps (openbare orde's risk persons) answer their own counts on the same hook.
    results = hooks.encrypted_fields_rotate()
    assert {"casussen": 1, "personen": 2, "besluiten": 1, "wegingen": 0} in results
    settings.KOMPAS_SIGNALS_KEYS = settings.KOMPAS_SIGNALS_KEYS[:1]  # old key removed
    ovo_case.refresh_from_db()
    names = [
        i.name for i in services.person_reveal(case=ovo_case, user=regisseur, reason="na rotatie")
    ]
    assert names == ["Jorrit Testhuizen", "Aukje Proefstra"]
    texts = services.case_read(
        case=ovo_case, user=regisseur, discussions=ovo_case.discussions.all()
    )
    assert texts.summary.startswith("Ruzie") and list(texts.decisions.values()) == ["Besluit A"]


def test_signal_references_hook_names_the_visible_case(
    ovo_case, regisseur, adviseur_heerenveen, heerenveen
):
    from kompas.signals import services as signal_services

    signal = signal_services.signal_create(
        municipality=heerenveen, phenomenon="drugs_handel", description="Auto's bij het huis"
    ).signal
    services.case_update(case=ovo_case, by=regisseur, signals=[signal])
    assert (
        hooks.signal_references(signal=signal, user=regisseur)[0][0]["label"]
        == f"Casus {ovo_case.number}"
    )
    assert hooks.signal_references(signal=signal, user=adviseur_heerenveen) == []


def test_subject_access_json_has_everything_and_erasure_keeps_no_identity(
    ovo_case, beheerder, client
):
    person = ovo_case.persons.get(label="B")
    client.force_login(beheerder)
    data = json.loads(
        client.get(f"/heerenveen/casussen/{ovo_case.pk}/personen/{person.pk}/inzage.json").content
    )
    assert (
        data["persoon"]["naam"] == "Aukje Proefstra" and data["casus"]["nummer"] == ovo_case.number
    )
    assert [i["interventie"] for i in data["interventies"]] == ["Huisbezoek", "Gesprek wijkagent"]
    pdf = client.get(f"/heerenveen/casussen/{ovo_case.pk}/personen/{person.pk}/inzage.pdf")
    assert pdf.content.startswith(b"%PDF")
    url = f"/heerenveen/casussen/{ovo_case.pk}/personen/{person.pk}/wissen/"
    assert "definitief wissen" in client.get(url).content.decode()
    assert (
        client.post(url, {"reason": ""}).status_code == 200
    )  # no reason: form error, nothing erased
    assert Person.objects.filter(pk=person.pk).exists()
    assert client.post(url, {"reason": "verzoek betrokkene art. 17"}).status_code == 302
    assert not Person.objects.filter(pk=person.pk).exists()
    entry = AuditEntry.objects.get(action="delete", object_id=str(ovo_case.pk))
    assert entry.fields == ["persoon B"] and entry.note == "verzoek betrokkene art. 17"


def test_measures_counts_per_instrument_per_year_and_category(heerenveen, regisseur, client):
    today = timezone.localdate()
    for kind, d in [
        ("huisverbod", today),
        ("huisverbod", today.replace(year=today.year - 1)),
        ("damocles", today),
    ]:
        services.measure_create(municipality=heerenveen, kind=kind, date=d, by=regisseur)
    assert Measure.objects.get(kind="damocles").category == "bestuurlijk"
    assert (
        Measure.objects.get(kind="huisverbod", date=today).legal_article
        == "Wet tijdelijk huisverbod, art. 2"
    )
    years, rows = services.measure_counts(Measure.objects.values_list("kind", "date__year"))
    assert years == [today.year - 1, today.year]
    assert [(r["kind"], r["counts"]) for r in rows] == [
        ("huisverbod", [1, 1]),
        ("damocles", [0, 1]),
    ]
    client.force_login(regisseur)
    csv_text = client.get("/heerenveen/instrumenten/?export=csv").content.decode("utf-8-sig")
    assert f"instrument;{today.year - 1};{today.year};totaal" in csv_text
    assert "huisverbod opgelegd;1;1;2" in csv_text
    response = client.post(
        "/heerenveen/instrumenten/nieuw/",
        {
            "kind": "cameratoezicht",
            "date": today.isoformat(),
            "decided_by": "burgemeester",
            "end_date": (today - timedelta(days=1)).isoformat(),
        },
    )
    assert "De einddatum ligt vóór de datum van het besluit." in response.content.decode()


def test_keys_rotate_command_covers_cases(ovo_case, regisseur, settings, capsys):
    old = settings.KOMPAS_SIGNALS_KEYS
    settings.KOMPAS_SIGNALS_KEYS = [Fernet.generate_key().decode(), *old]
    call_command("keys", "rotate")
    settings.KOMPAS_SIGNALS_KEYS = settings.KOMPAS_SIGNALS_KEYS[:1]  # old key removed
    ovo_case.refresh_from_db()
    names = [
        i.name for i in services.person_reveal(case=ovo_case, user=regisseur, reason="rotatie")
    ]
    assert names == ["Jorrit Testhuizen", "Aukje Proefstra"]


def test_retention_command_of_the_meldpunt_runs_cases_too(make_case, regisseur, capsys):
    _closed(make_case, regisseur, case_type="jeugd", years_ago=3)
    call_command("retention", "run", "--dry-run")
    assert "casussen verwijderen (bewaartermijn verstreken): 1" in capsys.readouterr().out
    assert Case.objects.exists()


def test_meeting_page_lists_the_tables_cases_by_pseudonym(
    client, ovo_case, ovo, regisseur, adviseur_heerenveen
):
    from kompas.meetings import services as meetings_services

    meeting = meetings_services.meeting_create(
        series=ovo, starts_at=timezone.now(), by=adviseur_heerenveen
    )
    client.force_login(regisseur)
    page = client.get(f"/heerenveen/overleggen/vergaderingen/{meeting.pk}/")
    if page.status_code == 200:
        text = page.content.decode()
        assert ovo_case.number in text and "Jorrit" not in text
    client.force_login(adviseur_heerenveen)
    text = client.get(f"/heerenveen/overleggen/vergaderingen/{meeting.pk}/").content.decode()
    assert "Jorrit" not in text


def test_retention_run_dry_run_says_proef_once_per_line(make_case, regisseur, capsys):
    """`kompas retention run --dry-run` runs every app's retention; each line starts with
    "PROEF" exactly once (the casework's line said it twice)."""
    case = _closed(make_case, regisseur, case_type="jeugd", years_ago=3)
    call_command("retention", "run", "--dry-run")
    out = capsys.readouterr().out.splitlines()
    assert f"GM0074 {case.number}" in "\n".join(out)
    assert out and all(line.count("PROEF") == 1 for line in out), out
    assert Case.objects.exists()
