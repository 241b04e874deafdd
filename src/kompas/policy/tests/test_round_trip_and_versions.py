# SPDX-License-Identifier: EUPL-1.2
"""Import -> export -> import is lossless for every seed plan; the same file again changes
nothing; a changed file makes a new version with a readable diff; staff work survives."""

import json
from datetime import date
from io import StringIO

import pytest
import yaml
from django.core.management import call_command

from kompas.policy import planfile
from kompas.policy.models import Action, PlanVersion
from kompas.policy.planfile import PLANS_DIR
from kompas.policy.services import action_create, action_update_add, plan_document, plan_import

from .conftest import SEEDS


def _export(code, fmt, plan=""):
    out = StringIO()
    args = ["plan", "export", code, "--format", fmt]
    if plan:
        args += ["--plan", plan]
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("name", SEEDS)
@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_export_equals_canonical_document_and_reimport_is_no_new_version(
    tmp_path, seed_plans, name, fmt
):
    source = yaml.safe_load((PLANS_DIR / name).read_text(encoding="utf-8"))
    plan = next(p for p in seed_plans.values() if p.short_name == source["short_name"])
    text = _export(source["gemeente"], fmt, plan=plan.short_name)
    exported = json.loads(text) if fmt == "json" else yaml.safe_load(text)
    assert exported == planfile.canonical(source)
    # also the key order follows the schema, so a diff between exports is readable
    assert list(exported) == list(planfile.canonical(source))
    path = tmp_path / f"export.{fmt}"
    path.write_text(text, encoding="utf-8")
    result = plan_import(path=path)
    assert result.changed is False
    assert plan.versions.count() == 1


def test_seed_export_is_complete(seed_plans):
    """Everything the seeds hold comes out: counts of priorities, goals, means, partners,
    themes and norms per plan."""
    for name in SEEDS:
        source = yaml.safe_load((PLANS_DIR / name).read_text(encoding="utf-8"))
        plan = next(p for p in seed_plans.values() if p.short_name == source["short_name"])
        doc = plan_document(plan=plan)
        for key in ("priorities", "themes", "norms", "execution_plans", "indicators", "targets"):
            assert len(doc.get(key) or []) == len(source.get(key) or []), (name, key)
        assert plan.priorities.count() == len(source["priorities"])
        assert plan.norms.count() == len(source.get("norms") or [])
        assert plan.themes.count() == len(source.get("themes") or [])
        for entry in source["priorities"]:
            p = plan.priorities.get(number=entry["number"])
            assert [g.text for g in p.goals.all()] == [g["text"] for g in entry["goals"]]
            assert p.means == entry["means"] and p.partners == entry["partners"]


def test_same_file_twice_changes_nothing(seed_plans, ivp):
    again = plan_import(path=PLANS_DIR / "GM0074-ivp-2023-2026.yaml")
    assert again.changed is False
    assert PlanVersion.objects.count() == 3


def test_changed_file_makes_new_version_with_readable_diff(tmp_path, ivp):
    text = (PLANS_DIR / "GM0074-ivp-2023-2026.yaml").read_text(encoding="utf-8")
    changed = text.replace('title: "Digitale veiligheid"', 'title: "Digitale weerbaarheid"', 1)
    assert changed != text
    path = tmp_path / "GM0074-ivp-2023-2026.yaml"
    path.write_text(changed, encoding="utf-8")
    result = plan_import(path=path)
    assert result.changed and result.version.number == 2
    assert result.summary == ["prioriteit 3: title gewijzigd"]
    assert "-  title: Digitale veiligheid" in result.version.diff
    assert "+  title: Digitale weerbaarheid" in result.version.diff
    assert ivp.priorities.get(number=3).title == "Digitale weerbaarheid"
    # the previous version is kept as it was
    assert ivp.versions.get(number=1).document["priorities"][2]["title"] == "Digitale veiligheid"
    assert plan_import(path=path).changed is False


