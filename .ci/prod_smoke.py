# SPDX-License-Identifier: EUPL-1.2
"""Smoke test of the production stack over HTTP (started by .ci/prod_smoke.sh).

Walks a running gunicorn + `kompas run_huey` (KOMPAS_ENV=production, PostgreSQL, Redis) the
way a browser behind the TLS proxy would: every request carries `X-Forwarded-Proto: https`
(what the proxy adds; settings trust it in production) and POSTs an `Origin`, so Django sees
https and its secure cookies, HSTS and CSRF checks are the production ones. Standard library
only. Exits non-zero with a message at the first failed check.

    python .ci/prod_smoke.py --base http://127.0.0.1:8765 --user NAME --password PW \
        --gemeente heerenveen --import-file ../shared/data/politie/statline_...csv
"""

import argparse
import base64
import hashlib
import hmac
import http.client
import http.cookiejar
import json
import os
import re
import signal
import struct
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from html.parser import HTMLParser
from pathlib import Path

PROXY_HEADERS = {"X-Forwarded-Proto": "https"}


class SmokeError(AssertionError):
    pass


def check(condition, message: str) -> None:
    if not condition:
        raise SmokeError(message)


# --- TOTP (RFC 6238, django-otp's defaults: SHA-1, 30 s steps, 6 digits) ---------------------
def totp(secret_b32: str, counter: int) -> str:
    key = base64.b32decode(secret_b32.upper() + "=" * (-len(secret_b32) % 8))
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


def totp_counter() -> int:
    return int(time.time()) // 30


# --- HTML forms --------------------------------------------------------------------------------
class _FormParser(HTMLParser):
    """The fields of every <form> on a page: hidden and pre-filled values, radio choices."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._current: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._current = {"action": a.get("action"), "fields": {}, "radios": {}}
            self.forms.append(self._current)
        elif tag == "input" and self._current is not None and a.get("name"):
            name, kind = a["name"], (a.get("type") or "text").lower()
            if kind == "radio":
                self._current["radios"].setdefault(name, []).append(a.get("value", ""))
            elif kind not in ("file", "submit", "checkbox"):
                self._current["fields"][name] = a.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None


def form_with(html: str, field: str) -> dict:
    parser = _FormParser()
    parser.feed(html)
    for form in parser.forms:
        if field in form["fields"] or field in form["radios"]:
            return form
    raise SmokeError(f"geen formulier met veld {field!r} op de pagina")


def multipart(fields: dict, files: dict) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    for name, (filename, content, ctype) in files.items():
        parts.append(
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: {ctype}\r\n\r\n'
            ).encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


# --- HTTP client -------------------------------------------------------------------------------
class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Response:
    def __init__(self, status: int, headers, body: bytes):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    @property
    def location(self) -> str:
        return self.headers.get("Location", "")


class Client:
    """One browser: its own cookies. Redirects are not followed, so each one can be checked.
    The connection to gunicorn is plain http on loopback, as behind the proxy; the cookie jar
    therefore treats http like https for Secure cookies (the browser saw https)."""

    def __init__(self, base: str, *, proxy: bool = True):
        self.base = base.rstrip("/")
        self.proxy = proxy
        policy = http.cookiejar.DefaultCookiePolicy(secure_protocols=("https", "wss", "http"))
        self.jar = http.cookiejar.CookieJar(policy)
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()
        )

    def request(self, method, path, data=None, headers=None) -> Response:
        hdrs = dict(PROXY_HEADERS) if self.proxy else {}
        if method == "POST":
            host = self.base.split("://", 1)[1]
            hdrs["Origin"] = f"https://{host}"
        hdrs.update(headers or {})
        url = self.base + path
        check(url.startswith("http://"), f"alleen http naar gunicorn: {url}")
        req = urllib.request.Request(url, data=data, headers=hdrs, method=method)  # noqa: S310
        try:
            with self.opener.open(req, timeout=60) as resp:
                return Response(resp.status, resp.headers, resp.read())
        except urllib.error.HTTPError as exc:
            return Response(exc.code, exc.headers, exc.read())

    def get(self, path, **kw) -> Response:
        return self.request("GET", path, **kw)

    def post(self, path, fields: dict, files: dict | None = None) -> Response:
        if files:
            body, ctype = multipart(fields, files)
        else:
            body = urllib.parse.urlencode(fields).encode()
            ctype = "application/x-www-form-urlencoded"
        return self.request("POST", path, data=body, headers={"Content-Type": ctype})

    def cookie(self, name: str) -> str | None:
        return next((c.value for c in self.jar if c.name == name), None)


def path_of(location: str) -> str:
    """A redirect's target as a path (Django answers relative locations)."""
    return re.sub(r"^https?://[^/]+", "", location)


