"""The coaching rules as pure functions: the plan, business days, holidays, quiet hours."""
