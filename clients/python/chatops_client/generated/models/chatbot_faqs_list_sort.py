from typing import Literal

ChatbotFaqsListSort = Literal['category', 'created_at', 'id', 'question', 'updated_at']

CHATBOT_FAQS_LIST_SORT_VALUES: set[ChatbotFaqsListSort] = { 'category', 'created_at', 'id', 'question', 'updated_at',  }

def check_chatbot_faqs_list_sort(value: str) -> ChatbotFaqsListSort:
    if value in CHATBOT_FAQS_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHATBOT_FAQS_LIST_SORT_VALUES!r}")
