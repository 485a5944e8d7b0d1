from django.apps import AppConfig


class AlertsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "alerts"

    def ready(self) -> None:
        # The thresholds judge every ingest batch (and custom metrics) inside its transaction;
        # monitoring only knows the hook, not this app.
        from alerts.services.evaluation import evaluate
        from monitoring.ingest import register_evaluator

        register_evaluator(evaluate)
