"""User settings, loaded from ``config.toml`` in the config dir."""

from __future__ import annotations

import os
import tomllib
from dataclasses import asdict, dataclass, fields
from typing import Any

from reader.errors import ConfigError
from reader.paths import Paths


@dataclass(frozen=True, slots=True)
class Config:
    """Settings a user may change; every field has a sensible default."""

    theme: str = "reader-dark"
    """Name of the TUI theme (built-in or a file in the config dir's themes/)."""
    extractor: str = "builtin"
    """Entity extractor: ``builtin`` (no model needed) or ``spacy`` (needs the [spacy] extra)."""
    spacy_model: str = "en_core_web_sm"
    """spaCy model package used when ``extractor = "spacy"``."""
    reading_width: int = 80
    """Maximum width of the article text in the reading pane, in cells."""
    show_nationalities: bool = False
    """Highlight nationalities (NORP) as well as people, organisations and places."""


def load_config(paths: Paths) -> Config:
    """The config file's settings over the defaults; unknown keys are ignored."""
    try:
        raw = paths.config_file.read_bytes()
    except FileNotFoundError:
        return Config()
    except OSError as exc:
        raise ConfigError(f"{paths.config_file}: cannot read ({exc.strerror})") from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{paths.config_file}: not valid TOML ({exc})") from exc
    known = {f.name: f.type for f in fields(Config)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            continue
        expected = type(getattr(Config(), key))
        if not isinstance(value, expected):
            raise ConfigError(
                f"{paths.config_file}: {key} must be {expected.__name__}, not {value!r}"
            )
        values[key] = value
    return Config(**values)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def save_config(paths: Paths, config: Config) -> None:
    """Write the settings atomically, readable by the owner only."""
    paths.ensure()
    lines = [f"{key} = {_toml_value(value)}" for key, value in asdict(config).items()]
    tmp = paths.config_file.with_name(paths.config_file.name + ".tmp")
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    os.replace(tmp, paths.config_file)
