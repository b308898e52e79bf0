"""Slack: Bolt listeners, Block Kit rendering, the HTTP server, the command inbox, sending."""

from adapters.library_logs import quiet_body_loggers

quiet_body_loggers()  # before any client is made: slack_sdk's DEBUG holds whole bodies
