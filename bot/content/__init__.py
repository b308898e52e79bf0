"""What the bot writes: thank-you drafts, call scripts, reminders, tips, calendars, stats."""
