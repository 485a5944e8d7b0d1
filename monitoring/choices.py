from django.db import models


class LogLevel(models.TextChoices):
    DEBUG = "debug", "Debug"
    INFO = "info", "Info"
    NOTICE = "notice", "Notice"
    WARNING = "warning", "Warning"
    ERROR = "error", "Error"
    CRITICAL = "critical", "Critical"


LEVEL_RANK = {level.value: rank for rank, level in enumerate(LogLevel)}
