from typing import Literal

ScopesEnum = Literal['agent', 'alerts:read', 'alerts:write', 'approvals:read', 'approvals:write', 'audit:read', 'chat:read', 'chat:write', 'chatbot:read', 'chatbot:write', 'commands:read', 'commands:write', 'docker:read', 'docker:write', 'email_providers:read', 'email_providers:write', 'enrol', 'faqs:read', 'faqs:write', 'inbox:read', 'inbox:write', 'integrations:read', 'integrations:write', 'kubernetes:read', 'kubernetes:write', 'logs:read', 'metrics:read', 'metrics:write', 'notification_channels:read', 'notification_channels:write', 'notifications:read', 'notifications:write', 'pipelines:read', 'pipelines:write', 'playbooks:read', 'playbooks:write', 'profile:read', 'prometheus:read', 'servers:read', 'servers:write', 'tickets:read', 'tickets:write', 'webhooks:read', 'webhooks:write']

SCOPES_ENUM_VALUES: set[ScopesEnum] = { 'agent', 'alerts:read', 'alerts:write', 'approvals:read', 'approvals:write', 'audit:read', 'chat:read', 'chat:write', 'chatbot:read', 'chatbot:write', 'commands:read', 'commands:write', 'docker:read', 'docker:write', 'email_providers:read', 'email_providers:write', 'enrol', 'faqs:read', 'faqs:write', 'inbox:read', 'inbox:write', 'integrations:read', 'integrations:write', 'kubernetes:read', 'kubernetes:write', 'logs:read', 'metrics:read', 'metrics:write', 'notification_channels:read', 'notification_channels:write', 'notifications:read', 'notifications:write', 'pipelines:read', 'pipelines:write', 'playbooks:read', 'playbooks:write', 'profile:read', 'prometheus:read', 'servers:read', 'servers:write', 'tickets:read', 'tickets:write', 'webhooks:read', 'webhooks:write',  }

def check_scopes_enum(value: str) -> ScopesEnum:
    if value in SCOPES_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SCOPES_ENUM_VALUES!r}")
