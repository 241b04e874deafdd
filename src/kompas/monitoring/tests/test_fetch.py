# SPDX-License-Identifier: EUPL-1.2
"""`kompas data fetch politie` against recorded OData responses (no network)."""

import http.client
import io
import json
import urllib.error
import urllib.parse

import pytest
from django.core.management import CommandError, call_command

from kompas.monitoring import fetch
from kompas.monitoring.models import DataImport, Observation
from kompas.monitoring.selectors import indicator_get, series

pytestmark = pytest.mark.django_db


def test_fetch_follows_next_link_and_imports_pages(reference_data, fixtures, monkeypatch):
    pages = [
        (fixtures / "odata" / "47024NED_GM0074_page1.json").read_bytes(),
        (fixtures / "odata" / "47024NED_GM0074_page2.json").read_bytes(),
    ]
    requested = []

    def fake_urlopen(url, timeout):
        requested.append(url)
        return io.BytesIO(pages[len(requested) - 1])

    monkeypatch.setattr(fetch, "urlopen", fake_urlopen)
    out = io.StringIO()
    call_command(
        "data",
        "fetch",
        "politie",
        "--table",
        "47024NED",
        "--gemeente",
        "GM0074",
        "--since",
        "2018",
        stdout=out,
    )
    assert len(requested) == 2
    first = urllib.parse.unquote(requested[0])
    assert first.startswith("https://dataderden.cbs.nl/ODataApi/OData/47024NED/TypedDataSet?")
    assert "WijkenEnBuurten eq 'GM0074    '" in first  # padded to 10
    assert "Perioden ge '2018'" in first
    assert "$skiptoken=6" in requested[1]
    assert "13 nieuw" in out.getvalue()
    e35 = indicator_get(code="politie-overlast:E35")
    assert series(indicator=e35, region_code="GM0074") == [
        {"period": "2024", "value": 270}
    ]  # 2 x (20+...+25); the secret buurt value stays out


def test_regios_dimension_is_padded_to_six():
    url = urllib.parse.unquote(fetch.build_url("47013NED", "GM0074"))
    assert "RegioS eq 'GM0074'" in url


def _recorded(fixtures, next_link=None):
    """The two recorded pages; `next_link` replaces the first page's odata.nextLink."""
    first = json.loads((fixtures / "odata" / "47024NED_GM0074_page1.json").read_text("utf-8"))
    if next_link is not None:
        first["odata.nextLink"] = next_link
    second = (fixtures / "odata" / "47024NED_GM0074_page2.json").read_bytes()
    return [json.dumps(first).encode("utf-8"), second]


def _fetch_command():
    out = io.StringIO()
    call_command(
        "data", "fetch", "politie", "--table", "47024NED", "--gemeente", "GM0074", stdout=out
    )
    return out.getvalue()


@pytest.mark.parametrize(
    "link",
    [
        "file:///etc/passwd",
        "ftp://dataderden.cbs.nl/ODataApi/OData/47024NED/TypedDataSet",
        "http://dataderden.cbs.nl/ODataApi/OData/47024NED/TypedDataSet?$skiptoken=6",
        "https://evil.example/ODataApi/OData/47024NED/TypedDataSet?$skiptoken=6",
        "https://dataderden.cbs.nl@evil.example/ODataApi/OData/47024NED/TypedDataSet",
        "https://dataderden.cbs.nl:8443/ODataApi/OData/47024NED/TypedDataSet",
        "https://dataderden.cbs.nl:xyz/ODataApi/OData/47024NED/TypedDataSet",
        "//evil.example/ODataApi/OData/47024NED/TypedDataSet",
    ],
)
def test_next_link_off_the_first_https_host_is_refused(reference_data, fixtures, monkeypatch, link):
    pages = _recorded(fixtures, next_link=link)
    requested = []

    def fake_urlopen(url, timeout):
        requested.append(url)
        return io.BytesIO(pages[len(requested) - 1])

    monkeypatch.setattr(fetch, "urlopen", fake_urlopen)
    with pytest.raises(CommandError, match="alleen https-adressen op dataderden.cbs.nl"):
        _fetch_command()
    assert len(requested) == 1  # the link itself is never opened
    assert not DataImport.objects.exists()
    assert not Observation.objects.exists()


