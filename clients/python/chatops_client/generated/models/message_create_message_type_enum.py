from typing import Literal

MessageCreateMessageTypeEnum = Literal['command', 'text']

MESSAGE_CREATE_MESSAGE_TYPE_ENUM_VALUES: set[MessageCreateMessageTypeEnum] = { 'command', 'text',  }

def check_message_create_message_type_enum(value: str) -> MessageCreateMessageTypeEnum:
    if value in MESSAGE_CREATE_MESSAGE_TYPE_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MESSAGE_CREATE_MESSAGE_TYPE_ENUM_VALUES!r}")
