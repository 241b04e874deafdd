# SPDX-License-Identifier: EUPL-1.2
"""Behind the reverse proxy every request has the proxy's REMOTE_ADDR; with
KOMPAS_TRUSTED_PROXIES the rate limits count per reporter again (issue 11 item 2)."""

import pytest
from django.test import RequestFactory

from kompas.signals.antiabuse import client_address

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.5"
WRONG = "0000 0000 0000 0001"


def _request(remote=PROXY, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_without_the_setting_only_remote_addr_counts(settings):
    settings.KOMPAS_TRUSTED_PROXIES = []
    assert client_address(_request(forwarded="198.51.100.1")) == PROXY


def test_behind_a_trusted_proxy_the_forwarded_client_counts(settings):
    settings.KOMPAS_TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_address(_request(forwarded="198.51.100.1")) == "198.51.100.1"


def test_a_forged_left_part_of_the_header_is_ignored(settings):
    """The client may send its own X-Forwarded-For; the proxy appends what it saw."""
    settings.KOMPAS_TRUSTED_PROXIES = ["10.0.0.0/8", "192.0.2.10"]
    request = _request(forwarded="1.2.3.4, 198.51.100.1, 192.0.2.10")
    assert client_address(request) == "198.51.100.1"


def test_a_header_from_an_untrusted_sender_is_ignored(settings):
    settings.KOMPAS_TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_address(_request(remote="203.0.113.9", forwarded="1.2.3.4")) == "203.0.113.9"


def test_ipv6_networks(settings):
    settings.KOMPAS_TRUSTED_PROXIES = ["2001:db8::/32"]
    request = _request(remote="2001:db8::1", forwarded="2001:db8:ffff::9, 2001:db8::2")
    # 2001:db8:ffff::9 lies inside the trusted /32 too: every hop is a proxy, take the first
    assert client_address(request) == "2001:db8:ffff::9"
    request = _request(remote="2001:db8::1", forwarded="2a00:1450::1")
    assert client_address(request) == "2a00:1450::1"


def _wrong_codes(client, forwarded, n):
    return [
        client.post(
            "/heerenveen/meldpunt/opvolgen/",
            {"code": WRONG},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=forwarded,
        ).status_code
        for _ in range(n)
    ]


def test_one_reporter_at_the_limit_does_not_lock_out_the_others(client, heerenveen, settings):
    settings.KOMPAS_TRUSTED_PROXIES = [PROXY]
    settings.KOMPAS_MELDPUNT_CODE_FAILURES_PER_HOUR = 3
    assert _wrong_codes(client, "198.51.100.1", 4) == [400, 400, 400, 429]
    assert _wrong_codes(client, "198.51.100.2", 1) == [400]


def test_without_trusted_proxies_everyone_behind_the_proxy_shares_one_limit(
    client, heerenveen, settings
):
    settings.KOMPAS_TRUSTED_PROXIES = []
    settings.KOMPAS_MELDPUNT_CODE_FAILURES_PER_HOUR = 3
    assert _wrong_codes(client, "198.51.100.1", 3) == [400, 400, 400]
    assert _wrong_codes(client, "198.51.100.2", 1) == [429]


def test_a_bad_setting_stops_start_up(tmp_path):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", "import kompas.settings"],
        env={
            "KOMPAS_TRUSTED_PROXIES": "10.0.0.0/8,proxy.example",
            "KOMPAS_DATA_DIR": str(tmp_path),
            "PATH": "",
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "proxy.example" in result.stderr and "geen IP-adres" in result.stderr
