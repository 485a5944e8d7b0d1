from typing import Literal

ChatMessageMessageTypeEnum = Literal['alert', 'approval', 'command', 'command_result', 'system', 'text']

CHAT_MESSAGE_MESSAGE_TYPE_ENUM_VALUES: set[ChatMessageMessageTypeEnum] = { 'alert', 'approval', 'command', 'command_result', 'system', 'text',  }

def check_chat_message_message_type_enum(value: str) -> ChatMessageMessageTypeEnum:
    if value in CHAT_MESSAGE_MESSAGE_TYPE_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHAT_MESSAGE_MESSAGE_TYPE_ENUM_VALUES!r}")
