# SPDX-License-Identifier: EUPL-1.2
from django.core.management import CommandError

from kompas.core.commands import KompasCommand
from kompas.core.services import RegionImportError, regions_import


class Command(KompasCommand):
    help = "Regio's (gemeenten, wijken, buurten) beheren."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Laad de WijkenEnBuurten-dimensie van CBS/politie.")
        imp.add_argument("file")

    def handle(self, *args, action, file, **options):
        try:
            report = regions_import(file)
        except FileNotFoundError as exc:
            raise CommandError(f"Bestand niet gevonden: {file}") from exc
        except RegionImportError as exc:
            for line, field, msg in exc.errors[:50]:
                self.stderr.write(f"{file}: regel {line}, veld {field}: {msg}")
            if len(exc.errors) > 50:
                self.stderr.write(f"... en nog {len(exc.errors) - 50} fout(en).")
            raise CommandError(f"{len(exc.errors)} fout(en); er is niets geïmporteerd.") from exc
        self.stdout.write(
            f"{file}: {report.read} gelezen, {report.inserted} nieuw, {report.updated} gewijzigd, "
            f"{report.unchanged} ongewijzigd."
        )
