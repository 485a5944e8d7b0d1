from typing import Literal

ChatbotLogsListSort = Literal['confidence_score', 'created_at', 'response_time_ms']

CHATBOT_LOGS_LIST_SORT_VALUES: set[ChatbotLogsListSort] = { 'confidence_score', 'created_at', 'response_time_ms',  }

def check_chatbot_logs_list_sort(value: str) -> ChatbotLogsListSort:
    if value in CHATBOT_LOGS_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHATBOT_LOGS_LIST_SORT_VALUES!r}")
