"""Entities, mentions, dates, quotes and entity corrections in the store."""

from __future__ import annotations


class EntitiesMixin:
    """Store methods for analysis results and canonical entities."""
