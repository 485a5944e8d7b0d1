from typing import Literal

ChatbotLogsListOrder = Literal['asc', 'desc']

CHATBOT_LOGS_LIST_ORDER_VALUES: set[ChatbotLogsListOrder] = { 'asc', 'desc',  }

def check_chatbot_logs_list_order(value: str) -> ChatbotLogsListOrder:
    if value in CHATBOT_LOGS_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHATBOT_LOGS_LIST_ORDER_VALUES!r}")
