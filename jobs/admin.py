from django.contrib import admin

from .models import WorkerBeat


@admin.register(WorkerBeat)
class WorkerBeatAdmin(admin.ModelAdmin):
    list_display = ("worker_id", "host", "pid", "started", "beat")
    readonly_fields = ("worker_id", "host", "pid", "started", "beat")
