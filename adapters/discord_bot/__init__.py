"""Discord: the discord.py client, slash commands, views and modals, paced sending."""
