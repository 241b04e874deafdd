# SPDX-License-Identifier: EUPL-1.2
"""No IP address, user agent or receipt code of a public request reaches any log or the
database."""

import io
import logging
import re

import pytest

from kompas.signals import logfilter
from kompas.signals.models import Signal

from .conftest import intake_data

pytestmark = pytest.mark.django_db

IP = "203.0.113.77"
UA = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0 Safari/537.36"
)


@pytest.fixture
def captured_logs():
    """A handler on the root logger like any deployment's, with the filter installed the way
    the app installs it on every handler; everything logged at DEBUG and up is captured."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    for name in ("django.request", "django.server", "gunicorn.access", "gunicorn.error"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    logfilter.install()
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)


def _gunicorn_access_line(path: str, status: int) -> None:
    """What gunicorn's default access log format would write for this request."""
    logging.getLogger("gunicorn.access").info(
        '%(h)s - - [23/Nov/2026:10:00:00 +0100] "%(r)s" %(s)s 512 "-" "%(a)s"',
        {"h": IP, "r": f"POST {path} HTTP/1.1", "s": status, "a": UA},
    )


def test_submission_and_follow_up_leave_no_ip_ua_or_code_in_logs(client, heerenveen, captured_logs):
    meta = {"REMOTE_ADDR": IP, "HTTP_USER_AGENT": UA, "HTTP_X_FORWARDED_FOR": IP}
    response = client.post("/heerenveen/meldpunt/", intake_data(), follow=True, **meta)
    code = re.search(r"<code>([\d ]+)</code>", response.content.decode()).group(1)
    _gunicorn_access_line("/heerenveen/meldpunt/", 200)
    # form errors and a wrong code make django.request log warnings
    client.post("/heerenveen/meldpunt/", intake_data(description=""), **meta)
    client.post("/heerenveen/meldpunt/opvolgen/", {"code": code}, **meta)
    client.post("/heerenveen/meldpunt/opvolgen/", {"code": "9999 8888 7777 6666"}, **meta)
    # a component that (wrongly) logs the request details itself is scrubbed as well
    logging.getLogger("kompas.test").warning("code %s from %s agent %s", code, IP, UA)
    logging.getLogger("kompas.test").warning("ipv6 2001:db8::1 en ::1")
    _gunicorn_access_line("/heerenveen/meldpunt/opvolgen/", 400)
    logs = captured_logs.getvalue()
    assert "Bad Request: /heerenveen/meldpunt/" in logs  # the logs were really captured
    assert "POST /heerenveen/meldpunt/ HTTP/1.1" in logs
    for secret in (
        IP,
        "Mozilla",
        "Chrome/131",
        code,
        code.replace(" ", ""),
        "9999 8888",
        "2001:db8::1",
    ):
        assert secret not in logs, secret


def test_nothing_identifying_is_stored_in_the_database(client, heerenveen, django_db_blocker):
    response = client.post(
        "/heerenveen/meldpunt/", intake_data(), follow=True, REMOTE_ADDR=IP, HTTP_USER_AGENT=UA
    )
    code = re.search(r"<code>([\d ]+)</code>", response.content.decode()).group(1).replace(" ", "")
    from django.db import connection

    dump = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # test-only dump
            dump.extend(str(row) for row in cursor.fetchall())
    text = "\n".join(dump)
    assert Signal.objects.count() == 1
    assert IP not in text and "Mozilla" not in text and code not in text


def test_scrub_handles_common_forms():
    assert logfilter.scrub("van 192.168.1.20:5555 met curl/8.5.0") == (
        "van [verwijderd]:5555 met [verwijderd]"
    )
    assert "1234" not in logfilter.scrub("code 1234-5678-9012-3456")
    assert logfilter.scrub("melding 42 opgeslagen") == "melding 42 opgeslagen"
