"""The terminal app `kexie` (Textual): a conversation with the disclosures.

`run()` opens it (the `kexie` command with no subcommand); `KexieApp` takes an Assistant or
an index path, so tests and scripts can give it theirs.
"""
from .app import KexieApp, run

__all__ = ["KexieApp", "run"]
