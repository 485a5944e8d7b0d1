from typing import Literal

MessagesListMessageType = Literal['alert', 'approval', 'command', 'command_result', 'system', 'text']

MESSAGES_LIST_MESSAGE_TYPE_VALUES: set[MessagesListMessageType] = { 'alert', 'approval', 'command', 'command_result', 'system', 'text',  }

def check_messages_list_message_type(value: str) -> MessagesListMessageType:
    if value in MESSAGES_LIST_MESSAGE_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MESSAGES_LIST_MESSAGE_TYPE_VALUES!r}")