def expect(resp: Response, status: int, what: str) -> Response:
    check(
        resp.status == status, f"{what}: HTTP {resp.status}, verwacht {status}\n{resp.text[:800]}"
    )
    return resp


# --- The walk ----------------------------------------------------------------------------------
def wait_until_up(base: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            resp = Client(base).get("/health/")
            if resp.status == 200:
                return
        except OSError:
            pass
        check(time.monotonic() < deadline, f"gunicorn antwoordt niet op {base}/health/")
        time.sleep(0.5)


def check_transport_security(base: str) -> None:
    health = expect(Client(base).get("/health/"), 200, "health")
    check(json.loads(health.body) == {"status": "ok", "database": "ok"}, health.text)
    plain = Client(base, proxy=False).get("/inloggen/")
    check(
        plain.status == 301 and plain.location.startswith("https://"),
        f"plain http moet naar https gaan (SSL-redirect), kreeg {plain.status} {plain.location}",
    )
    page = expect(Client(base).get("/inloggen/"), 200, "inlogpagina")
    h = page.headers
    hsts = h.get("Strict-Transport-Security", "")
    check("max-age=31536000" in hsts and "includeSubDomains" in hsts, f"HSTS: {hsts!r}")
    csp = h.get("Content-Security-Policy", "")
    check("default-src 'self'" in csp and "frame-ancestors 'none'" in csp, f"CSP: {csp!r}")
    check("unsafe-inline" not in csp, f"CSP staat inline toe: {csp!r}")
    check(h.get("X-Frame-Options") == "DENY", f"X-Frame-Options: {h.get('X-Frame-Options')!r}")
    check(h.get("X-Content-Type-Options") == "nosniff", "X-Content-Type-Options ontbreekt")
    check(h.get("Referrer-Policy") == "same-origin", f"Referrer-Policy: {h.get('Referrer-Policy')}")
    csrf = [c for c in h.get_all("Set-Cookie") or [] if c.startswith("csrftoken=")]
    check(csrf and "Secure" in csrf[0], f"CSRF-cookie zonder Secure: {csrf}")
    anon = Client(base).get("/api/v1/reports/GM0074/")
    check(anon.status == 401, f"anonieme API moet 401 geven: {anon.status}")
    print("ok  https-redirect, HSTS, CSP, X-Frame-Options, nosniff, secure cookies")


class Staff:
    """A beheerder logging in with password and TOTP."""

    def __init__(self, base: str, user: str, password: str, slug: str):
        self.base, self.user, self.password, self.slug = base, user, password, slug
        self.secret = ""
        self.last_counter = -1
        self.client = Client(base)

    def accept_invitation(self, path: str) -> None:
        """The first beheerder follows `kompas setup`'s link and chooses a password; the link
        is void afterwards."""
        c, target = self.client, "/" + path.lstrip("/")
        resp = c.get(target)
        if resp.status == 302:  # Django moves the token into the session first
            target = path_of(resp.location)
            resp = c.get(target)
        form = form_with(expect(resp, 200, "uitnodiging").text, "new_password1")
        fields = {**form["fields"], "new_password1": self.password, "new_password2": self.password}
        expect(c.post(target, fields), 302, "wachtwoord kiezen via de uitnodiging")
        again = c.get("/" + path.lstrip("/"))
        if again.status == 302:
            again = c.get(path_of(again.location))
        check("werkt niet meer" in again.text, "de uitnodigingslink werkt na gebruik nog")
        print("ok  eerste beheerder kiest wachtwoord via de link van kompas setup (eenmalig)")

    def password_login(self) -> None:
        c = self.client
        form = form_with(expect(c.get("/inloggen/"), 200, "inlogpagina").text, "username")
        fields = {**form["fields"], "username": self.user, "password": self.password}
        resp = expect(c.post("/inloggen/", fields), 302, "inloggen met wachtwoord")
        session = [
            s for s in resp.headers.get_all("Set-Cookie") or [] if s.startswith("sessionid=")
        ]
        check(session, "geen sessiecookie na inloggen")
        check("Secure" in session[0] and "HttpOnly" in session[0], f"sessiecookie: {session[0]}")

    def next_code(self) -> str:
        # django-otp refuses a code of a step it already accepted; it allows one step ahead.
        self.last_counter = max(totp_counter(), self.last_counter + 1)
        return totp(self.secret, self.last_counter)

    def enrol(self) -> None:
        c, staff_page = self.client, f"/{self.slug}/monitoring/"
        resp = c.get(staff_page)
        check(
            resp.status == 302
            and path_of(resp.location).startswith("/tweestapsverificatie/instellen/"),
            f"staf-pagina zonder tweede factor moet naar instellen gaan: {resp.status} "
            f"{resp.location}",
        )
        setup = expect(c.get(path_of(resp.location)), 200, "tweestapsverificatie instellen")
        match = re.search(r'<code class="secret">([A-Z2-7]+)</code>', setup.text)
        check(match, "geheime sleutel staat niet op de instelpagina")
        self.secret = match.group(1)
        form = form_with(setup.text, "token")
        wrong = c.post(path_of(resp.location), {**form["fields"], "token": "000000"})
        check(wrong.status == 200 and "klopt niet" in wrong.text, "foute code niet geweigerd")
        time.sleep(1.5)  # django-otp throttles the device for a second after a wrong code
        form = form_with(wrong.text, "token")
        ok = c.post(path_of(resp.location), {**form["fields"], "token": self.next_code()})
        check(ok.status == 302 and path_of(ok.location) == staff_page, f"bevestigen: {ok.status}")
        expect(c.get(staff_page), 200, "monitoring na tweede factor")
        print("ok  inloggen, staf-pagina eist tweede factor, TOTP ingesteld")

    def verify_again(self) -> None:
        """A new session: the second factor is asked again, now at the verify page."""
        self.client = Client(self.base)
        self.password_login()
        resp = self.client.get(f"/{self.slug}/")
        check(
            resp.status == 302
            and path_of(resp.location).startswith("/tweestapsverificatie/controleren/"),
            f"nieuwe sessie moet de code vragen: {resp.status} {resp.location}",
        )
        api = self.client.get(f"/api/v1/reports/{self.gm_code}/")
        check(api.status == 403, f"sessie-API zonder tweede factor: {api.status}")
        page = expect(self.client.get(path_of(resp.location)), 200, "code controleren")
        form = form_with(page.text, "token")
        ok = self.client.post(path_of(resp.location), {**form["fields"], "token": self.next_code()})
        check(ok.status == 302, f"code controleren: {ok.status}\n{ok.text[:500]}")
        expect(self.client.get(f"/{self.slug}/"), 200, "startpagina na code")
        expect(self.client.get(f"/api/v1/reports/{self.gm_code}/"), 200, "sessie-API na code")
        print("ok  tweede sessie: code gevraagd en geaccepteerd, API pas daarna")

    gm_code = "GM0074"


def monitoring_import(staff: Staff, path: Path, timeout: float) -> None:
    c, slug = staff.client, staff.slug
    upload = f"/{slug}/monitoring/importeren/"
    form = form_with(expect(c.get(upload), 200, "uploadpagina").text, "csrfmiddlewaretoken")
    resp = c.post(
        upload,
        {"csrfmiddlewaretoken": form["fields"]["csrfmiddlewaretoken"], "format": ""},
        files={"file": (path.name, path.read_bytes(), "text/csv")},
    )
    check(resp.status == 302, f"upload: {resp.status}\n{resp.text[:800]}")
    job = path_of(resp.location)
    check(re.fullmatch(rf"/{slug}/monitoring/imports/\d+/", job), f"taakpagina: {job}")
    deadline, status = time.monotonic() + timeout, ""
    while time.monotonic() < deadline:
        page = expect(c.get(job), 200, "taakpagina")
        status = re.search(r'id="import-job" data-status="(\w+)"', page.text).group(1)
        if status in ("gereed", "mislukt"):
            break
        time.sleep(0.5)
    check(status == "gereed", f"import door de worker niet gereed maar {status!r}:\n{page.text}")
    rows = re.search(r"<dt>Rijen gelezen</dt><dd>(\d+)</dd>", page.text)
    new = re.search(r"<dt>Cijfers nieuw</dt><dd>(\d+)</dd>", page.text)
    check(rows and int(rows.group(1)) > 0 and new and int(new.group(1)) > 0, "import leeg")
    print(f"ok  import {path.name} door de worker: {rows.group(1)} rijen, {new.group(1)} cijfers")


def meldpunt(base: str, slug: str, min_fill: float) -> str:
    """An anonymous report through the form, its receipt code, and the reporter's follow-up."""
    c = Client(base)
    intake = f"/{slug}/meldpunt/"
    form = form_with(expect(c.get(intake), 200, "meldpunt").text, "started")
    time.sleep(min_fill + 0.5)  # the form's minimum fill time
    fields = {
        **form["fields"],
        "phenomenon": form["radios"]["phenomenon"][0],
        "description": "Rookmelding CI: elke nacht busjes bij de loods, ramen afgeplakt.",
        "place": "Achter de loods aan het einde van de weg",
        "when_kind": form["radios"].get("when_kind", ["onbekend"])[-1],
        "website": "",
    }
    resp = c.post(intake, fields)
    check(resp.status == 302, f"melding versturen: {resp.status}\n{resp.text[:1500]}")
    receipt = expect(c.get(path_of(resp.location)), 200, "bedankpagina")
    match = re.search(r"\b(\d{4})[\s-]?(\d{4})[\s-]?(\d{4})[\s-]?(\d{4})\b", receipt.text)
    check(match, "geen ontvangstcode op de bedankpagina")
    code = "".join(match.groups())
    again = expect(c.get(path_of(resp.location)), 200, "bedankpagina opnieuw")
    check(code not in re.sub(r"[\s-]", "", again.text), "code tweede keer getoond")

    reporter = Client(base)  # later, from another browser: only the code
    follow = f"/{slug}/meldpunt/opvolgen/"
    form = form_with(expect(reporter.get(follow), 200, "opvolgen").text, "code")
    page = reporter.post(follow, {**form["fields"], "code": f"{code[:4]} {code[4:8]} {code[8:]}"})
    expect(page, 200, "opvolgen met code")
    reply = form_with(page.text, "access")
    answer = reporter.post(
        follow,
        {**reply["fields"], "text": "Aanvulling: vannacht weer twee busjes."},
    )
    expect(answer, 200, "aanvulling versturen")
    check("Wij hebben uw bericht ontvangen" in answer.text, "aanvulling niet bevestigd")
    wrong = reporter.post(follow, {**form["fields"], "code": "0000 0000 0000 0000"})
    check(wrong.status == 400, f"onbekende code: {wrong.status}")
    print("ok  meldpunt: melding, ontvangstcode eenmaal, opvolgen en aanvullen met de code")
    return code


def triage_sees_signal(staff: Staff) -> None:
    page = expect(staff.client.get(f"/{staff.slug}/meldingen/"), 200, "meldingen")
    match = re.search(rf'href="(/{staff.slug}/meldingen/\d+/)"', page.text)
    check(match, "de nieuwe melding staat niet in de triagelijst")
    detail = expect(staff.client.get(match.group(1)), 200, "melding")
    check("vannacht weer twee busjes" in detail.text, "aanvulling van de melder ontbreekt")
    print("ok  triage: melding en aanvulling ontsleuteld zichtbaar voor het team")


# --- A gunicorn worker killed during a burst of reports (issue 15 item 4) -----------------------
def pow_solve(challenge: str, bits: int) -> str:
    """The API's proof of work (kompas.signals.antiabuse.pow_solve, written out for clients)."""
    nonce = 0
    while True:
        digest = int.from_bytes(hashlib.sha256(f"{challenge}:{nonce}".encode()).digest())
        if digest >> (256 - bits) == 0:
            return str(nonce)
        nonce += 1


def gunicorn_workers(master: int) -> list[int]:
    children = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == master:
                children.append(int(entry))
    return children


def api_report_prepare(base: str, slug: str, n: int) -> tuple[dict, dict]:
    """One API report with its proof of work solved in advance, so the burst itself is
    back-to-back requests (server work in flight when the worker is killed). Each comes from
    its own client address behind the trusted proxy, so each has its own rate-limit bucket."""
    xff = {"X-Forwarded-For": f"198.51.100.{n % 250 + 1}"}
    ch = expect(Client(base).get(f"/api/v1/meldpunt/{slug}/challenge/", headers=xff), 200, "pow")
    challenge = json.loads(ch.body)
    body = {
        "phenomenon": "drugs_handel",
        "description": f"Burst-melding {n}: pakketjes worden 's nachts overgedragen.",
        "place": "Parkeerplaats bij het station",
        "challenge": challenge["challenge"],
        "nonce": pow_solve(challenge["challenge"], challenge["bits"]),
    }
    return xff, body


def api_report_send(base: str, slug: str, prepared: tuple[dict, dict]) -> tuple[str, str]:
    """('201', receipt code), or (status or connection error, '')."""
    xff, body = prepared
    try:
        resp = Client(base).request(
            "POST",
            f"/api/v1/meldpunt/{slug}/signals/",
            data=json.dumps(body).encode(),
            headers={**xff, "Content-Type": "application/json"},
        )
    except (OSError, http.client.HTTPException) as exc:  # the killed worker's connection broke
        return type(exc).__name__, ""
    if resp.status == 201:
        return "201", json.loads(resp.body)["receipt_code"]
    return str(resp.status), ""


def burst_with_kill(base: str, slug: str, master: int, count: int, threads: int) -> list[str]:
    """`count` API reports from `threads` clients; a gunicorn worker is killed with SIGKILL
    once a third of them is answered. Every report answered 201 must be stored (its code opens
    the follow-up page), and the master must have replaced the worker."""
    before = gunicorn_workers(master)
    check(before, f"geen gunicorn-workers onder master {master}")
    outcomes: list[tuple[str, str]] = []
    lock, killed = threading.Lock(), []
    prepared = [api_report_prepare(base, slug, n) for n in range(count)]
    numbers = iter(prepared)

    def run():
        while True:
            with lock:
                item = next(numbers, None)
            if item is None:
                return
            outcome = api_report_send(base, slug, item)
            with lock:
                outcomes.append(outcome)
                if not killed and len(outcomes) >= count // 3:
                    victim = gunicorn_workers(master)[0]
                    os.kill(victim, signal.SIGKILL)
                    killed.append(victim)

    pool = [threading.Thread(target=run) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    check(killed, "er is geen worker gestopt")
    check(len(outcomes) == count, f"{count - len(outcomes)} meldingen zonder uitkomst")
    codes = [code for status, code in outcomes if status == "201"]
    others = [status for status, _code in outcomes if status != "201"]
    check(
        all(
            s in ("RemoteDisconnected", "ConnectionResetError", "URLError", "IncompleteRead")
            for s in others
        ),
        f"onverwachte antwoorden tijdens de burst: {others}",
    )
    check(len(codes) >= count - threads, f"te weinig meldingen aangenomen: {len(codes)}/{count}")
    after = gunicorn_workers(master)
    check(killed[0] not in after and len(after) == len(before), f"worker niet vervangen: {after}")
    reporter = Client(base)
    follow = f"/{slug}/meldpunt/opvolgen/"
    for code in codes:
        form = form_with(expect(reporter.get(follow), 200, "opvolgen").text, "code")
        page = reporter.post(follow, {**form["fields"], "code": code})
        check(page.status == 200, f"melding met 201 en code {code[:4]}… niet opgeslagen")
    print(
        f"ok  burst van {count} meldingen, worker {killed[0]} gedood (SIGKILL): "
        f"{len(codes)} aangenomen en alle terug te vinden, {len(others)} verbroken"
    )
    return codes


def frozen_report(staff: Staff, period: str) -> None:
    c, slug = staff.client, staff.slug
    create = f"/{slug}/rapportages/nieuw/"
    form = form_with(expect(c.get(create), 200, "nieuwe rapportage").text, "periode")
    resp = c.post(create, {**form["fields"], "kind": "voortgang", "periode": period, "title": ""})
    check(resp.status == 302, f"rapportage maken: {resp.status}\n{resp.text[:800]}")
    detail = path_of(resp.location)
    send = detail + "verzenden/"
    form = form_with(expect(c.get(send), 200, "verzenden").text, "csrfmiddlewaretoken")
    resp = c.post(send, form["fields"])
    check(resp.status == 302 and path_of(resp.location) == detail, f"verzenden: {resp.status}")
    first = expect(c.get(detail + "pdf/"), 200, "PDF")
    check(first.headers.get("Content-Type") == "application/pdf", "geen application/pdf")
    check(first.body.startswith(b"%PDF"), "PDF begint niet met %PDF")
    second = expect(c.get(detail + "pdf/"), 200, "PDF opnieuw")
    check(first.body == second.body, "vastgestelde PDF verandert tussen downloads")
    again = c.get(send)
    check(again.status == 302, "een vastgestelde rapportage kan opnieuw worden verzonden")
    print(f"ok  voortgangsrapportage {period} vastgesteld, PDF {len(first.body)} bytes, vast")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--base", required=True)
    p.add_argument("--user", required=True)
    p.add_argument("--password", required=True)
    p.add_argument("--invite", help="path of kompas setup's invitation link (password chosen)")
    p.add_argument("--gemeente", default="heerenveen")
    p.add_argument("--import-file", type=Path, required=True)
    p.add_argument("--report-period", default="2024")
    p.add_argument("--min-fill", type=float, default=3.0)
    p.add_argument("--timeout", type=float, default=90.0)
    p.add_argument("--gunicorn-pid", type=int, help="master; a worker of it is killed in a burst")
    p.add_argument("--burst", type=int, default=24)
    a = p.parse_args(argv)
    started = time.monotonic()
    try:
        wait_until_up(a.base, 60)
        check_transport_security(a.base)
        staff = Staff(a.base, a.user, a.password, a.gemeente)
        if a.invite:
            staff.accept_invitation(a.invite)
        staff.password_login()
        staff.enrol()
        monitoring_import(staff, a.import_file, a.timeout)
        meldpunt(a.base, a.gemeente, a.min_fill)
        triage_sees_signal(staff)
        frozen_report(staff, a.report_period)
        staff.verify_again()
        if a.gunicorn_pid:
            burst_with_kill(a.base, a.gemeente, a.gunicorn_pid, a.burst, threads=6)
    except SmokeError as exc:
        print(f"FOUT: {exc}", file=sys.stderr)
        return 1
    print(f"Productiestack-rooktest geslaagd in {time.monotonic() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
