"""One reader per kind of news people write; `READERS` in the package above orders them."""
