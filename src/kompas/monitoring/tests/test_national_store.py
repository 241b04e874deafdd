# SPDX-License-Identifier: EUPL-1.2
"""`kompas data landelijk`: the national police table is loaded into a new file and swapped
in; the indicator page's comparison and drill-down read it (with its source shown) when it has
the indicator, and fall back to the imported observations otherwise. A broken file leaves the
previous store in place and readable."""

import gc
import os
import subprocess
import sys

import duckdb
import pytest
from django.core.management import CommandError, call_command

from kompas.monitoring import analytics, selectors
from kompas.monitoring.demo import load_demo
from kompas.monitoring.models import Observation
from kompas.monitoring.services import plan_monitoring_sync

from .conftest import plan_sections

# Every load is recorded (NationalLoad) for `kompas data landelijk --status`.
pytestmark = pytest.mark.django_db

HEAD = "SoortMisdrijf,WijkenEnBuurten,Perioden,GeregistreerdeMisdrijven_1\n"
TOTAL = "politie-misdrijven:0.0.0"

# Heerenveen 2024 in the store: 7,777 crimes (the demo holds the police's 1,471), of
# which 555 in wijk 01 and 321 in its buurt Centrum.
STORE_2024 = {
    "GM0074": 7777,
    "GM0085": 1500,
    "GM0086": 1600,
    "GM0098": 1700,
    "GM0080": 9000,
    "GM0363": 80000,
    "WK007401": 555,
    "BU00740101": 321,
    "BU00740102": 234,
    "WK008010": 640,  # Leeuwarden Binnenstad: no imported figure anywhere
}


def year_row(region, year, value, type_code="0.0.0"):
    return f'"{type_code.ljust(6)}","{region.ljust(10)}","{year}JJ00",{value}\n'


def month_rows(region, year, value, type_code="0.0.0"):
    """Twelve months of `value` each (the store's yearly value is their sum)."""
    return "".join(
        f'"{type_code.ljust(6)}","{region.ljust(10)}","{year}MM{m:02d}",{value}\n'
        for m in range(1, 13)
    )


def national_csv(path, *, factor=1):
    text = HEAD
    for region, value in STORE_2024.items():
        text += year_row(region, 2024, value * factor)
        text += year_row(region, 2023, value * factor - 100)
    text += month_rows("GM0074", 2022, 500)  # monthly rows: 6,000 in 2022
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def demo(heerenveen):
    plan_monitoring_sync(municipality=heerenveen, **plan_sections("GM0074-ivp-2023-2026.yaml"))
    load_demo()


@pytest.fixture
def loaded(tmp_path):
    call_command("data", "landelijk", str(national_csv(tmp_path / "landelijk.csv")))
    return analytics.default_path()


def _files(directory) -> list[str]:
    """The data directory's files but the loads' lock file (which stays, empty of locks)."""
    return sorted(n for n in os.listdir(directory) if n != analytics.lock_path().name)


def demo_value(region, year):
    return Observation.objects.get(
        indicator__code=TOTAL, region_code=region, year=year, grain="year"
    ).value


def test_command_loads_into_the_data_dir_and_leaves_no_temporary_file(tmp_path, capsys):
    call_command("data", "landelijk", str(national_csv(tmp_path / "landelijk.csv")))
    path = analytics.default_path()
    assert path.parent == tmp_path / "data"
    assert _files(path.parent) == ["analytics.duckdb"]
    assert "32 rijen geladen" in capsys.readouterr().out
    store = analytics.national_reader()
    try:
        values = store.yearly_values(type_codes=["0.0.0"], region_codes=["GM0074"])
        assert values["GM0074"] == {2022: 6000, 2023: 7677, 2024: 7777}
        assert store.info().file_name == "landelijk.csv"
    finally:
        store.close()


def test_progress_goes_to_stderr_in_dutch(tmp_path, capsys):
    call_command("data", "landelijk", str(national_csv(tmp_path / "landelijk.csv")), verbosity=2)
    err = capsys.readouterr().err
    assert "bestand lezen en controleren" in err
    assert "jaartotalen berekenen" in err and "opslaan" in err


