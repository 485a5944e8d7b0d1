from django.db import models


class LogLevel(models.TextChoices):
    DEBUG = "debug", "Debug"
    INFO = "info", "Info"
    NOTICE = "notice", "Notice"
    WARNING = "warning", "Warning"
    ERROR = "error", "Error"
    CRITICAL = "critical", "Critical"
    # The line states no level where log formats put one; the agent does not guess from words.
    UNKNOWN = "unknown", "Unknown"


# Unknown is not ranked: it is neither better nor worse than any level, so no min_level keeps it.
LEVEL_RANK = {level.value: rank for rank, level in enumerate(LogLevel) if level != LogLevel.UNKNOWN}
RANKED_LEVELS = [(value, label) for value, label in LogLevel.choices if value in LEVEL_RANK]
