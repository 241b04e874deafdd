# SPDX-License-Identifier: EUPL-1.2
"""The ondermijningsgevoelige branches of issue 13 as the starting list; kept in the admin."""

from django.db import migrations

BRANCHES = [
    ("horeca", "Horeca"),
    ("bedrijventerrein", "Bedrijventerrein"),
    ("recreatie", "Recreatie- en vakantieparken"),
    ("autobedrijven", "Autobedrijven en garages"),
    ("nagel-kapsalons", "Nagel- en kapsalons"),
    ("detailhandel", "Detailhandel"),
    ("agrarisch-vastgoed", "Agrarisch en leegstaand vastgoed"),
]


def add(apps, schema_editor):
    Branche = apps.get_model("ondermijning", "Branche")
    for code, name in BRANCHES:
        Branche.objects.get_or_create(code=code, defaults={"name": name})


def remove(apps, schema_editor):
    Branche = apps.get_model("ondermijning", "Branche")
    Branche.objects.filter(code__in=[c for c, _n in BRANCHES]).delete()


class Migration(migrations.Migration):
    dependencies = [("ondermijning", "0001_initial")]

    operations = [migrations.RunPython(add, remove)]
