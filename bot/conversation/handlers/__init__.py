"""One module per part of the conversation; each handler takes a `Turn` and a command."""
