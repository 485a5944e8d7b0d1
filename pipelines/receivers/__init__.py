"""What each provider sends, read into the hub's own facts (``receivers.facts``). Pure
functions of a payload: no database, so the accept path can check a payload cheaply and the
worker can apply it later."""
