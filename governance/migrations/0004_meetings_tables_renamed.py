"""Meetings and agenda items move to the meetings app: first their tables take the new
app's names, keeping every row (meetings 0001 takes the models over)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('governance', '0003_meeting_cancelled'),
    ]

    operations = [
        migrations.AlterModelTable(name='meeting', table='meetings_meeting'),
        migrations.AlterModelTable(name='agendaitem', table='meetings_agendaitem'),
    ]