def test_relative_next_link_stays_on_the_host(reference_data, fixtures, monkeypatch):
    pages = _recorded(fixtures, next_link="TypedDataSet?$skiptoken=6")
    requested = []

    def fake_urlopen(url, timeout):
        requested.append(url)
        return io.BytesIO(pages[len(requested) - 1])

    monkeypatch.setattr(fetch, "urlopen", fake_urlopen)
    _fetch_command()
    assert requested[1] == (
        "https://dataderden.cbs.nl/ODataApi/OData/47024NED/TypedDataSet?$skiptoken=6"
    )


@pytest.mark.parametrize(
    "failure",
    [
        urllib.error.URLError(TimeoutError("timed out")),
        TimeoutError("The read operation timed out"),
        ConnectionResetError(104, "Connection reset by peer"),
        http.client.IncompleteRead(b"{"),
        urllib.error.HTTPError("https://dataderden.cbs.nl/x", 429, "Too Many Requests", {}, None),
        urllib.error.HTTPError("https://dataderden.cbs.nl/x", 503, "Service Unavailable", {}, None),
    ],
    ids=["urlerror", "timeout", "reset", "incomplete", "429", "503"],
)
def test_page_that_fails_twice_then_succeeds_is_imported(
    reference_data, fixtures, monkeypatch, failure
):
    pages = _recorded(fixtures)
    calls = []
    waits = []

    def flaky_urlopen(url, timeout):
        calls.append(url)
        if len(calls) in (2, 3):  # page 2 fails on its first two tries
            raise failure
        return io.BytesIO(pages[0] if len(calls) == 1 else pages[1])

    monkeypatch.setattr(fetch, "urlopen", flaky_urlopen)
    monkeypatch.setattr(fetch, "sleep", waits.append)
    out = _fetch_command()
    assert len(calls) == 4
    assert calls[1] == calls[2] == calls[3]
    assert waits == [1.0, 2.0]  # exponential backoff
    assert "13 nieuw" in out
    e35 = indicator_get(code="politie-overlast:E35")
    assert series(indicator=e35, region_code="GM0074") == [{"period": "2024", "value": 270}]


def test_page_still_failing_after_last_retry_names_the_page(reference_data, fixtures, monkeypatch):
    pages = _recorded(fixtures)
    calls = []
    waits = []

    def down_urlopen(url, timeout):
        calls.append(url)
        if len(calls) > 1:
            raise urllib.error.URLError(ConnectionRefusedError(111, "Connection refused"))
        return io.BytesIO(pages[0])

    monkeypatch.setattr(fetch, "urlopen", down_urlopen)
    monkeypatch.setattr(fetch, "sleep", waits.append)
    with pytest.raises(CommandError, match="ophalen van pagina 2 mislukt na 5 poging") as exc:
        _fetch_command()
    assert "niets geïmporteerd" in str(exc.value)
    assert len(calls) == 1 + fetch.RETRIES + 1
    assert waits == [1.0, 2.0, 4.0, 8.0]
    assert not DataImport.objects.exists()
    assert not Observation.objects.exists()


@pytest.mark.parametrize(
    "failure",
    [urllib.error.HTTPError("https://dataderden.cbs.nl/x", 404, "Not Found", {}, None), None],
    ids=["404", "bad-json"],
)
def test_client_error_and_bad_json_are_not_retried(monkeypatch, failure):
    calls = []
    waits = []

    def urlopen(url, timeout):
        calls.append(url)
        if failure:
            raise failure
        return io.BytesIO(b"<html>geen json</html>")

    monkeypatch.setattr(fetch, "urlopen", urlopen)
    with pytest.raises(fetch.FetchError, match="pagina 1 mislukt na 1 poging"):
        fetch.fetch_pages(fetch.build_url("47024NED", "GM0074"), wait=waits.append)
    assert len(calls) == 1
    assert waits == []
