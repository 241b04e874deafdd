# SPDX-License-Identifier: EUPL-1.2
from django.core.management import CommandError
from django.utils.translation import gettext as _

from kompas.core.commands import KompasCommand
from kompas.core.services.backup import BackupError, backup_create


class Command(KompasCommand):
    help = _(
        "Maakt een back-up: een consistente databasedump (SQLite of PostgreSQL, ook terwijl de "
        "server draait) en een kopie van de sleutels."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help=_("nieuwe of lege map voor de back-up"))
        parser.add_argument(
            "--sleutels-map",
            default=None,
            help=_("aparte map voor de sleutels (standaard: <map>/sleutels)"),
        )

    def handle(self, *args, folder, sleutels_map=None, **options):
        try:
            result = backup_create(folder, keys_folder=sleutels_map)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            _("Databasedump (%(engine)s) geschreven naar %(path)s.")
            % {"engine": result.engine, "path": result.database}
        )
        self.stdout.write(_("Sleutels geschreven naar %(path)s.") % {"path": result.keys})
        self.stderr.write(
            _(
                "LET OP: bewaar de sleutels en de databasedump op verschillende plaatsen. Wie "
                "beide heeft, kan alle meldingen en persoonsgegevens lezen; wie de sleutels "
                "kwijt is, kan de dump niet meer lezen."
            )
        )
