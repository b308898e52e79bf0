"""Slack: Bolt listeners, Block Kit rendering, the HTTP server, the command inbox, sending."""
