# SPDX-License-Identifier: EUPL-1.2
import os
import shutil
import sys

from django.core.management import BaseCommand, call_command

from kompas.core import demo


class Command(BaseCommand):
    help = "Migreert, laadt de demodata en start de server op http://127.0.0.1:8000."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-serve", action="store_true", help="Alles behalve de server starten."
        )
        parser.add_argument("--bind", default="127.0.0.1:8000")

    def handle(self, *args, no_serve=False, bind="127.0.0.1:8000", **options):
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
        args = [
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
        os.execv(gunicorn, args)  # noqa: S606 - replace this process with the server
