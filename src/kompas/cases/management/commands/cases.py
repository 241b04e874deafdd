# SPDX-License-Identifier: EUPL-1.2

from kompas.cases.services import retention_run
from kompas.core.commands import DRY_RUN_PREFIX, KompasCommand


class Command(KompasCommand):
    help = (
        "Casusoverleg: 'retentie' verwijdert afgesloten casussen waarvan de bewaartermijn "
        "(per soort casus en gemeente) verstreken is, met hun personen; per casus blijft een "
        "anonieme statistiekregel. Geschikt voor cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["retentie"])
        parser.add_argument(
            "--dry-run", action="store_true", help="Alleen tonen wat er zou gebeuren."
        )

    def handle(self, *args, action, dry_run=False, **options):
        prefix = DRY_RUN_PREFIX if dry_run else ""
        for line in retention_run(dry_run=dry_run).lines():
            self.stdout.write(prefix + line)
