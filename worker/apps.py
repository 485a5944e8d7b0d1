from django.apps import AppConfig


class WorkerConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "worker"
    verbose_name = "Background jobs"

    def ready(self) -> None:
        from chatops import registry
        from worker.collectors import collect_worker

        registry.register_metric_collector("worker", collect_worker)
