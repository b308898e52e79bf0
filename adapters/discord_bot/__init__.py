"""Discord: the discord.py client, slash commands, views and modals, paced sending."""

from adapters.library_logs import quiet_body_loggers

quiet_body_loggers()  # before any client is made: discord.py's DEBUG holds whole bodies
