"""The terminal chat: no account needed, a simulated clock, and a club channel to try."""
