# SPDX-License-Identifier: EUPL-1.2
"""A broken plan file gives Dutch errors naming file, line and field, and imports nothing."""

import pytest

from kompas.policy.models import Plan
from kompas.policy.planfile import PlanFileError
from kompas.policy.services import plan_file_validate, plan_import

VALID = """\
schema_version: 1
gemeente: GM0098
title: "Testplan"
short_name: "Test 2024-2027"
period: {start: "2024-01-01", end: "2027-12-31"}
adopted: {date: "2024-01-15", by: gemeenteraad}
legal_basis: "artikel 38b Politiewet 2012"
status: vastgesteld
priorities:
  - number: 1
    title: "Ondermijning"
    introduction: "Inleiding."
    ambition: "Ambitie."
    goals:
      - code: "1.1"
        text: "Doel."
    means: ["Middel."]
    partners: [politie, vth]
  - number: 2
    title: "Digitaal"
    introduction: "Inleiding."
    ambition: "Ambitie."
    goals: []
    means: []
    partners: []
execution_plans:
  - key: ep-1
    title: "Uitvoeringsplan"
    period: {start: "2024-01-01", end: "2025-12-31"}
actions:
  - priority: 1
    execution_plan: ep-1
    title: "Controle"
    status: gepland
norms:
  - code: controles
    title: "Integrale controles"
    required: 2
    period: jaar
    scope: gemeente
    event_kind: integrale_controle
    source: "minimaal 2x per jaar"
"""


def _errors(tmp_path, text, name="plan.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    _parsed, errors = plan_file_validate(path=path)
    return [(e.line, e.field, e.message) for e in errors], str(path)


def test_valid_file_has_no_errors(tmp_path, reference_data):
    assert _errors(tmp_path, VALID)[0] == []


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "message"),
    [
        (
            "partners: [politie, vth]",
            "partners: [politie, maffia]",
            18,
            "priorities[0].partners[1]",
            "onbekende partner 'maffia'; bekende partnercodes staan in "
            "src/kompas/core/data/partners.yaml",
        ),
        ('title: "Testplan"\n', "", 1, "title", "verplicht veld 'title' ontbreekt"),
        (
            'title: "Digitaal"',
            'title: ""',
            20,
            "priorities[1].title",
            "mag niet leeg zijn",
        ),
        (
            'end: "2027-12-31"',
            'end: "2023-12-31"',
            5,
            "period.end",
            "einddatum 2023-12-31 ligt vóór begindatum 2024-01-01",
        ),
        (
            "period: jaar",
            "period: decennium",
            39,
            "norms[0].period",
            "tekst 'decennium' is geen toegestane waarde; kies uit: week, maand, kwartaal, "
            "vier_maanden, jaar, twee_jaar, vier_jaar, plan, eenmalig",
        ),
        (
            "  - priority: 1\n    execution_plan: ep-1",
            "  - priority: 7\n    execution_plan: ep-1",
            31,
            "actions[0].priority",
            "prioriteit 7 bestaat niet in dit plan",
        ),
        (
            "    execution_plan: ep-1",
            "    execution_plan: ep-9",
            32,
            "actions[0].execution_plan",
            "uitvoeringsplan 'ep-9' bestaat niet in dit plan; bekend: ep-1",
        ),
        (
            "  - number: 2",
            "  - number: 1",
            19,
            "priorities[1].number",
            "prioriteit 1 staat twee keer in het plan (ook op plek 0)",
        ),
        (
            'adopted: {date: "2024-01-15"',
            'adopted: {date: "2024-02-30"',
            6,
            "adopted.date",
            "'2024-02-30' is geen bestaande datum",
        ),
        (
            '    source: "minimaal 2x per jaar"',
            '    source: "minimaal 2x per jaar"\n    aantal: 3',
            43,
            "norms[0].aantal",
            "onbekend veld 'aantal' (zie docs/plan-format.md)",
        ),
        (
            "    scope: gemeente",
            "    scope: partnership\n    partnership: friesland-noord",
            41,
            "norms[0].partnership",
            "samenwerkingsverband 'friesland-noord' is onbekend; bekend: howo, zuidoost-friesland",
        ),
        (
            "    required: 2",
            "    required: twee",
            38,
            "norms[0].required",
            "verwacht geheel getal, maar dit is tekst 'twee'",
        ),
        (
            "status: vastgesteld",
            "status: vastgesteld\nstatus: verlopen",
            9,
            "status",
            "veld 'status' staat twee keer in dezelfde lijst",
        ),
        (
            "status: vastgesteld\n",
            "status: vastgesteld: ja\n",
            8,
            "",
            None,
        ),
    ],
)
def test_broken_file_names_line_and_field(tmp_path, reference_data, old, new, line, field, message):
    assert old in VALID
    errors, path = _errors(tmp_path, VALID.replace(old, new, 1))
    assert errors, "expected an error"
    first = errors[0]
    assert (first[0], first[1]) == (line, field)
    if message is not None:
        assert first[2] == message
    else:
        assert first[2].startswith("het bestand is geen geldige YAML")
    # the message a user reads names file, line and field
    with pytest.raises(PlanFileError) as exc:
        plan_import(path=tmp_path / "plan.yaml")
    text = str(exc.value)
    assert text.startswith(f"{path}, regel {line}")
    if field:
        assert f"veld {field}:" in text
    assert not Plan.objects.exists()


