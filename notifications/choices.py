from django.db import models


class ChannelKind(models.TextChoices):
    """How a channel reaches people. ``apprise`` covers every service Apprise knows (Slack,
    Discord, Microsoft Teams, Mattermost, Telegram, ntfy, Matrix, Pushover, JSON, …): its
    ``target`` is an Apprise URL."""

    EMAIL = "email", "Email"
    INAPP = "inapp", "In-app"
    WEBHOOK = "webhook", "Webhook"
    APPRISE = "apprise", "Apprise service"


class NotificationStatus(models.TextChoices):
    PENDING = "pending", "Pending"  # deliveries still to make
    SENT = "sent", "Sent"  # every delivery delivered
    PARTIAL = "partial", "Partially failed"
    FAILED = "failed", "Failed"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    HELD = "held", "Held"  # quiet hours: waits for their end
    DELIVERED = "delivered", "Delivered"
    FAILED = "failed", "Failed"  # gave up after the last retry
    SKIPPED = "skipped", "Skipped"  # nothing to send to (a disabled channel, a user gone)


class Severity(models.TextChoices):
    """As alerts name them; ``info`` for notifications that are not alerts."""

    INFO = "info", "Info"
    WARNING = "warning", "Warning"
    CRITICAL = "critical", "Critical"


class EmailProviderKind(models.TextChoices):
    """How the hub sends email when configured through the API: SMTP, or an API provider
    through django-anymail (``notifications.mail.ESPS`` knows each one's credentials)."""

    SMTP = "smtp", "SMTP server"
    AMAZON_SES = "amazon_ses", "Amazon SES"
    BREVO = "brevo", "Brevo"
    MAILGUN = "mailgun", "Mailgun"
    MAILJET = "mailjet", "Mailjet"
    POSTMARK = "postmark", "Postmark"
    RESEND = "resend", "Resend"
    SENDGRID = "sendgrid", "SendGrid"
    SPARKPOST = "sparkpost", "SparkPost"


class SmtpSecurity(models.TextChoices):
    NONE = "none", "None (plain SMTP)"
    STARTTLS = "starttls", "STARTTLS"
    SSL = "ssl", "TLS from the start (SMTPS)"