@pytest.mark.django_db
def test_indicator_page_shows_the_national_figures_and_their_source(
    client, adviseur_heerenveen, demo, loaded
):
    own_demo = demo_value("GM0074", 2024)
    assert own_demo != STORE_2024["GM0074"]  # so the page proves where its figures come from
    client.force_login(adviseur_heerenveen)
    page = client.get(f"/heerenveen/monitoring/indicator/{TOTAL}/").content.decode()
    # the comparison: the store's latest year (the demo's own series end in 2024)
    assert "Vergelijking 2024" in page
    compared = page.split("Vergelijking 2024", 1)[1].split("</table>", 1)[0]
    assert ">7.777<" in compared and f">{own_demo:,.0f}<".replace(",", ".") not in compared
    # the trend stays the gemeente's own imported series (the store is for comparisons)
    assert f">{own_demo:,.0f}<".replace(",", ".") in page.split("Vergelijking 2024", 1)[0]
    assert "Bron: landelijke politietabel (geladen op" in page
    # the drill-down: wijk 01 from the store
    assert "Wijken (2024)" in page and ">555<" in page
    wijk = client.get(f"/heerenveen/monitoring/indicator/{TOTAL}/?regio=WK007401").content.decode()
    assert "Buurten (2024)" in wijk and ">321<" in wijk and ">234<" in wijk
    assert "Bron: landelijke politietabel" in wijk
    # tenancy as before: no drill-down into another gemeente, with or without a store
    assert client.get(f"/heerenveen/monitoring/indicator/{TOTAL}/?regio=GM0098").status_code == 404


@pytest.mark.django_db
def test_selectors_read_the_store_for_police_crime_indicators(heerenveen, demo, loaded):
    indicator = selectors.indicator_get(code=TOTAL)
    year, rows, source = selectors.comparison(indicator=indicator, municipality=heerenveen)
    assert source.national and source.file_name == "landelijk.csv"
    assert year == 2024
    by_key = {r.key: r for r in rows}
    assert by_key["GM0074"].value == 7777
    # Fryslân and Noord-Nederland are not in the file: summed from its Frisian gemeenten
    assert by_key["PV21"].value == sum(
        STORE_2024[g] for g in ("GM0074", "GM0080", "GM0085", "GM0086", "GM0098")
    )
    assert by_key["NL01"].value == sum(v for k, v in STORE_2024.items() if k.startswith("GM"))
    # an asked year the store has
    assert (
        selectors.comparison(indicator=indicator, municipality=heerenveen, year=2023)[1][0].value
        == 7677
    )
    # the drill-down of the gemeente and of a wijk
    year, kids, source = selectors.children_values(indicator=indicator, region_code="GM0074")
    assert source.national and year == 2024
    assert {k.key: k.value for k in kids}["WK007401"] == 555
    year, kids, _source = selectors.children_values(
        indicator=indicator, region_code="WK007401", year=2023
    )
    assert {k.key: k.value for k in kids}["BU00740101"] == 221


@pytest.mark.django_db
def test_falls_back_to_observations_without_store_or_indicator(heerenveen, demo, tmp_path):
    crimes = selectors.indicator_get(code=TOTAL)
    year, rows, source = selectors.comparison(indicator=crimes, municipality=heerenveen)
    # the demo's newest year of this series: 2024, the police's own figure (open data)
    assert not source.national and year == 2024
    assert rows[0].value == demo_value("GM0074", 2024)
    call_command("data", "landelijk", str(national_csv(tmp_path / "landelijk.csv")))
    # nuisance is not in the national store; a crime type without rows in it neither
    for code in ("politie-overlast:E35", "politie-misdrijven:1.1.1"):
        indicator = selectors.indicator_get(code=code)
        _y, rows, source = selectors.comparison(indicator=indicator, municipality=heerenveen)
        assert not source.national and rows[0].value is not None
        _y, _kids, source = selectors.children_values(indicator=indicator, region_code="GM0074")
        assert not source.national
    # a year the store does not have (it holds 2022-2024): the observations (generated 2021)
    _y, rows, source = selectors.comparison(indicator=crimes, municipality=heerenveen, year=2021)
    assert not source.national and rows[0].value == demo_value("GM0074", 2021)


@pytest.mark.django_db
def test_page_without_store_says_the_figures_are_imported(client, adviseur_heerenveen, demo):
    client.force_login(adviseur_heerenveen)
    page = client.get(f"/heerenveen/monitoring/indicator/{TOTAL}/").content.decode()
    assert "Vergelijking 2024" in page
    assert "Bron: geïmporteerde cijfers" in page and "landelijke politietabel" not in page


