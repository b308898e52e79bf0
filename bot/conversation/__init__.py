"""The conversation: typed commands dispatched to handlers, open questions as typed flows."""
