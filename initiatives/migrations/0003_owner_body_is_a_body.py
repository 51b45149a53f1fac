"""The owner body becomes one of the organisation's bodies instead of a fixed kind.

An initiative whose owner kind matches a body of its organisation gets that body; the old
"department" kind has no body and is left empty."""

import django.db.models.deletion
from django.db import migrations, models


def to_bodies(apps, schema_editor):
    Initiative = apps.get_model("initiatives", "Initiative")
    Body = apps.get_model("governance", "Body")
    bodies = {}
    for body in Body.objects.order_by("position", "pk"):
        bodies.setdefault((body.organisation_id, body.kind), body.pk)
    for pk, org_id, kind in Initiative.objects.exclude(owner_body="").values_list(
        "pk", "organisation_id", "owner_body"
    ):
        body_id = bodies.get((org_id, kind))
        if body_id:
            Initiative.objects.filter(pk=pk).update(owner=body_id)


def to_kinds(apps, schema_editor):
    Initiative = apps.get_model("initiatives", "Initiative")
    for pk, kind in Initiative.objects.exclude(owner=None).values_list("pk", "owner__kind"):
        Initiative.objects.filter(pk=pk).update(owner_body=kind)


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0002_decision_checklist_decision_lessons_and_more"),
        ("initiatives", "0002_initiative_alternatives"),
    ]

    operations = [
        migrations.AddField(
            model_name="initiative",
            name="owner",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="governance.body",
            ),
        ),
        migrations.RunPython(to_bodies, to_kinds),
        migrations.RemoveField(model_name="initiative", name="owner_body"),
        migrations.RenameField(model_name="initiative", old_name="owner", new_name="owner_body"),
        migrations.AlterField(
            model_name="initiative",
            name="owner_body",
            field=models.ForeignKey(
                blank=True,
                help_text="The body that owns the initiative; it follows it in its meetings.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="owned_initiatives",
                to="governance.body",
                verbose_name="owner body",
            ),
        ),
    ]
