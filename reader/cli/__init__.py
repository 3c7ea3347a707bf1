"""reader: a terminal news reader for people who study the news.

Run without a command to open the reading room (the TUI); on a fresh store the
bundled articles are imported first.

\b
Examples:
  reader                         open the reading room
  reader import ~/clips          import a folder of pages, dumps and feeds
  reader search "naval base"     full-text search
  reader show 3 --json           one article, cleaned, with its entities and dates
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from reader import __version__
from reader.api import format_published
from reader.app_context import open_store
from reader.cli import analysis_cmds, annotation_cmds, maintenance_cmds
from reader.cli.common import CONTEXT_SETTINGS, apply_config, echo_json, fail, store_from
from reader.errors import ReaderError
from reader.importer import DEFAULT_TIME_LIMIT, import_paths
from reader.models import ImportOutcome
from reader.paths import resolve_paths
from reader.query import parse_filter
from reader.sanitize import safe_line, safe_text

PROGRESS_THRESHOLD = 3


@click.group(invoke_without_command=True, context_settings=CONTEXT_SETTINGS, help=__doc__)
@click.option(
    "--home",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="READER_HOME",
    help="Folder for the store and config (default: the platform's user dirs; env READER_HOME).",
)
@click.version_option(__version__, prog_name="reader")
@click.pass_context
def cli(ctx: click.Context, home: Path | None) -> None:
    ctx.ensure_object(dict)
    ctx.obj["home"] = home
    if ctx.invoked_subcommand is None:
        _open_reading_room(home)


def _open_reading_room(home: Path | None) -> None:
    from reader.config import load_config
    from reader.importer import ensure_seeded

    paths = resolve_paths(home)
    try:
        store = open_store(paths=paths)
        config = load_config(paths)
        apply_config(config)
        ensure_seeded(store)
    except ReaderError as exc:
        fail(str(exc))
    from reader.tui import run

    run(store, paths, config)


@cli.command("import", context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per outcome.")
@click.option("--no-analysis", is_flag=True, help="Store the articles without finding entities.")
@click.option(
    "--time-limit",
    type=float,
    default=DEFAULT_TIME_LIMIT,
    show_default=True,
    help="Seconds a file may take to parse, or an article to analyse, before it is skipped "
    "(0: no limit).",
)
@click.pass_context
def import_command(
    ctx: click.Context,
    paths: tuple[Path, ...],
    as_json: bool,
    no_analysis: bool,
    time_limit: float,
) -> None:
    """Import page dumps (.txt), HTML, Markdown and RSS/Atom files or folders.

    Folders are read recursively. Re-importing a file updates its article in place;
    a file that cannot be read, or takes longer than --time-limit, is reported and the
    rest still import.

    \b
    Example:
      reader import ~/clips/syria/ saved-page.html feed.xml
    """
    store = store_from(ctx)
    bar: Any = None
    shown = 0

    def progress(done: int, total: int, outcome: ImportOutcome) -> None:
        nonlocal bar, shown
        if outcome.status == "failed" and not as_json:
            click.echo(f"error: {safe_line(outcome.error or outcome.source)}", err=True)
        if total <= PROGRESS_THRESHOLD or as_json:
            return
        if bar is None:
            bar = click.progressbar(length=total, label="Importing", file=sys.stderr)
            bar.__enter__()
        bar.update(done - shown)
        shown = done

    try:
        report = import_paths(
            store, paths, analyse=not no_analysis, progress=progress, limit=time_limit
        )
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    if as_json:
        echo_json(
            {
                "outcomes": [_outcome(o) for o in report],
                "summary": _summary(report),
            }
        )
    else:
        for outcome in report:
            if outcome.status == "updated":
                click.echo(f"updated #{outcome.article_id}: {safe_line(outcome.title or '')}")
        counts = _summary(report)
        click.echo(", ".join(f"{key} {value}" for key, value in counts.items()))
    if report.failed:
        sys.exit(1)


def _outcome(outcome: ImportOutcome) -> dict[str, Any]:
    return {
        "source": outcome.source,
        "status": outcome.status,
        "id": outcome.article_id,
        "title": outcome.title,
        "error": outcome.error,
    }


def _summary(report: Any) -> dict[str, int]:
    return {s: report.count(s) for s in ("imported", "updated", "unchanged", "failed")}


@cli.command("list", context_settings=CONTEXT_SETTINGS)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@click.option(
    "--sort",
    type=click.Choice(["published", "source", "title", "imported"]),
    default="published",
    show_default=True,
)
@click.option("--asc", is_flag=True, help="Ascending order (default: newest first).")
@click.option("--filter", "filter_line", default="", help='Filter, e.g. "tag:syria is:unread".')
@click.option("--limit", type=int, default=None, help="At most this many articles.")
@click.pass_context
def list_command(
    ctx: click.Context, as_json: bool, sort: str, asc: bool, filter_line: str, limit: int | None
) -> None:
    """List the articles in the store.

    \b
    Example:
      reader list --filter 'source:RT after:2024-12-01' --sort title --asc
    """
    store = store_from(ctx)
    try:
        rows = store.list_articles(
            parse_filter(filter_line), sort=sort, descending=not asc, limit=limit
        )
    except ReaderError as exc:
        fail(str(exc))
    if as_json:
        echo_json(
            [
                {
                    "id": r.id,
                    "title": r.title,
                    "published": format_published(r.published, True),
                    "byline": r.byline,
                    "source": r.source,
                    "path": r.path or r.url or r.source_key,
                    "url": r.url,
                    "words": r.word_count,
                    "reading_minutes": r.reading_minutes,
                    "read": r.read,
                    "starred": r.starred,
                    "annotations": r.annotation_count,
                }
                for r in rows
            ]
        )
        return
    for r in rows:
        date = r.published.date().isoformat() if r.published else "----------"
        marks = ("*" if r.starred else " ") + (" " if r.read else "•")
        source = safe_line(r.source or "")[:16]
        click.echo(f"{r.id:>5} {marks} {date}  {source:<16}  {safe_line(r.title)}")


@cli.command("show", context_settings=CONTEXT_SETTINGS)
@click.argument("article_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print the article as JSON, with analysis.")
@click.pass_context
def show_command(ctx: click.Context, article_id: int, as_json: bool) -> None:
    """Print one article: metadata and clean text (with --json, entities and dates too).

    \b
    Example:
      reader show 2 --json | jq '.entities[] | .text'
    """
    from reader.api import article_dict

    store = store_from(ctx)
    try:
        if as_json:
            echo_json(article_dict(store, article_id))
            return
        article = store.get_article(article_id)
    except ReaderError as exc:
        fail(str(exc))
    click.echo(safe_line(article.title))
    meta = [
        format_published(article.published, article.published_has_time),
        article.byline,
        article.source,
        f"{article.word_count} words",
    ]
    click.echo(" · ".join(safe_line(m) for m in meta if m))
    click.echo(safe_line(article.url or article.path or article.source_key))
    click.echo()
    click.echo(safe_text(article.clean_text))


@cli.command("search", context_settings=CONTEXT_SETTINGS)
@click.argument("query", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@click.option("--limit", type=int, default=20, show_default=True)
@click.pass_context
def search_command(ctx: click.Context, query: tuple[str, ...], as_json: bool, limit: int) -> None:
    """Full-text search of articles, quotes and notes, best match first.

    \b
    Example:
      reader search naval bases
      reader search '"transitional justice"'
    """
    store = store_from(ctx)
    hits = store.search(" ".join(query), limit=limit)
    if as_json:
        echo_json(
            [
                {
                    "id": h.article_id,
                    "title": h.title,
                    "kind": h.kind,
                    "annotation_id": h.annotation_id,
                    "snippet": h.snippet,
                    "highlights": [list(span) for span in h.highlights],
                    "score": h.score,
                }
                for h in hits
            ]
        )
        return
    for hit in hits:
        label = f"#{hit.article_id}" + (f" (note {hit.annotation_id})" if hit.annotation_id else "")
        click.echo(f"{label}  {safe_line(hit.title)}")
        click.echo(f"    {_emphasise(safe_line(hit.snippet), hit.highlights)}")
    if not hits:
        click.echo("no matches", err=True)


def _emphasise(snippet: str, spans: tuple[tuple[int, int], ...]) -> str:
    out, last = [], 0
    for start, end in spans:
        out.append(snippet[last:start])
        out.append(click.style(snippet[start:end], bold=True))
        last = end
    out.append(snippet[last:])
    return "".join(out)


@cli.command("paths", context_settings=CONTEXT_SETTINGS)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def paths_command(ctx: click.Context, as_json: bool) -> None:
    """Show where the store, the config and user themes live."""
    paths = resolve_paths(ctx.obj["home"])
    info = {
        "store": str(paths.store),
        "config": str(paths.config_file),
        "themes": str(paths.themes_dir),
        "data_dir": str(paths.data_dir),
        "config_dir": str(paths.config_dir),
    }
    if as_json:
        echo_json(info)
    else:
        for key, value in info.items():
            click.echo(f"{key:<10} {value}")


@cli.command("clean", context_settings=CONTEXT_SETTINGS)
@click.argument("file", type=click.Path(path_type=Path, allow_dash=True))
@click.option("--json", "as_json", is_flag=True, help="Print title, metadata and body as JSON.")
@click.option("--explain", is_flag=True, help="Also print every dropped line and the rule.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "html", "markdown", "feed"]),
    default=None,
    help="Input format (default: from the file name, else sniffed).",
)
def clean_command(file: Path, as_json: bool, explain: bool, fmt: str | None) -> None:
    """Print the cleaned article of one file without storing it ('-' reads stdin).

    \b
    Example:
      reader clean page.txt --explain
      curl -s https://example.org/story | reader clean - --format html
    """
    from reader import ingest

    try:
        if str(file) == "-":
            articles = ingest.parse_bytes(sys.stdin.buffer.read(), name="<stdin>", fmt=fmt)
        else:
            articles = ingest.parse_file(file)
    except ReaderError as exc:
        fail(str(exc))
    if as_json:
        from reader.api import parsed_dict

        items = [parsed_dict(a, explain=explain) for a in articles]
        echo_json(items[0] if len(items) == 1 else items)
        return
    for index, article in enumerate(articles):
        if index:
            click.echo("\n" + "-" * 40 + "\n")
        click.echo(safe_line(article.title))
        click.echo()
        click.echo("\n\n".join(safe_line(p) for p in article.body))
        if explain:
            click.echo()
            for dropped in article.dropped:
                click.echo(
                    f"dropped line {dropped.line_no + 1} [{dropped.rule}]: "
                    f"{safe_line(dropped.text)}",
                    err=True,
                )


analysis_cmds.register(cli)
annotation_cmds.register(cli)
maintenance_cmds.register(cli)


def main() -> None:
    """Console entry point."""
    try:
        cli(obj={})
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)


__all__ = ["cli", "main"]
