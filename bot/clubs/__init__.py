"""Job-search clubs in a channel: membership, sharing, the weekly digest, posts, reports."""
