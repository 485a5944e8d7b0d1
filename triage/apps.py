from django.apps import AppConfig


class TriageConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "triage"

    def ready(self) -> None:
        from chatops import registry
        from triage.jobs import JOBS

        registry.register_jobs(*JOBS)
