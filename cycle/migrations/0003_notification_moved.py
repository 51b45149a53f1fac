"""Notifications now belong to the notifications app (its 0001): the cycle app forgets the
model. Nothing changes in the database."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('cycle', '0002_notification_table_renamed'),
        ('notifications', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='Notification')],
        ),
    ]
