# SPDX-License-Identifier: EUPL-1.2

from kompas.core.commands import KompasCommand
from kompas.openbareorde import services


class Command(KompasCommand):
    help = (
        "Openbare orde. 'retentie' wist naam en contactgegevens van organisatoren van "
        "demonstraties na de bewaartermijn (KOMPAS_DEMONSTRATION_RETENTION_DAYS, standaard 90 "
        "dagen na de datum). Met --dry-run alleen tonen wat gewist zou worden. Draai dagelijks "
        "vanuit cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("taak", choices=["retentie"], help="wat te doen: retentie")
        parser.add_argument("--dry-run", action="store_true", help="alleen tonen, niets wissen")

    def handle(self, *args, **options):
        due = services.demonstration_retention_run(dry_run=options["dry_run"])
        verb = "zou wissen" if options["dry_run"] else "gewist"
        for d in due:
            self.stdout.write(f"{d.municipality.name}: demonstratie {d.pk} van {d.date:%d-%m-%Y}")
        self.stdout.write(f"Organisatorgegevens {verb}: {len(due)} demonstratie(s).")
