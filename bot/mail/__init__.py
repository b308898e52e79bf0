"""Mail the person sends or forwards to their private address, read and proposed back.

`address` makes and recognises addresses, `reading` turns raw MIME into plain text,
`loops` spots auto-replies, `matching` finds the interview, `intake` ties them together.
Nothing here keeps a message: it is read, a proposal is stored, and the body is gone.
"""
