"""Commands that look after the store itself: backup and integrity check."""

from __future__ import annotations

from pathlib import Path

import click

from reader.cli.common import CONTEXT_SETTINGS, echo_json, fail, store_from
from reader.errors import ReaderError


@click.command("backup", context_settings=CONTEXT_SETTINGS)
@click.argument("dest", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def backup_command(ctx: click.Context, dest: Path) -> None:
    """Write a consistent copy of the store to DEST, even while the app is running.

    \b
    Example:
      reader backup ~/backups/reader-2025-01-01.db
    """
    store = store_from(ctx)
    try:
        target = store.backup(dest)
    except (ReaderError, OSError) as exc:
        fail(f"{dest}: cannot write the backup ({exc})")
    click.echo(f"backup written to {target}")


@click.command("check", context_settings=CONTEXT_SETTINGS)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def check_command(ctx: click.Context, as_json: bool) -> None:
    """Check the store's integrity and report orphaned rows; exit 1 if anything is wrong."""
    store = store_from(ctx)
    problems = store.integrity_problems()
    counts = store.table_counts()
    if as_json:
        echo_json({"ok": not problems, "problems": problems, "rows": counts})
    else:
        click.echo(", ".join(f"{name} {count}" for name, count in counts.items()))
        for problem in problems:
            click.echo(problem)
        click.echo("store ok" if not problems else f"{len(problems)} problem(s) found")
    if problems:
        ctx.exit(1)


def register(group: click.Group) -> None:
    """Add the maintenance commands to the main command group."""
    group.add_command(backup_command)
    group.add_command(check_command)
