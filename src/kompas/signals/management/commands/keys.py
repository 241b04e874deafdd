# SPDX-License-Identifier: EUPL-1.2
from django.core.management import CommandError

from kompas.core.commands import KompasCommand
from kompas.signals import crypto, keygen
from kompas.signals.services import keys_rotate


class Command(KompasCommand):
    help = (
        "Sleutels van het meldpunt. 'generate' maakt een nieuwe sleutel (met --omgeving alle "
        "geheimen van een nieuwe installatie; werkt ook in productie zonder sleutels); "
        "'rotate' versleutelt alles opnieuw met de eerste sleutel in KOMPAS_SIGNALS_KEYS."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["generate", "rotate"])
        parser.add_argument("--omgeving", action="store_true", help=keygen.ENVIRONMENT_HELP)

    def handle(self, *args, action, **options):
        if action == "generate":
            self.stdout.write(keygen.output(environment=options["omgeving"]), ending="")
            return
        try:
            crypto.fernet()
            counts = keys_rotate()
        except Exception as exc:  # report any key problem in plain Dutch
            raise CommandError(f"Opnieuw versleutelen mislukt, niets gewijzigd: {exc}") from exc
        self.stdout.write(
            "Opnieuw versleuteld met de huidige sleutel: "
            + ", ".join(f"{n} {what}" for what, n in counts.items())
            + ". Oude sleutels kunnen nu uit KOMPAS_SIGNALS_KEYS."
        )