def test_a_new_load_is_seen_by_the_next_reader(tmp_path, loaded):
    first = analytics.national_reader()
    assert (
        first.yearly_values(type_codes=["0.0.0"], region_codes=["GM0074"])["GM0074"][2024] == 7777
    )
    call_command("data", "landelijk", str(national_csv(tmp_path / "twee.csv", factor=2)))
    second = analytics.national_reader()
    try:
        assert (
            second.yearly_values(type_codes=["0.0.0"], region_codes=["GM0074"])["GM0074"][2024]
            == 15554
        )
        assert second.info().file_name == "twee.csv"
        # a reader that was already reading keeps its (old, still open) file
        assert (
            first.yearly_values(type_codes=["0.0.0"], region_codes=["GM0074"])["GM0074"][2024]
            == 7777
        )
    finally:
        first.close()
        second.close()


def test_a_broken_file_leaves_the_previous_store_in_place(tmp_path, loaded, capsys):
    before = loaded.stat()
    bad = tmp_path / "kapot.csv"
    bad.write_text(
        HEAD + year_row("GM0074", 2024, 1) + year_row("GM9999", 2024, 2),
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="de landelijke tabel is niet gewijzigd"):
        call_command("data", "landelijk", str(bad))
    err = capsys.readouterr().err
    assert "kapot.csv: regel 3, WijkenEnBuurten: onbekende regiocode GM9999" in err
    assert (loaded.stat().st_ino, loaded.stat().st_mtime_ns) == (
        before.st_ino,
        before.st_mtime_ns,
    )
    assert _files(loaded.parent) == ["analytics.duckdb"]
    store = analytics.national_reader()
    try:
        assert (
            store.yearly_values(type_codes=["0.0.0"], region_codes=["GM0074"])["GM0074"][2024]
            == 7777
        )
    finally:
        store.close()
    with pytest.raises(CommandError, match="Bestand niet gevonden"):
        call_command("data", "landelijk", str(tmp_path / "bestaat-niet.csv"))


