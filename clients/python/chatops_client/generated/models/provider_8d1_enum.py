from typing import Literal

Provider8D1Enum = Literal['amazon_ses', 'brevo', 'environment', 'mailgun', 'mailjet', 'postmark', 'resend', 'sendgrid', 'smtp', 'sparkpost']

PROVIDER_8D1_ENUM_VALUES: set[Provider8D1Enum] = { 'amazon_ses', 'brevo', 'environment', 'mailgun', 'mailjet', 'postmark', 'resend', 'sendgrid', 'smtp', 'sparkpost',  }

def check_provider_8d1_enum(value: str) -> Provider8D1Enum:
    if value in PROVIDER_8D1_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PROVIDER_8D1_ENUM_VALUES!r}")
