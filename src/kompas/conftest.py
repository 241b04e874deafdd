# SPDX-License-Identifier: EUPL-1.2
"""Shared fixtures for every app's tests."""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls from that
# thread are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

REPO = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO.parent / "shared" / "data" / "politie"
CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)


def pytest_collection_modifyitems(config, items):
    if CHROMIUM:
        return
    skip = pytest.mark.skip(reason="chromium ontbreekt: browsertests overgeslagen")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _data_dir_in_tmp(settings, tmp_path):
    """Every test has its own data directory (national store, lock files), so what a developer
    loaded into var/ (e.g. `kompas data landelijk`) never changes what a test sees."""
    settings.DATA_DIR = tmp_path / "data"
    settings.DATA_DIR.mkdir()
    return settings.DATA_DIR


@pytest.fixture(autouse=True)
def _tasks_run_immediately():
    """Background tasks run at once, in the test's thread, on in-memory queue storage (Huey's
    immediate mode); a test that needs a real worker switches it off (see core test_tasks)."""
    from kompas.core.tasks import HUEY

    HUEY.immediate = True
    try:
        yield
    finally:
        HUEY.immediate = True
        HUEY.flush()


@pytest.fixture
def task_worker(tmp_path):
    """A real Huey consumer (two thread workers) on real SQLite queue storage in tmp_path, for
    the test's duration; yields the Huey instance. Enqueued tasks run in the worker threads
    with their own database connections (use django_db(transaction=True))."""
    import signal

    from django.db import connections
    from huey.storage import SqliteStorage

    from kompas.core.tasks import HUEY

    handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    HUEY.immediate = False
    HUEY.storage = SqliteStorage(HUEY.name, filename=str(tmp_path / "tasks.sqlite3"))
    # A worker thread's connections end with its task, not with the (flushed) test database.
    HUEY.post_execute(name="test-close-connections")(lambda *a: connections.close_all())
    consumer = HUEY.create_consumer(
        workers=2, worker_type="thread", periodic=False, initial_delay=0.05, max_delay=0.2
    )
    consumer.start()  # sets signal handlers; restored below
    try:
        yield HUEY
    finally:
        consumer.stop(graceful=True)
        HUEY.unregister_post_execute("test-close-connections")
        HUEY.storage.close()
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
        HUEY.immediate = True


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.exists():
        pytest.fail(f"de echte politiebestanden ontbreken: {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture
def reference_data(db):
    """The four gemeenten, partnerships and partner organisations, plus their regions."""
    from kompas.core.models import Municipality
    from kompas.core.services import DATA, reference_data_load, regions_import

    reference_data_load()
    regions_import(DATA / "regions_zuidoost_friesland.csv")
    return {m.code: m for m in Municipality.objects.all()}


@pytest.fixture
def heerenveen(reference_data):
    return reference_data["GM0074"]


@pytest.fixture
def weststellingwerf(reference_data):
    return reference_data["GM0098"]


@pytest.fixture
def make_member(db):
    """make_member(municipality, role, username=None, partner_code=None) -> user."""
    from django.contrib.auth import get_user_model

    from kompas.core.models import Membership, PartnerOrganisation

    counter = {"n": 0}

    def make(municipality, role, username=None, partner_code=None, password="geheim-wachtwoord-1"):
        counter["n"] += 1
        username = username or f"{role}-{municipality.slug}-{counter['n']}"
        user = get_user_model().objects.create_user(username=username, password=password)
        partner = PartnerOrganisation.objects.get(code=partner_code) if partner_code else None
        Membership.objects.create(user=user, municipality=municipality, role=role, partner=partner)
        return user

    return make


@pytest.fixture
def adviseur_heerenveen(heerenveen, make_member):
    return make_member(heerenveen, "adviseur", username="adviseur-hv")


@pytest.fixture
def browser_page():
    """A fresh page in Debian's chromium, headless, driven by Playwright. Skips without it."""
    if not CHROMIUM:
        pytest.skip("chromium ontbreekt: browsertests overgeslagen")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        context = browser.new_context(locale="nl-NL")
        page = context.new_page()
        try:
            yield page
        finally:
            context.close()
            browser.close()


@pytest.fixture
def axe_check():
    """axe_check(page) -> list of WCAG 2.1 A/AA violations (id, help, nodes)."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page):
        results = axe.run(
            page,
            options={
                "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
            },
        )
        return [
            {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in results.response["violations"]
        ]

    return check


@pytest.fixture
def browser_login(live_server):
    """browser_login(page, username, password='geheim-wachtwoord-1') logs in via the form."""

    def login(page, username, password="geheim-wachtwoord-1"):
        page.goto(f"{live_server.url}/inloggen/")
        page.get_by_label("Gebruikersnaam").fill(username)
        page.get_by_label("Wachtwoord").fill(password)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_load_state()

    return login
