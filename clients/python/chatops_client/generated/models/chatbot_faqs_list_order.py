from typing import Literal

ChatbotFaqsListOrder = Literal['asc', 'desc']

CHATBOT_FAQS_LIST_ORDER_VALUES: set[ChatbotFaqsListOrder] = { 'asc', 'desc',  }

def check_chatbot_faqs_list_order(value: str) -> ChatbotFaqsListOrder:
    if value in CHATBOT_FAQS_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHATBOT_FAQS_LIST_ORDER_VALUES!r}")
