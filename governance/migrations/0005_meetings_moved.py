"""Meetings and agenda items now belong to the meetings app (its 0001): governance forgets
them. Nothing changes in the database."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('governance', '0004_meetings_tables_renamed'),
        ('meetings', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='AgendaItem'),
                migrations.DeleteModel(name='Meeting'),
            ],
        ),
    ]
