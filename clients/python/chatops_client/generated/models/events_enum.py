from typing import Literal

EventsEnum = Literal['alert.acknowledged', 'alert.created', 'alert.resolved', 'approval.decided', 'approval.requested', 'command.completed', 'deployment.completed', 'deployment.started', 'message.created', 'pipeline.completed', 'pipeline.failed', 'pipeline.started', 'playbook.completed', 'playbook.failed', 'server.offline', 'server.online']

EVENTS_ENUM_VALUES: set[EventsEnum] = { 'alert.acknowledged', 'alert.created', 'alert.resolved', 'approval.decided', 'approval.requested', 'command.completed', 'deployment.completed', 'deployment.started', 'message.created', 'pipeline.completed', 'pipeline.failed', 'pipeline.started', 'playbook.completed', 'playbook.failed', 'server.offline', 'server.online',  }

def check_events_enum(value: str) -> EventsEnum:
    if value in EVENTS_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EVENTS_ENUM_VALUES!r}")
