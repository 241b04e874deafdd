# SPDX-License-Identifier: EUPL-1.2
"""What a voortgangsrapportage says about its period (issue 17 item 4): the team's assessment
per priority, the action status at the period's end, charts that read as Dutch numbers, and
an appendix that names only this gemeente's sources. Made from the demo data of every app."""

import re

import pytest

from kompas.reporting import services
from kompas.reporting.periods import parse_period
from kompas.reporting.tests.pdftext import pdf_text


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


@pytest.fixture
def adviseur(demo_heerenveen, make_member):
    return make_member(demo_heerenveen, "adviseur", username="adviseur-voortgang")


def test_assessment_per_priority_is_edited_shown_under_it_and_frozen(
    client, demo_heerenveen, adviseur
):
    report = services.report_create(
        municipality=demo_heerenveen, kind="voortgang", period=parse_period("2025-T2")
    )
    client.force_login(adviseur)
    base = f"/heerenveen/rapportages/{report.pk}"
    form = client.get(f"{base}/teksten/").content.decode()
    assert "Beoordeling prioriteit 1: Ondermijnende criminaliteit" in form
    assert "Beoordeling prioriteit 4: Maatschappelijke onrust" in form
    one = "Het meldpunt loopt goed; de Bibob-toetsen blijven achter."
    three = "Voorlichting aan ouderen over phishing had veel bereik."
    response = client.post(
        f"{base}/teksten/",
        {"title": report.title, "assessment_1": one, "assessment_3": three},
    )
    assert response.status_code == 302
    page = client.get(f"{base}/").content.decode()
    sections = {
        int(n): body
        for n, body in re.findall(r'id="prioriteit-(\d)"(.*?)</section>', page, flags=re.S)
    }
    assert one in sections[1] and three not in sections[1]
    assert three in sections[3] and one not in sections[3]
    assert "Nog geen beoordeling geschreven." in sections[2]

    sent = services.report_send(report=report, by=adviseur)
    text = _flat(pdf_text(bytes(sent.pdf), layout=False))
    p1, p2 = text.index("Prioriteit 1: Ondermijnende"), text.index("Prioriteit 2: Veilige")
    p3, p4 = text.index("Prioriteit 3: Digitale"), text.index("Prioriteit 4: Maatschappelijke")
    assert p1 < text.index(one) < p2
    assert p3 < text.index(three) < p4
    # frozen: the snapshot holds the texts, and they can no longer change
    assert [p["assessment"] for p in sent.snapshot["priorities"]] == [one, "", three, ""]
    response = client.post(f"{base}/teksten/", {"title": report.title, "assessment_1": "Anders"})
    assert response.status_code == 302
    sent.refresh_from_db()
    assert sent.texts["assessments"] == {"1": one, "3": three}


def test_action_status_is_the_status_at_the_end_of_the_period(client, demo_heerenveen, adviseur):
    """A report on 2025-T2 (to 31 August 2025) shows each action as it stood on 31 August,
    from its dated updates, however the action has moved on since."""
    from datetime import date

    from kompas.policy.selectors import plan_current
    from kompas.policy.services import action_create, action_edit, action_update_add

    plan = plan_current(municipality=demo_heerenveen, on=date(2025, 8, 31))
    priority = plan.priorities.get(number=1)
    common = {"plan": plan, "priority": priority, "execution_plan": plan.execution_plans.first()}
    running = action_create(**common, title="Toets A", start=date(2025, 3, 1), status="lopend")
    action_update_add(action=running, date=date(2025, 10, 1), text="Klaar.", status="gereed")
    delayed = action_create(**common, title="Toets B", start=date(2025, 3, 1))
    action_update_add(action=delayed, date=date(2025, 6, 1), text="Later.", status="vertraagd")
    action_update_add(action=delayed, date=date(2025, 9, 15), text="Klaar.", status="gereed")
    later = action_create(**common, title="Toets C", start=date(2025, 11, 1))
    action_edit(action=later, status="lopend")
    # Status set by an edit, no progress update: the dated status history says it was
    # 'lopend' until the edit (today), so on 31 August 2025 it was not yet 'gereed'.
    edited = action_create(**common, title="Toets D", start=date(2025, 1, 1), status="lopend")
    action_edit(action=edited, status="gereed")
    assert {a.status for a in (running, delayed, later)} == {"gereed", "lopend"}

    report = services.report_create(
        municipality=demo_heerenveen, kind="voortgang", period=parse_period("2025-T2")
    )
    snap = services.report_snapshot(report=report)
    rows = {a["title"]: a for p in snap["priorities"] for a in p["actions"]}
    assert (rows["Toets A"]["status"], rows["Toets A"]["status_label"]) == ("lopend", "lopend")
    assert rows["Toets B"]["status"] == "vertraagd"
    assert rows["Toets B"]["latest_update"]["text"] == "Later."
    assert rows["Toets C"]["status"] == "gepland"
    assert rows["Toets D"]["status"] == "lopend"
    client.force_login(adviseur)
    page = client.get(f"/heerenveen/rapportages/{report.pk}/").content.decode()
    section = re.search(r'id="prioriteit-1"(.*?)</section>', page, flags=re.S).group(1)
    row = re.search(r"Toets A.*?</tr>", section, flags=re.S).group(0)
    assert "lopend" in row and "gereed" not in row


