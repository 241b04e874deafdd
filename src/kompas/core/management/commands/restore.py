# SPDX-License-Identifier: EUPL-1.2
from django.core.management import CommandError
from django.utils.translation import gettext as _

from kompas.core.commands import KompasCommand
from kompas.core.services.backup import BackupError, backup_restore


class Command(KompasCommand):
    help = _(
        "Zet een back-up van `kompas backup` terug in een lege installatie (dezelfde soort "
        "database), met de sleutels."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help=_("de map van de back-up"))
        parser.add_argument(
            "--sleutels-map",
            default=None,
            help=_("de map met de sleutels, als die apart bewaard is (standaard: <map>/sleutels)"),
        )

    def handle(self, *args, folder, sleutels_map=None, **options):
        try:
            from_env = backup_restore(folder, keys_folder=sleutels_map)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(_("De database is teruggezet."))
        if from_env:
            self.stdout.write(
                _("De sleutels uit de omgeving (%(names)s) horen bij de back-up.")
                % {"names": ", ".join(from_env)}
            )
        if len(from_env) < 3:
            self.stdout.write(_("De overige sleutels staan nu in KOMPAS_DATA_DIR."))
        self.stdout.write(
            _("Draai nu `kompas migrate` (nodig als deze versie nieuwer is dan de back-up).")
        )
