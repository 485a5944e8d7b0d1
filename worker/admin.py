from __future__ import annotations

from django.contrib import admin

from chatops.admin import ReadOnlyAdmin
from worker.models import JobState


@admin.register(JobState)
class JobStateAdmin(ReadOnlyAdmin):
    list_display = ("name", "last_started_at", "last_finished_at", "next_run_at", "failed")
    search_fields = ("name",)
    readonly_fields = ("name", "next_run_at", "last_started_at", "last_finished_at", "last_result", "last_error")

    @admin.display(boolean=True, description="Last run failed")
    def failed(self, obj: JobState) -> bool:
        return bool(obj.last_error)
