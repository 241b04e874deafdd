# SPDX-License-Identifier: EUPL-1.2
import os
import shutil
import signal
import subprocess
import sys
import time

from django.core.management import CommandError, call_command

from kompas.core import demo, tasks
from kompas.core.commands import KompasCommand


class Command(KompasCommand):
    help = (
        "Migreert, laadt de demodata en start de server op http://127.0.0.1:8000 met een "
        "worker voor achtergrondtaken."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-serve", action="store_true", help="Alles behalve de server starten."
        )
        parser.add_argument("--bind", default="127.0.0.1:8000")

    def handle(self, *args, no_serve=False, bind="127.0.0.1:8000", **options):
        # Before anything touches the database `DATABASE_URL` names.
        try:
            demo.refuse_in_production()
        except demo.DemoRefusedError as exc:
            raise CommandError(str(exc)) from exc
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Database bijgewerkt.")
        lines = demo.load_all()
        call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write("Demodata geladen. Demo-gebruikers (gebruikersnaam, wachtwoord, rol):")
        for line in lines:
            self.stdout.write(line)
        if no_serve:
            return
        self.stdout.write(f"Veiligheidskompas draait op http://{bind}/ (stoppen: Ctrl+C)")
        sys.stdout.flush()
        gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
        if not os.path.exists(gunicorn):
            gunicorn = shutil.which("gunicorn") or "gunicorn"
        # The access log names neither the client's address nor its user agent: the meldpunt
        # promises anonymous reporters that no identifying line is written anywhere.
        server = [
            gunicorn,
            "kompas.wsgi:application",
            "--bind",
            bind,
            "--workers",
            "2",
            "--threads",
            "4",
            "--access-logfile",
            "-",
            "--access-logformat",
            '%(t)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms',
        ]
        processes = [subprocess.Popen(server)]  # noqa: S603 - fixed arguments
        if not tasks.is_immediate():
            # The background worker (imports, later reports) beside the web server, as
            # `kompas run_huey` does in production.
            worker = [sys.executable, "-m", "kompas.manage", "run_huey"]
            processes.append(subprocess.Popen(worker))  # noqa: S603 - fixed arguments
        _supervise(processes)


def _supervise(processes: list[subprocess.Popen]) -> None:
    """Wait until one process ends or the demo is stopped (Ctrl+C, SIGTERM); then stop the
    others. Ctrl+C in the terminal reaches every process of the group, so give them a moment
    to stop by themselves; then SIGINT (the worker finishes its current task); after 30
    seconds, kill."""

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        while all(p.poll() is None for p in processes):
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        grace = time.monotonic() + 2
        while time.monotonic() < grace and any(p.poll() is None for p in processes):
            time.sleep(0.1)
        for p in processes:
            if p.poll() is None:
                p.send_signal(signal.SIGINT)
        deadline = time.monotonic() + 30
        for p in processes:
            try:
                p.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