def test_broken_new_version_changes_nothing(tmp_path, reference_data):
    path = tmp_path / "plan.yaml"
    path.write_text(VALID, encoding="utf-8")
    plan = plan_import(path=path).plan
    path.write_text(
        VALID.replace('title: "Testplan"', 'title: "Nieuw"').replace("vth]", "maffia]"),
        encoding="utf-8",
    )
    with pytest.raises(PlanFileError):
        plan_import(path=path)
    plan.refresh_from_db()
    assert plan.title == "Testplan"
    assert plan.versions.count() == 1


def test_all_errors_are_reported_at_once(tmp_path, reference_data):
    text = VALID.replace("  - number: 2", "  - number: 1").replace(
        'ep-1\n    title: "Controle"', 'ep-9\n    title: "Controle"'
    )
    errors, _path = _errors(tmp_path, text)
    assert [e[1] for e in errors] == ["priorities[1].number", "actions[0].execution_plan"]


def test_missing_file_is_reported(tmp_path, reference_data):
    _parsed, errors = plan_file_validate(path=tmp_path / "bestaat-niet.yaml")
    assert "bestand bestaat niet" in str(errors[0])


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        (
            '    goal: "2.1"\n    indicator: "veiligheidsmonitor:onveilig-eigen-buurt"',
            '    goal: "9.9"\n    indicator: "veiligheidsmonitor:onveilig-eigen-buurt"',
            "targets[0].goal",
            "doel '9.9' is geen doel (code of tekst) van prioriteit 2",
        ),
        (
            '    deadline: "2026-12-31"\n    text: "het veiligheidsgevoel',
            '    deadline: "2030-12-31"\n    text: "het veiligheidsgevoel',
            "targets[0].deadline",
            "de datum ligt buiten de looptijd van het plan",
        ),
        (
            "reference_region: GM0074, tolerance: 0",
            "reference_region: BU00740101, tolerance: 0",
            "targets[0].rule.reference_region",
            "een gebied kan niet met zichzelf worden vergeleken",
        ),
    ],
)
def test_monitoring_sections_are_checked_too(tmp_path, reference_data, old, new, field, message):
    from kompas.policy.planfile import PLANS_DIR

    text = (PLANS_DIR / "GM0074-ivp-2023-2026.yaml").read_text(encoding="utf-8")
    assert text.count(old) == 1
    # the line of the changed field in the seed file (not a fixed number, so the seed can grow)
    line = text[: text.index(old)].count("\n") + 1
    errors, _path = _errors(tmp_path, text.replace(old, new))
    assert errors == [(line, field, message)]
