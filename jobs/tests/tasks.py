"""Jobs for the queue's tests (a task must live at a module's top level)."""

from django_tasks import task

RAN: list[int] = []


@task()
def record(i: int) -> int:
    RAN.append(i)
    return i


@task()
def explode() -> None:
    raise ValueError("the job went wrong")
