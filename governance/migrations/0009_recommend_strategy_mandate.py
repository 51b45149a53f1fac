"""The executive board recommends the strategy before the council approves it (issue 17):
every executive board set up with the default mandates gets the recommendation too."""

from django.db import migrations


def add(apps, schema_editor):
    Body = apps.get_model("governance", "Body")
    Mandate = apps.get_model("governance", "Mandate")
    for board in Body.objects.filter(kind="executive_board"):
        mandates = Mandate.objects.filter(body=board)
        if mandates.filter(kind="commit_scenario").exists() and not mandates.filter(
            kind="recommend_strategy"
        ).exists():
            Mandate.objects.create(
                organisation_id=board.organisation_id,
                body=board,
                kind="recommend_strategy",
                track="",
            )


class Migration(migrations.Migration):
    dependencies = [("governance", "0008_alter_decision_kind_alter_mandate_kind")]

    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