def test_staff_actions_survive_reimport_and_new_version(tmp_path, ivp, adviseur_heerenveen):
    action = action_create(
        plan=ivp,
        priority=ivp.priorities.get(number=1),
        execution_plan=ivp.execution_plans.get(key="2025-2026"),
        title="LIO maandelijks",
        by=adviseur_heerenveen,
    )
    action_update_add(
        action=action,
        date=date(2025, 3, 1),
        text="Gestart.",
        status="lopend",
        by=adviseur_heerenveen,
    )
    assert plan_import(path=PLANS_DIR / "GM0074-ivp-2023-2026.yaml").changed is False
    text = (PLANS_DIR / "GM0074-ivp-2023-2026.yaml").read_text(encoding="utf-8")
    path = tmp_path / "plan.yaml"
    path.write_text(
        text.replace('short_name: "IVP 2023-2026"\n', 'short_name: "IVP 2023-2026"\n', 1).replace(
            'title: "Maatschappelijke onrust"', 'title: "Maatschappelijke onrust en polarisatie"', 1
        ),
        encoding="utf-8",
    )
    assert plan_import(path=path).changed
    action.refresh_from_db()
    assert action.status == "lopend" and action.updates.count() == 1


def test_file_actions_three_way_merge(tmp_path, ivp):
    text = (PLANS_DIR / "GM0074-ivp-2023-2026.yaml").read_text(encoding="utf-8")
    entry = (
        "actions:\n"
        '  - key: lio\n    priority: 1\n    execution_plan: "2023-2024"\n'
        '    title: "LIO opzetten"\n    status: gepland\n'
        '  - priority: 2\n    execution_plan: "2025-2026"\n'
        '    title: "Buurtpreventie"\n    status: gepland\n'
    )
    v2 = text.replace("actions: []\n", entry, 1)
    path = tmp_path / "plan.yaml"
    path.write_text(v2, encoding="utf-8")
    plan_import(path=path)
    lio = Action.objects.get(key="lio")
    # staff move it on; an unchanged file entry leaves their work alone
    action_update_add(action=lio, date=date(2023, 5, 1), text="Loopt.", status="lopend")
    path.write_text(
        v2.replace('title: "Veilige woon- en leefomgeving"', 'title: "Veilig wonen"'),
        encoding="utf-8",
    )
    plan_import(path=path)
    lio.refresh_from_db()
    assert lio.status == "lopend"
    # export shows the staff's status; re-importing that export changes nothing more
    doc = plan_document(plan=ivp)
    assert doc["actions"][0]["status"] == "lopend"
    assert doc["actions"][1] == {
        "priority": 2,
        "execution_plan": "2025-2026",
        "title": "Buurtpreventie",
        "status": "gepland",
    }
    # the file changes the entry itself: the file wins for that action
    path.write_text(
        v2.replace('title: "Veilige woon- en leefomgeving"', 'title: "Veilig wonen"').replace(
            'title: "LIO opzetten"\n    status: gepland',
            'title: "LIO opzetten"\n    status: gereed',
        ),
        encoding="utf-8",
    )
    plan_import(path=path)
    lio.refresh_from_db()
    assert lio.status == "gereed"
    # removed from the file: without updates deleted, with updates kept as 'vervallen'
    path.write_text(text, encoding="utf-8")
    plan_import(path=path)
    assert not Action.objects.filter(title="Buurtpreventie").exists()
    lio.refresh_from_db()
    assert lio.status == "vervallen"


def test_import_command_reports_versions(tmp_path, reference_data):
    out = StringIO()
    call_command("plan", "import", str(PLANS_DIR / "GM0098-ivb-2024-2027.yaml"), stdout=out)
    assert "nieuw plan IVB 2024-2027 (Weststellingwerf), versie 1." in out.getvalue()
    out = StringIO()
    call_command("plan", "import", str(PLANS_DIR / "GM0098-ivb-2024-2027.yaml"), stdout=out)
    assert "ongewijzigd (IVB 2024-2027, versie 1)" in out.getvalue()
