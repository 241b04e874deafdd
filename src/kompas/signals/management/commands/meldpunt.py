# SPDX-License-Identifier: EUPL-1.2
from django.core.management import BaseCommand, CommandError

from kompas.core.models import Municipality
from kompas.signals.services import signals_feed_monitoring


class Command(BaseCommand):
    help = (
        "Meldpunt: 'feed' zet de aantallen meldingen per verschijnsel per kwartaal als "
        "indicatoren in de monitoring (als de monitoring-app is geïnstalleerd)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["feed"])
        parser.add_argument("--gemeente", help="CBS-code, bijvoorbeeld GM0074 (standaard: alle)")

    def handle(self, *args, action, gemeente=None, **options):
        municipalities = Municipality.objects.all()
        if gemeente:
            municipalities = municipalities.filter(code=gemeente)
            if not municipalities.exists():
                raise CommandError(f"Onbekende gemeente {gemeente!r}.")
        for m in municipalities:
            sent = signals_feed_monitoring(municipality=m)
            if sent is None:
                self.stdout.write("De monitoring-app is niet geïnstalleerd; niets gedaan.")
                return
            self.stdout.write(f"{m.name}: {sent} kwartaalcijfers naar de monitoring.")