def test_command_exits_with_1_and_a_dutch_error(tmp_path):
    bad = tmp_path / "kapot.csv"
    bad.write_text(HEAD + year_row("GM0074", 2024, "veel"), encoding="utf-8")
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("KOMPAS_", "DATABASE_URL", "DJANGO_ALLOW_ASYNC"))
    }
    env["KOMPAS_DATA_DIR"] = str(tmp_path / "data")
    done = subprocess.run(
        [sys.executable, "-m", "kompas.manage", "data", "landelijk", str(bad)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "regel 2, GeregistreerdeMisdrijven_1: veel is geen geheel getal" in done.stderr
    assert "de landelijke tabel is niet gewijzigd" in done.stderr
    assert not (tmp_path / "data" / "analytics.duckdb").exists()


@pytest.mark.django_db
def test_background_load_through_the_task_queue(
    tmp_path, capsys, caplog, django_capture_on_commit_callbacks
):
    """--achtergrond queues the load for the worker (tests: Huey's immediate mode runs it at
    once); a broken file is logged and changes nothing."""
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "data", "landelijk", str(national_csv(tmp_path / "landelijk.csv")), "--achtergrond"
        )
    assert "in de wachtrij gezet" in capsys.readouterr().out
    store = analytics.national_reader()
    try:
        assert (
            store.yearly_values(type_codes=["0.0.0"], region_codes=["GM0074"])["GM0074"][2024]
            == 7777
        )
    finally:
        store.close()
    bad = tmp_path / "kapot.csv"
    bad.write_text(HEAD + year_row("GM9999", 2024, 2), encoding="utf-8")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("data", "landelijk", str(bad), "--achtergrond")
    assert "regel 2, WijkenEnBuurten: onbekende regiocode GM9999" in caplog.text
    assert "de landelijke tabel is niet gewijzigd" in caplog.text
    assert _files(analytics.default_path().parent) == ["analytics.duckdb"]
    # a file without the client-CSV columns is refused before it is queued
    wrong = tmp_path / "statline.csv"
    wrong.write_text("Onderwerp;Perioden\n", encoding="utf-8")
    with pytest.raises(CommandError, match="niet gewijzigd"):
        call_command("data", "landelijk", str(wrong), "--achtergrond")
    assert "kolommen" in capsys.readouterr().err


@pytest.mark.django_db
def test_api_series_uses_the_store_only_where_nothing_was_imported(
    adviseur_heerenveen, demo, loaded
):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(adviseur_heerenveen)
    # the gemeente's own series: its imported observations, as before
    own = api.get("/api/v1/series/", {"indicator": TOTAL, "region": "GM0074"}).json()
    assert own["source"] == "import"
    assert {"period": "2024", "value": demo_value("GM0074", 2024)} in own["points"]
    # another gemeente's wijk (open data, via the own gemeente): only the store has it
    other = api.get(
        "/api/v1/series/",
        {"indicator": TOTAL, "region": "WK008010", "gemeente": "GM0074", "from": 2024},
    ).json()
    assert other["source"] == "landelijk"
    assert other["points"] == [{"period": "2024", "value": 640}]
    rate = api.get(
        "/api/v1/series/",
        {"indicator": TOTAL, "region": "WK008010", "gemeente": "GM0074", "per_1000": "true"},
    ).json()
    assert rate["points"][-1] == {"period": "2024", "value": round(640 / 6705 * 1000, 2)}
    # tenancy as before: without the own gemeente, another gemeente's region is 404
    assert api.get("/api/v1/series/", {"indicator": TOTAL, "region": "WK008010"}).status_code == 404
    # months are not in the store's yearly table: the (empty) imported series answers
    months = api.get(
        "/api/v1/series/",
        {"indicator": TOTAL, "region": "WK008010", "gemeente": "GM0074", "grain": "month"},
    ).json()
    assert months["source"] == "import" and months["points"] == []


@pytest.mark.django_db
def test_an_unreadable_store_falls_back_and_a_dead_load_is_cleaned_up(heerenveen, demo, tmp_path):
    path = analytics.default_path()
    path.write_bytes(b"geen duckdb-bestand")
    assert analytics.national_reader() is None
    indicator = selectors.indicator_get(code=TOTAL)
    _y, rows, source = selectors.comparison(indicator=indicator, municipality=heerenveen)
    assert not source.national and rows[0].value == demo_value("GM0074", 2024)
    # the new file of a load that died long ago goes at the next load; a recent one stays
    dead = path.parent / ".analytics.duckdb.abc123.laden"
    recent = path.parent / ".analytics.duckdb.def456.laden"
    dead.write_bytes(b"x")
    recent.write_bytes(b"x")
    old = dead.stat().st_mtime - analytics.STALE_LOAD_SECONDS - 60
    os.utime(dead, (old, old))
    call_command("data", "landelijk", str(national_csv(tmp_path / "landelijk.csv")))
    assert _files(path.parent) == [recent.name, "analytics.duckdb"]
    _y, rows, source = selectors.comparison(indicator=indicator, municipality=heerenveen)
    assert source.national and rows[0].value == 7777


def _value(store):
    return store.yearly_values(type_codes=["0.0.0"], region_codes=["GM0074"])["GM0074"][2024]


def _is_closed(store) -> bool:
    try:
        store.con.execute("SELECT 1")
    except duckdb.ConnectionException:
        return True
    return False


def test_a_replaced_store_is_closed_when_its_last_reader_is_done(tmp_path, loaded):
    first = analytics.national_reader()
    old = analytics._readers[str(loaded)][1]
    call_command("data", "landelijk", str(national_csv(tmp_path / "twee.csv", factor=2)))
    second = analytics.national_reader()
    new = analytics._readers[str(loaded)][1]
    try:
        assert new is not old
        assert not _is_closed(old)  # `first` is still reading it
        assert _value(first) == 7777
        first.close()
        assert _is_closed(old)
        assert _value(second) == 15554 and not _is_closed(new)
    finally:
        first.close()
        second.close()
    assert not _is_closed(new)  # the current store stays open for the next request


def test_a_replaced_store_without_readers_is_closed_at_once(tmp_path, loaded):
    analytics.national_reader().close()
    old = analytics._readers[str(loaded)][1]
    call_command("data", "landelijk", str(national_csv(tmp_path / "twee.csv", factor=2)))
    analytics.national_reader().close()
    assert _is_closed(old)


def test_a_reader_dropped_without_close_still_releases_the_old_store(tmp_path, loaded):
    first = analytics.national_reader()
    old = analytics._readers[str(loaded)][1]
    call_command("data", "landelijk", str(national_csv(tmp_path / "twee.csv", factor=2)))
    analytics.national_reader().close()
    assert not _is_closed(old)
    del first
    gc.collect()
    assert _is_closed(old)
