"""Platform-neutral core of followup-bot: coaching rules, conversation, scheduling."""
