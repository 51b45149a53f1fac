"""Meetings and agenda items move here from governance with their data: governance 0004
renamed the tables, this migration takes the models into the meetings app's state (no
table is created), renames the index and moves the content types the history points at;
governance 0005 then forgets the models."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def _move_content_types(apps, schema_editor, source, target):
    """History rows point at content types: keep them pointing at the moved models."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ('meeting', 'agendaitem'):
        if not ContentType.objects.filter(app_label=target, model=model).exists():
            ContentType.objects.filter(app_label=source, model=model).update(app_label=target)


def forwards(apps, schema_editor):
    _move_content_types(apps, schema_editor, "governance", "meetings")


def backwards(apps, schema_editor):
    _move_content_types(apps, schema_editor, "meetings", "governance")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('cycle', '0001_initial'),
        ('governance', '0004_meetings_tables_renamed'),
        ('initiatives', '0003_owner_body_is_a_body'),
        ('organisations', '0004_membership_email_digest'),
        ('portfolio', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Meeting',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False)),
                        ('date', models.DateField(verbose_name='date')),
                        ('location', models.CharField(blank=True, max_length=200, verbose_name='place')),
                        ('status', models.CharField(choices=[('draft', 'Draft agenda'), ('published', 'Agenda published'), ('held', 'Held, minutes written'), ('cancelled', 'Cancelled')], default='draft', max_length=10, verbose_name='status')),
                        ('minutes', models.TextField(blank=True, verbose_name='minutes')),
                        ('created', models.DateTimeField(auto_now_add=True)),
                        ('body', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='meetings', to='governance.body', verbose_name='body')),
                        ('cycle_event', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='cycle.cycleevent')),
                        ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='organisations.organisation')),
                    ],
                    options={
                        'verbose_name': 'meeting',
                        'verbose_name_plural': 'meetings',
                        'ordering': ['-date', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='AgendaItem',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('position', models.PositiveIntegerField(default=0)),
                        ('kind', models.CharField(choices=[('gate', 'Stage gate'), ('red_status', 'Red status'), ('lagging', 'Lagging benefits'), ('proposal', 'New proposal'), ('scenario', 'Scenario to commit'), ('other', 'Other')], max_length=10, verbose_name='kind')),
                        ('title', models.CharField(max_length=200, verbose_name='title')),
                        ('notes', models.TextField(blank=True, verbose_name='background')),
                        ('to_stage', models.CharField(blank=True, choices=[('idea', 'Idea'), ('clarify', 'Clarify'), ('pilot', 'Pilot'), ('implementation', 'Implementation'), ('operation', 'Operation and follow-up'), ('closed', 'Closed'), ('stopped', 'Stopped')], max_length=15, verbose_name='to stage')),
                        ('body', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='agenda_items', to='governance.body')),
                        ('decision', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='agenda_item', to='governance.decision')),
                        ('initiative', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='agenda_items', to='initiatives.initiative', verbose_name='initiative')),
                        ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='organisations.organisation')),
                        ('requested_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('scenario', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='portfolio.scenario')),
                        ('meeting', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='items', to='meetings.meeting')),
                    ],
                    options={
                        'verbose_name': 'agenda item',
                        'verbose_name_plural': 'agenda items',
                        'ordering': ['position', 'id'],
                    },
                ),
                        migrations.AddIndex(
                    model_name='meeting',
                    index=models.Index(fields=['body', 'date'], name='governance__body_id_bbec46_idx'),
                ),
            ],
        ),
        migrations.RenameIndex(
            model_name='meeting',
            new_name='meeting_body_date_idx',
            old_name='governance__body_id_bbec46_idx',
        ),
        migrations.RunPython(forwards, backwards),
    ]
