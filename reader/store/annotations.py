"""Annotations, tags and links in the store."""

from __future__ import annotations


class AnnotationsMixin:
    """Store methods for the user's annotations, tags, notes and links."""
