"""Load the official municipalities (98 Danish, 357 Norwegian from 2024) as master data."""

import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data"


def load(apps, schema_editor):
    Municipality = apps.get_model("organisations", "Municipality")
    rows = []
    for country, filename in (("DK", "municipalities_dk.csv"), ("NO", "municipalities_no.csv")):
        with open(DATA / filename, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                rows.append(Municipality(country=country, code=row["code"], name=row["name"]))
    Municipality.objects.bulk_create(rows, ignore_conflicts=True)


def unload(apps, schema_editor):
    apps.get_model("organisations", "Municipality").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("organisations", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
