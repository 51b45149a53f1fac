import datetime
import uuid

from django.db import migrations


def queue_waiting_runs(apps, schema_editor):
    """Runs waiting (or left running) when the server moves to the one queue get their
    job in it, so an upgrade loses no solve (a running one starts again)."""
    SolveRun = apps.get_model("portfolio", "SolveRun")
    DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    never = datetime.datetime(9999, 1, 1, tzinfo=datetime.timezone.utc)
    DBTaskResult.objects.bulk_create(
        DBTaskResult(
            id=uuid.uuid4(),
            status="READY",
            args_kwargs={"args": [pk], "kwargs": {}},
            priority=0,
            task_path="portfolio.worker.solve_run",
            worker_ids=[],
            queue_name="default",
            backend_name="default",
            run_after=never,
            exception_class_path="",
            traceback="",
        )
        for pk in SolveRun.objects.filter(status__in=("queued", "running")).values_list(
            "pk", flat=True
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("portfolio", "0003_run_heartbeat"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [
        migrations.RemoveField(model_name="solverun", name="heartbeat"),
        migrations.RunPython(queue_waiting_runs, migrations.RunPython.noop),
    ]
