"""Notifications move here from the cycle app with their data: cycle 0002 renamed the
table, this migration takes the model into this app's state (no table is created) and
moves its content type; cycle 0003 then forgets the model."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def _move_content_types(apps, schema_editor, source, target):
    """History rows point at content types: keep them pointing at the moved models."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ('notification',):
        if not ContentType.objects.filter(app_label=target, model=model).exists():
            ContentType.objects.filter(app_label=source, model=model).update(app_label=target)


def forwards(apps, schema_editor):
    _move_content_types(apps, schema_editor, "cycle", "notifications")


def backwards(apps, schema_editor):
    _move_content_types(apps, schema_editor, "notifications", "cycle")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('cycle', '0002_notification_table_renamed'),
        ('organisations', '0004_membership_email_digest'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Notification',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('subject', models.CharField(max_length=200)),
                        ('body', models.TextField()),
                        ('url', models.CharField(blank=True, max_length=300)),
                        ('key', models.CharField(max_length=120)),
                        ('created', models.DateTimeField(auto_now_add=True)),
                        ('sent_at', models.DateTimeField(blank=True, null=True)),
                        ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='organisations.organisation')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notifications', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'ordering': ['-created'],
                        'constraints': [models.UniqueConstraint(fields=('organisation', 'user', 'key'), name='unique_notification')],
                    },
                ),
                    ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
