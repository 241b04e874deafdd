# SPDX-License-Identifier: EUPL-1.2

from kompas.core import hooks
from kompas.core.commands import DRY_RUN_PREFIX, KompasCommand
from kompas.signals.services import retention_run


class Command(KompasCommand):
    help = (
        "Bewaartermijnen meldpunt (AVG): contactgegevens anonimiseren en afgesloten meldingen "
        "verwijderen volgens de instellingen per gemeente. Een statistiekregel blijft bewaard. "
        "Geschikt voor cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["run"])
        parser.add_argument(
            "--dry-run", action="store_true", help="Alleen tonen wat er zou gebeuren."
        )

    def handle(self, *args, action, dry_run=False, **options):
        report = retention_run(dry_run=dry_run)
        prefix = DRY_RUN_PREFIX if dry_run else ""
        self.stdout.write(
            f"{prefix}contactgegevens anonimiseren: {len(report.anonymise)} melding(en)"
            + (f" ({', '.join(map(str, report.anonymise))})" if report.anonymise else "")
        )
        self.stdout.write(
            f"{prefix}verwijderen: {len(report.delete)} melding(en)"
            + (f" ({', '.join(map(str, report.delete))})" if report.delete else "")
        )
        # Apps above signals with their own terms (cases: persons of closed cases).
        for lines in hooks.retention_run(dry_run=dry_run):
            for line in lines:
                self.stdout.write(f"{prefix}{line}")
