from django.apps import AppConfig


class ApprovalsConfig(AppConfig):
    """Two-person approval of risky actions (issue 16), whichever way they are asked for."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "approvals"

    def ready(self) -> None:
        from accounts.choices import Role
        from approvals.events import ApprovalData
        from approvals.jobs import JOBS
        from chatops import registry
        from chatops.registry import WebhookEvent

        registry.register_jobs(*JOBS)
        registry.register_webhook_events(
            WebhookEvent("approval.requested", "Approval requested", ApprovalData),
            WebhookEvent("approval.decided", "Approval decided (approved, denied or expired)", ApprovalData),
        )
        registry.register_scope_resources(registry.ScopeResource("approvals", read=Role.OPERATOR, write=Role.OPERATOR))
        routes = [
            "approval-list",
            "approval-detail",
            "approval-approve",
            "approval-deny",
            "policy-list",
            "policy-detail",
        ]
        registry.register_api_routes({f"approvals-api:{name}": "approvals" for name in routes})
        registry.register_audit_actions(
            "approval.requested",
            "approval.approved",
            "approval.denied",
            "approval.expired",
            "approval.failed",
            "approval.policy_changed",
        )
