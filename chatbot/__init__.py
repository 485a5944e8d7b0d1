"""The FAQ bot (docs/helpdesk-bot.md)."""
