"""Completion of the last tag in a comma-separated tag list, from the store's tags."""

from __future__ import annotations

from collections.abc import Iterable

from textual.suggester import Suggester


def split_tags(text: str) -> tuple[str, ...]:
    """``"a, b ,, c"`` -> ``("a", "b", "c")``: trimmed, empty ones and repeats dropped."""
    seen: dict[str, None] = {}
    for part in text.split(","):
        tag = " ".join(part.split())
        if tag and tag.lower() not in {key.lower() for key in seen}:
            seen[tag] = None
    return tuple(seen)


class TagSuggester(Suggester):
    """Suggest an existing tag for the word after the last comma."""

    def __init__(self, tags: Iterable[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.tags = sorted(set(tags), key=str.lower)

    async def get_suggestion(self, value: str) -> str | None:
        head, comma, last = value.rpartition(",")
        stem = last.lstrip()
        if not stem:
            return None
        lowered = stem.lower()
        for tag in self.tags:
            if tag.lower().startswith(lowered) and tag != stem:
                prefix = head + comma + last[: len(last) - len(stem)]
                return prefix + tag
        return None