def test_appendix_never_names_a_source_of_another_gemeente(client, demo_heerenveen, adviseur):
    """Weststellingwerf imports a file with figures of an indicator Heerenveen's report uses:
    Heerenveen's appendix (HTML and PDF) does not name that file."""
    from kompas.core.models import Municipality
    from kompas.monitoring.services import observation_upsert_many

    report = services.report_create(
        municipality=demo_heerenveen, kind="voortgang", period=parse_period("2025-T2")
    )
    used = services.report_snapshot(report=report)["priorities"][1]["goals"]
    code = next(t["indicator_code"] for g in used for t in g["targets"])
    other = Municipality.objects.exclude(pk=demo_heerenveen.pk).order_by("code").first()
    observation_upsert_many(
        indicator_code=code,
        rows=[(other.code, "2025JJ00", 7)],
        provenance="overlast-westelijk-geheim.csv",
        municipality=other,
    )
    snap = services.report_snapshot(report=report)
    assert snap["sources"], "the demo's own and national sources are still listed"
    names = [s["name"] for s in snap["sources"]]
    assert "overlast-westelijk-geheim.csv" not in names
    # nor the demo's own sources of other gemeenten (Weststellingwerf's plan figures)
    others = Municipality.objects.exclude(pk=demo_heerenveen.pk).values_list("name", flat=True)
    assert not [n for n in names for o in others if o in n]
    client.force_login(adviseur)
    page = client.get(f"/heerenveen/rapportages/{report.pk}/").content.decode()
    assert "Bijlage: gegevensbronnen" in page
    assert "overlast-westelijk-geheim" not in page
    assert "overlast-westelijk-geheim" not in pdf_text(services.report_pdf(report=report))


def _axis_labels(page: str, title: str) -> list[str]:
    """The tick labels of the quantitative axis in the report's SVG chart named `title`."""
    svg = next(s for s in re.findall(r"<svg.*?</svg>", page, flags=re.S) if title in s)
    texts = [t.strip() for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]
    return [t for t in texts if re.fullmatch(r"-?[\d.,]+", t) and not re.fullmatch(r"20\d\d", t)]


@pytest.mark.parametrize("values", [[3, 7, 2, 11, 9], [900, 1500, 2300, 1200, 1900]])
def test_chart_axes_are_dutch_whole_numbers_and_hold_every_value(
    client, demo_heerenveen, adviseur, values
):
    """A count of 11 used to be drawn above an axis that ended at 10; counts get whole-number
    ticks in Dutch notation (1.500), from 0 up to a tick at or above the highest value."""
    from kompas.monitoring.services import observation_upsert_many

    report = services.report_create(
        municipality=demo_heerenveen, kind="voortgang", period=parse_period("2023")
    )

    def target():
        return next(
            t
            for p in services.report_snapshot(report=report)["priorities"]
            for g in p["goals"]
            for t in g["targets"]
            if t["unit"] == "aantal" and t["region_code"] == "GM0074"
        )

    observation_upsert_many(
        indicator_code=target()["indicator_code"],
        rows=[("GM0074", f"{2019 + i}JJ00", v) for i, v in enumerate(values)],
        provenance="test",
    )
    chart = target()["chart"]
    highest = max([p["value"] for p in chart["points"]] + [target()["required"] or 0])
    assert max(values) <= highest
    client.force_login(adviseur)
    page = client.get(f"/heerenveen/rapportages/{report.pk}/").content.decode()
    labels = _axis_labels(page, chart["title"])
    assert labels[0] == "0"
    assert all(re.fullmatch(r"\d{1,3}(\.\d{3})*", t) for t in labels), labels
    ticks = [int(t.replace(".", "")) for t in labels]
    assert ticks == sorted(ticks) and ticks[-1] >= highest
    assert len({b - a for a, b in zip(ticks, ticks[1:], strict=False)}) == 1
    if highest >= 1000:
        assert "1.000" in labels


def test_axis_ticks_of_rates_have_a_decimal_comma():
    from kompas.reporting.chartaxes import NL_NUMBER_LOCALE, axis_ticks

    assert axis_ticks([0.12, 0.6], whole=False) == ([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6], ",.1f")
    assert axis_ticks([0, 0], whole=True) == ([0, 1], ",d")
    assert axis_ticks([11], whole=True) == ([0, 2, 4, 6, 8, 10, 12], ",d")
    assert (NL_NUMBER_LOCALE["decimal"], NL_NUMBER_LOCALE["thousands"]) == (",", ".")
