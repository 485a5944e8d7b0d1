"""The pipelines app's writes: integrations (admins), receiving deliveries (the receivers'
accept path), applying them (the worker), announcing runs and deploys, and rooms' follows."""
