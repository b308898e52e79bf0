"""The protocols the core needs and others implement: the repository, senders, the clock."""
