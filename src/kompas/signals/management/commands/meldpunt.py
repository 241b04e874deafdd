# SPDX-License-Identifier: EUPL-1.2
from django.core.management import CommandError

from kompas.core.commands import KompasCommand
from kompas.signals.selectors import municipality_list_for_command
from kompas.signals.services import signals_feed_monitoring


class Command(KompasCommand):
    help = (
        "Meldpunt: 'feed' zet de aantallen meldingen per verschijnsel per kwartaal als "
        "indicatoren in de monitoring."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["feed"])
        parser.add_argument("--gemeente", help="CBS-code, bijvoorbeeld GM0074 (standaard: alle)")

    def handle(self, *args, action, gemeente=None, **options):
        municipalities = list(municipality_list_for_command(code=gemeente or ""))
        if gemeente and not municipalities:
            raise CommandError(f"Onbekende gemeente {gemeente!r}.")
        for m in municipalities:
            sent = signals_feed_monitoring(municipality=m)
            self.stdout.write(f"{m.name}: {sent} kwartaalcijfers naar de monitoring.")
