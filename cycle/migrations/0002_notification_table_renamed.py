"""Notifications move to the notifications app: first the table takes the new app's name,
keeping every row (notifications 0001 takes the model over)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('cycle', '0001_initial'),
    ]

    operations = [
        migrations.AlterModelTable(name='notification', table='notifications_notification'),
    ]
