"""Settings file and the folders the app uses."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from reader.config import Config, load_config, save_config
from reader.errors import ConfigError
from reader.paths import bundled_dir, resolve_paths


def test_home_env_moves_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_HOME", str(tmp_path / "h"))
    paths = resolve_paths()
    assert paths.store == (tmp_path / "h" / "reader.db").resolve()
    assert paths.config_file.parent == (tmp_path / "h").resolve()


def test_explicit_home_beats_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_HOME", str(tmp_path / "env"))
    assert resolve_paths(tmp_path / "arg").data_dir == (tmp_path / "arg").resolve()


def test_folders_are_private(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "h")
    paths.ensure()
    assert stat.S_IMODE(os.stat(paths.data_dir).st_mode) == 0o700


def test_config_round_trip_and_private(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path)
    assert load_config(paths) == Config()
    save_config(paths, Config(theme='odd "name"', reading_width=72))
    loaded = load_config(paths)
    assert (loaded.theme, loaded.reading_width) == ('odd "name"', 72)
    assert stat.S_IMODE(os.stat(paths.config_file).st_mode) == 0o600


@pytest.mark.parametrize(
    ("content", "message"),
    [("theme = [", "not valid TOML"), ("reading_width = 'wide'", "reading_width must be int")],
)
def test_bad_config_is_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    paths = resolve_paths(tmp_path)
    paths.ensure()
    paths.config_file.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(paths)


def test_unknown_keys_are_ignored(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path)
    paths.ensure()
    paths.config_file.write_text('future_option = 1\ntheme = "x"\n', encoding="utf-8")
    assert load_config(paths).theme == "x"


def test_bundled_folders_exist() -> None:
    assert len(list(bundled_dir("seeds").glob("*.txt"))) == 5
    assert bundled_dir("themes").is_dir()
