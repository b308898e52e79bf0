"""Platform adapters: terminal, Slack and Discord, plus the command-line entry point."""
