"""The notifications REST API (``/api/v1/notifications``, ``/notification-channels``)."""
