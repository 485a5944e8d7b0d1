"""The API contract shared by every app: envelope, errors, pagination, sorting, schema."""
