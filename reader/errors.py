"""One exception tree for everything the core raises on purpose."""

from __future__ import annotations


class ReaderError(Exception):
    """Base of every error the core raises deliberately; its message is fit to show a user."""


class StoreError(ReaderError):
    """The store cannot be opened, migrated or written."""


class IngestError(ReaderError):
    """A file cannot be read, decoded or parsed into an article.

    The message names the file and the reason in one line.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class NotFoundError(ReaderError):
    """An article, entity, annotation or tag that was asked for does not exist."""


class AnnotationError(ReaderError):
    """An annotation cannot be made or changed as asked (quote not found, bad selector…)."""


class ExportError(ReaderError):
    """An export cannot be written as asked."""


class ConfigError(ReaderError):
    """The configuration file is malformed."""
