"""Analysis commands: analyse text, list and show entities, correct them, re-analyse."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from typing import Any

import click

from reader.cli.common import CONTEXT_SETTINGS, echo_json, fail, store_from
from reader.errors import ReaderError
from reader.sanitize import safe_line

ENTITY_TYPES = ["PERSON", "ORG", "PLACE", "NORP"]


def _configure(ctx: click.Context) -> None:
    """Apply the user's extractor choice from the config file."""
    from reader.analysis import configure
    from reader.config import load_config
    from reader.paths import resolve_paths

    root = ctx.find_root()
    home = (root.obj or {}).get("home")
    try:
        config = load_config(resolve_paths(home))
        configure(config.extractor, config.spacy_model)
    except ReaderError as exc:
        fail(str(exc))


def _parse_date(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        fail(f"--published: {value!r} is not a date (use YYYY-MM-DD or YYYY-MM-DDTHH:MM)")
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


@click.command("analyse", context_settings=CONTEXT_SETTINGS)
@click.argument("file", type=click.File("r", encoding="utf-8", errors="replace"))
@click.option("--json", "as_json", is_flag=True, help="Print entities, dates and quotes as JSON.")
@click.option("--published", metavar="DATE", help="Reference date for relative dates (YYYY-MM-DD).")
@click.pass_context
def analyse_command(ctx: click.Context, file: Any, as_json: bool, published: str | None) -> None:
    """Find entities, dates and quotes in plain text (FILE, or - for stdin).

    The text is analysed as given: not cleaned, not stored. Offsets in --json output
    are code points into the input as read. Without --published, relative dates
    resolve against today and are marked approximate.

    \b
    Example:
      echo 'Lavrov said on Thursday that ties were "strategic".' | reader analyse - --json
    """
    from reader.analysis import analyse

    _configure(ctx)
    text = file.read()
    try:
        if published:
            result = analyse(text, _parse_date(published))
        else:
            result = analyse(text, None, reference=datetime.now(UTC))
    except ReaderError as exc:
        fail(str(exc))
    entities = [
        {
            "text": m.text,
            "type": m.type,
            "start": m.start,
            "end": m.end,
            "entity": m.key,
            "name": m.name,
        }
        | ({"metonym_for": m.metonym_for} if m.metonym_for else {})
        for m in (*result.entities, *result.nationalities)
    ]
    entities.sort(key=lambda item: item["start"])
    dates = [
        {
            "text": d.text,
            "start": d.start,
            "end": d.end,
            "value": d.value,
            "kind": d.kind,
            "approx": d.approx,
        }
        | ({"vague": True} if d.vague else {})
        | ({"mod": d.mod} if d.mod else {})
        for d in result.dates
    ]
    quotes = [
        {
            "text": q.text,
            "start": q.start,
            "end": q.end,
            "partial": q.partial,
            "speaker": q.speaker_key,
            "speaker_text": q.speaker,
        }
        for q in result.quotes
    ]
    if as_json:
        echo_json({"entities": entities, "dates": dates, "quotes": quotes})
        return
    for item in entities:
        click.echo(
            f"{item['type']:<7} {item['start']:>6}-{item['end']:<6} {safe_line(item['text'])}"
        )
    for item in dates:
        span = f"{item['start']:>6}-{item['end']:<6}"
        click.echo(f"{'DATE':<7} {span} {safe_line(item['text'])} = {item['value']}")
    for item in quotes:
        who = safe_line(item["speaker_text"] or "?")
        span = f"{item['start']:>6}-{item['end']:<6}"
        click.echo(f"{'QUOTE':<7} {span} {who}: {safe_line(item['text'][:60])}")


@click.command("entities", context_settings=CONTEXT_SETTINGS)
@click.option(
    "--type", "kind", type=click.Choice(ENTITY_TYPES, case_sensitive=False), help="Only this type."
)
@click.option("--search", "query", help="Only entities whose name or alias contains this.")
@click.option("--limit", type=int, default=None, help="At most this many.")
@click.option("--ignored", is_flag=True, help="Include entities marked as ignored.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def entities_command(
    ctx: click.Context,
    kind: str | None,
    query: str | None,
    limit: int | None,
    ignored: bool,
    as_json: bool,
) -> None:
    """List canonical entities with their mention and article counts.

    \b
    Example:
      reader entities --type PERSON --limit 20
    """
    store = store_from(ctx)
    found = store.list_entities(type=kind, query=query, limit=limit, include_ignored=ignored)
    if as_json:
        echo_json([_entity_json(e) for e in found])
        return
    for e in found:
        flag = " (ignored)" if e.ignored else ""
        click.echo(
            f"{e.type:<7} {e.mention_count:>5} mentions {e.article_count:>4} articles  "
            f"{safe_line(e.name)} [{safe_line(e.key)}]{flag}"
        )


def _entity_json(e: Any) -> dict[str, Any]:
    return {
        "id": e.id,
        "key": e.key,
        "name": e.name,
        "type": e.type,
        "aliases": list(e.aliases),
        "ignored": e.ignored,
        "mentions": e.mention_count,
        "articles": e.article_count,
    }


@click.command("entity", context_settings=CONTEXT_SETTINGS)
@click.argument("name")
@click.option(
    "--json", "as_json", is_flag=True, help="Print aliases, mentions and articles as JSON."
)
@click.pass_context
def entity_command(ctx: click.Context, name: str, as_json: bool) -> None:
    """Show one entity (by key, name or alias): aliases, mentions, articles, related entities.

    \b
    Example:
      reader entity "Sergey Lavrov" --json
    """
    store = store_from(ctx)
    try:
        entity = store.get_entity(name)
    except ReaderError as exc:
        fail(str(exc))
    mentions = store.entity_mentions(entity.id)
    articles = store.entity_articles(entity.id)
    related = store.cooccurring_entities(entity.id)
    if as_json:
        data = _entity_json(entity)
        data["mention_list"] = [
            {
                "article_id": m.article_id,
                "title": m.article_title,
                "published": m.published.isoformat() if m.published else None,
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "context": f"{m.context_before}[{m.text}]{m.context_after}",
            }
            for m in mentions
        ]
        data["article_list"] = [
            {
                "id": a.id,
                "title": a.title,
                "published": a.published.isoformat() if a.published else None,
            }
            for a in articles
        ]
        data["cooccurring"] = [{"key": e.key, "name": e.name, "articles": n} for e, n in related]
        echo_json(data)
        return
    click.echo(f"{safe_line(entity.name)} [{safe_line(entity.key)}] {entity.type}")
    click.echo(f"aliases: {', '.join(safe_line(a) for a in entity.aliases)}")
    click.echo(f"{entity.mention_count} mentions in {entity.article_count} articles")
    for a in articles:
        click.echo(f"  #{a.id} {safe_line(a.title)}")
    if related:
        click.echo("often with: " + ", ".join(f"{safe_line(e.name)} ({n})" for e, n in related))


def _correction(ctx: click.Context, action: Any, *args: Any) -> None:
    store = store_from(ctx)
    try:
        entity = action(store, *args)
    except ReaderError as exc:
        fail(str(exc))
    click.echo(
        f"{safe_line(entity.name)} [{safe_line(entity.key)}] {entity.type}: "
        f"{safe_line(', '.join(entity.aliases))}"
    )


@click.command("merge", context_settings=CONTEXT_SETTINGS)
@click.argument("keep")
@click.argument("absorb")
@click.pass_context
def merge_command(ctx: click.Context, keep: str, absorb: str) -> None:
    """Merge entity ABSORB into KEEP (for aliases no algorithm can guess).

    \b
    Example:
      reader merge ahmed_al_sharaa "Abu Mohammad al-Jolani"
    """
    from reader.analysis.corrections import merge_entities

    _correction(ctx, merge_entities, keep, absorb)


@click.command("rename", context_settings=CONTEXT_SETTINGS)
@click.argument("entity")
@click.argument("new_name")
@click.pass_context
def rename_command(ctx: click.Context, entity: str, new_name: str) -> None:
    """Give ENTITY a new preferred name (its key stays the same).

    \b
    Example:
      reader rename hts "Hayat Tahrir al-Sham"
    """
    from reader.analysis.corrections import rename_entity

    _correction(ctx, rename_entity, entity, new_name)


@click.command("split-alias", context_settings=CONTEXT_SETTINGS)
@click.argument("entity")
@click.argument("alias")
@click.pass_context
def split_alias_command(ctx: click.Context, entity: str, alias: str) -> None:
    """Detach a wrong ALIAS from ENTITY; its mentions are linked afresh.

    \b
    Example:
      reader split-alias bashar_al_assad "Maher al-Assad"
    """
    from reader.analysis.corrections import split_alias

    _correction(ctx, split_alias, entity, alias)


@click.command("set-type", context_settings=CONTEXT_SETTINGS)
@click.argument("entity")
@click.argument("type", type=click.Choice(ENTITY_TYPES, case_sensitive=False))
@click.pass_context
def set_type_command(ctx: click.Context, entity: str, type: str) -> None:
    """Change the type of ENTITY (PERSON, ORG, PLACE or NORP).

    \b
    Example:
      reader set-type khmeimim_air_base PLACE
    """
    from reader.analysis.corrections import set_entity_type

    _correction(ctx, set_entity_type, entity, type)


@click.command("ignore", context_settings=CONTEXT_SETTINGS)
@click.argument("entity")
@click.option("--undo", is_flag=True, help="Show the entity again.")
@click.pass_context
def ignore_command(ctx: click.Context, entity: str, undo: bool) -> None:
    """Mark a false ENTITY as ignored: hidden from articles and lists.

    \b
    Example:
      reader ignore military_bases
    """
    from reader.analysis.corrections import ignore_entity

    _correction(ctx, ignore_entity, entity, not undo)


@click.command("add-entity", context_settings=CONTEXT_SETTINGS)
@click.argument("name")
@click.option(
    "--type", "kind", required=True, type=click.Choice(ENTITY_TYPES, case_sensitive=False)
)
@click.option("--alias", "aliases", multiple=True, help="Another name for it (repeatable).")
@click.pass_context
def add_entity_command(ctx: click.Context, name: str, kind: str, aliases: tuple[str, ...]) -> None:
    """Add an entity by hand; articles that name it are analysed again.

    \b
    Example:
      reader add-entity "Hayat Tahrir al-Sham" --type ORG --alias HTS
    """
    from reader.analysis.corrections import add_entity

    _correction(ctx, add_entity, name, kind, aliases)


@click.command("reanalyse", context_settings=CONTEXT_SETTINGS)
@click.pass_context
def reanalyse_command(ctx: click.Context) -> None:
    """Run the analysis again on every article (after changing extractor or corrections).

    \b
    Example:
      reader reanalyse
    """
    from reader.analysis import reanalyse

    _configure(ctx)
    store = store_from(ctx)
    total = len(store.article_ids())
    with click.progressbar(length=total, label="Analysing", file=sys.stderr) as bar:
        shown = 0

        def progress(done: int, _total: int) -> None:
            nonlocal shown
            bar.update(done - shown)
            shown = done

        try:
            count = reanalyse(store, progress)
        except ReaderError as exc:
            fail(str(exc))
    click.echo(f"analysed {count} articles")


def register(group: click.Group) -> None:
    """Add the analysis commands to the CLI group."""
    for command in (
        analyse_command,
        entities_command,
        entity_command,
        merge_command,
        rename_command,
        split_alias_command,
        set_type_command,
        ignore_command,
        add_entity_command,
        reanalyse_command,
    ):
        group.add_command(command)
