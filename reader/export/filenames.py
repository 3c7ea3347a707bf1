"""Safe, stable, readable file names inside an export folder, and atomic writes there.

Names come from untrusted titles, so a name is reduced to a slug of letters, digits
and dashes: no separators, no dots, no leading dash, never a name Windows reserves,
bounded in length. Names are unique case-insensitively (exports land on
case-insensitive file systems too). Nothing is ever written through a symlink, and a
file appears complete or not at all (temporary file + ``os.replace``).
"""

from __future__ import annotations

import os
import re
import secrets
import stat
import unicodedata
from pathlib import Path

from reader.errors import ExportError

MAX_STEM_CHARS = 80
"""Readable and well under every file system's limit."""
MAX_STEM_BYTES = 180
"""UTF-8 bytes; leaves room for a ``-NN`` suffix and the extension within 255 bytes."""

WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul", "conin$", "conout$"]
    + [f"{dev}{n}" for dev in ("com", "lpt") for n in [*"0123456789", "¹", "²", "³"]]
)

_NOT_WORD = re.compile(r"[\W_]+")
_APOSTROPHES = re.compile(r"(?<=\w)['\u2019\u02bc](?=\w)")


def slugify(text: str, *, max_chars: int = MAX_STEM_CHARS) -> str:
    """Lower-case words joined by dashes; letters of every script are kept.

    >>> slugify("Russia's 'long-term' ties: Syria / Tartus")
    'russias-long-term-ties-syria-tartus'
    >>> slugify("../../etc/passwd")
    'etc-passwd'
    """
    text = unicodedata.normalize("NFKC", text).lower()
    text = _APOSTROPHES.sub("", text)
    slug = _NOT_WORD.sub("-", text).strip("-")
    slug = unicodedata.normalize("NFC", slug)
    if len(slug) > max_chars:
        cut = slug[:max_chars]
        slug = cut.rsplit("-", 1)[0] if "-" in cut[max_chars // 2 :] else cut
    while len(slug.encode("utf-8")) > MAX_STEM_BYTES:
        slug = slug[:-1]
    return slug.strip("-")


def safe_stem(text: str, fallback: str) -> str:
    """A file stem for ``text`` that is safe on every platform (``fallback`` if none is left)."""
    stem = slugify(text) or slugify(fallback) or "untitled"
    if stem.split(".")[0] in WINDOWS_RESERVED:
        stem += "-file"
    return stem


class ExportFolder:
    """The export folder: which names are taken, by whom, and safe writes into it.

    A Markdown file names its owner in its generated region's begin marker; a name
    held by anything else (a user's file, a folder, a symlink) is never reused.
    """

    def __init__(self, out_dir: str | os.PathLike[str], owner_pattern: re.Pattern[str]) -> None:
        path = Path(out_dir)
        try:
            path.mkdir(parents=True, exist_ok=True)
            self.root = path.resolve(strict=True)
        except OSError as exc:
            raise ExportError(f"{path}: cannot create the export folder ({exc.strerror})") from exc
        if not self.root.is_dir():
            raise ExportError(f"{path}: not a folder")
        self._owner_pattern = owner_pattern
        self.owner_of: dict[str, str | None] = {}
        """Case-folded name -> owner key found in it (None: not ours)."""
        self.name_of_owner: dict[str, str] = {}
        self._allocated: set[str] = set()
        self._scan()

    def _scan(self) -> None:
        with os.scandir(self.root) as entries:
            for entry in entries:
                folded = entry.name.casefold()
                owner = None
                if entry.name.endswith(".md") and entry.is_file(follow_symlinks=False):
                    owner = self._owner_in(Path(entry.path))
                self.owner_of[folded] = owner
                if owner is not None and owner not in self.name_of_owner:
                    self.name_of_owner[owner] = entry.name

    def _owner_in(self, path: Path) -> str | None:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
        match = self._owner_pattern.search(text)
        return match[1] if match else None

    def allocate(self, owner: str, stem: str, suffix: str = ".md") -> str:
        """The file name for ``owner``: the one it already has here, else a free one."""
        existing = self.name_of_owner.get(owner)
        if existing is not None and existing.casefold() not in self._allocated:
            self._allocated.add(existing.casefold())
            return existing
        for n in range(1, 100_000):
            name = f"{stem}{'' if n == 1 else f'-{n}'}{suffix}"
            folded = name.casefold()
            if folded in self._allocated or folded in self.owner_of:
                continue
            self._allocated.add(folded)
            self.name_of_owner[owner] = name
            return name
        raise ExportError(f"{self.root}: no free file name for {stem}")

    def path(self, name: str) -> Path:
        """``root / name``, refusing any name that is not one plain entry of the folder."""
        if not name or name in {".", ".."} or "/" in name or "\\" in name or "\0" in name:
            raise ExportError(f"{self.root}: unsafe file name {name!r}")
        path = self.root / name
        if path.parent != self.root:
            raise ExportError(f"{self.root}: unsafe file name {name!r}")
        return path

    def read_own(self, name: str) -> str | None:
        """The current text of one of our files, or None (missing, or not a plain file)."""
        path = self.path(name)
        try:
            info = path.lstat()
        except FileNotFoundError:
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        return path.read_text(encoding="utf-8", errors="replace")

    def write(self, name: str, text: str) -> Path:
        """Write ``text`` to ``name`` atomically; a symlink there is replaced, not followed."""
        path = self.path(name)
        mode = None
        try:
            info = path.lstat()
            if stat.S_ISREG(info.st_mode):
                mode = stat.S_IMODE(info.st_mode)
            elif stat.S_ISDIR(info.st_mode):
                raise ExportError(f"{path}: is a folder")
        except FileNotFoundError:
            pass
        tmp = self.root / f".{name}.{secrets.token_hex(6)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            with os.fdopen(fd, "wb") as handle:
                handle.write(text.encode("utf-8"))
                if mode is not None:
                    os.fchmod(handle.fileno(), mode)
            os.replace(tmp, path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise ExportError(f"{path}: cannot write ({exc.strerror})") from exc
        return path
