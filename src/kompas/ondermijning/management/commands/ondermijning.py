# SPDX-License-Identifier: EUPL-1.2
from pathlib import Path

from django.core.management.base import CommandError
from django.db.models import Q

from kompas.core.commands import KompasCommand
from kompas.core.models import Municipality
from kompas.ondermijning.imports import KINDS, import_csv


class Command(KompasCommand):
    help = (
        "Ondermijning. 'importeren <gemeente> controles|opkopers <bestand.csv>' leest een lijst "
        "integrale controles of opkopers in (puntkomma's, UTF-8, datums dd-mm-jjjj; kolommen in "
        "de README). Alles of niets: bij een fout op een regel wordt niets opgeslagen."
    )

    def add_arguments(self, parser):
        parser.add_argument("taak", choices=["importeren"])
        parser.add_argument("gemeente", help="GM-code of slug, bijvoorbeeld GM0098 of heerenveen")
        parser.add_argument("soort", choices=KINDS)
        parser.add_argument("bestand", type=Path)

    def handle(self, *args, gemeente, soort, bestand, **options):
        municipality = Municipality.objects.filter(
            Q(code=gemeente.upper()) | Q(slug=gemeente)
        ).first()
        if municipality is None:
            raise CommandError(f"Onbekende gemeente: {gemeente}.")
        try:
            data = bestand.read_bytes()
        except OSError as exc:
            raise CommandError(f"Kan {bestand} niet lezen: {exc.strerror}.") from exc
        result = import_csv(municipality=municipality, kind=soort, data=data, by=None)
        if not result.ok:
            for error in result.errors:
                self.stderr.write(error)
            raise CommandError(f"Niets geïmporteerd: {len(result.errors)} fout(en).")
        self.stdout.write(f"{municipality.name}: {result.created} {soort} geïmporteerd.")
