"""The administrator sees the workers and the jobs, failed ones with their traceback."""

from jobs.queue import Worker, drain
from jobs.tests import tasks


def test_the_admin_lists_workers_and_jobs_with_a_failed_ones_traceback(admin_client):
    tasks.explode.enqueue()
    drain()
    Worker(worker_id="w-1").housekeeping()
    page = admin_client.get("/admin/jobs/workerbeat/")
    assert page.status_code == 200 and "w-1" in page.content.decode()
    jobs = admin_client.get("/admin/django_tasks_database/dbtaskresult/?status__exact=FAILED")
    assert jobs.status_code == 200 and "explode" in jobs.content.decode()
