"""Commands for annotations, tags, notes, links, and export/import of the user's work."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from reader import annotations as core
from reader.cli.common import CONTEXT_SETTINGS, echo_json, fail, json_text, store_from
from reader.errors import ReaderError
from reader.models import Annotation
from reader.sanitize import safe_line

QUOTE_PREVIEW = 70


def annotation_dict(annotation: Annotation) -> dict[str, Any]:
    """An annotation as plain JSON data."""
    return {
        "id": annotation.id,
        "uuid": annotation.uuid,
        "article_id": annotation.article_id,
        "kind": "passage" if annotation.is_passage else "article",
        "exact": annotation.exact,
        "start": annotation.start,
        "end": annotation.end,
        "prefix": annotation.prefix,
        "suffix": annotation.suffix,
        "note": annotation.note,
        "tags": list(annotation.tags),
        "color": annotation.color,
        "status": annotation.status if annotation.is_passage else None,
        "content_hash": annotation.content_hash,
        "created": annotation.created.isoformat(),
        "modified": annotation.modified.isoformat(),
    }


def _preview(text: str, width: int = QUOTE_PREVIEW) -> str:
    line = safe_line(text)
    return line if len(line) <= width else line[: width - 1] + "…"


def _print_annotation(annotation: Annotation) -> None:
    if annotation.is_passage:
        status = "" if annotation.status == "anchored" else f" [{annotation.status}]"
        quote = _preview(annotation.exact or "")
        head = f'#{annotation.id} article {annotation.article_id}{status}: "{quote}"'
    else:
        head = f"#{annotation.id} article {annotation.article_id} (article note/tags)"
    click.echo(head)
    if annotation.tags:
        click.echo("    tags: " + ", ".join(safe_line(t) for t in annotation.tags))
    if annotation.note:
        click.echo("    note: " + _preview(annotation.note, 200))


def _run(func: Any, *args: Any, **kwargs: Any) -> Any:
    """Call the core; a ReaderError becomes one line on stderr and exit status 1."""
    try:
        return func(*args, **kwargs)
    except ReaderError as exc:
        fail(str(exc))


def register(group: click.Group) -> None:
    """Add the annotation, tag, note, link, export and import commands to ``group``."""

    @group.command("annotate", context_settings=CONTEXT_SETTINGS)
    @click.argument("article_id", type=int)
    @click.option("--quote", required=True, help="The exact text of the passage to highlight.")
    @click.option("--occurrence", type=int, default=1, show_default=True, help="Which match.")
    @click.option(
        "--note", default="", help="A note (Markdown; [[Title]] links to articles/entities)."
    )
    @click.option("--tag", "tags", multiple=True, help="A tag (repeatable; nest with '/').")
    @click.option("--color", default="yellow", show_default=True, help="Highlight colour.")
    @click.option("--json", "as_json", is_flag=True, help="Print the annotation as JSON.")
    @click.pass_context
    def annotate_command(
        ctx: click.Context,
        article_id: int,
        quote: str,
        occurrence: int,
        note: str,
        tags: tuple[str, ...],
        color: str,
        as_json: bool,
    ) -> None:
        """Highlight a passage of an article, with an optional note and tags.

        \b
        Example:
          reader annotate 3 --quote "naval base in Tartus" --tag syria/bases --note "see [[Tartus]]"
        """
        store = store_from(ctx)
        annotation = _run(
            core.annotate,
            store,
            article_id,
            quote,
            occurrence=occurrence,
            note=note,
            tags=tags,
            color=color,
        )
        if as_json:
            echo_json(annotation_dict(annotation))
        else:
            click.echo(f"annotation #{annotation.id} at {annotation.start}..{annotation.end}")

    @group.command("annotations", context_settings=CONTEXT_SETTINGS)
    @click.option("--tag", default=None, help="Only with this tag (or a tag nested under it).")
    @click.option("--article", "article_id", type=int, default=None, help="Only of this article.")
    @click.option(
        "--entity", default=None, help="Only passages mentioning, or notes linking to, it."
    )
    @click.option("--search", "text", default=None, help="Only those whose quote or note matches.")
    @click.option(
        "--orphaned", is_flag=True, help="Only passages no longer found in their article."
    )
    @click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
    @click.pass_context
    def annotations_command(
        ctx: click.Context,
        tag: str | None,
        article_id: int | None,
        entity: str | None,
        text: str | None,
        orphaned: bool,
        as_json: bool,
    ) -> None:
        """List annotations (passages and article notes), in text order per article.

        \b
        Example:
          reader annotations --tag syria --orphaned
        """
        store = store_from(ctx)
        rows = _run(
            core.list_annotations,
            store,
            article_id=article_id,
            tag=tag,
            entity=entity,
            text=text,
            orphaned=orphaned,
        )
        if as_json:
            echo_json([annotation_dict(a) for a in rows])
            return
        for annotation in rows:
            _print_annotation(annotation)
        if not rows:
            click.echo("no annotations", err=True)

    @group.command("tag", context_settings=CONTEXT_SETTINGS)
    @click.argument("target_id", type=int)
    @click.argument("tags", nargs=-1, required=True)
    @click.option("--annotation", is_flag=True, help="ID is an annotation, not an article.")
    @click.pass_context
    def tag_command(
        ctx: click.Context, target_id: int, tags: tuple[str, ...], annotation: bool
    ) -> None:
        """Tag an article (or, with --annotation, an annotation).

        \b
        Example:
          reader tag 3 syria/bases russia
        """
        store = store_from(ctx)
        if annotation:
            now = _run(core.tag_annotation, store, target_id, *tags).tags
        else:
            now = _run(core.tag_article, store, target_id, *tags)
        click.echo("tags: " + ", ".join(safe_line(t) for t in now))

    @group.command("untag", context_settings=CONTEXT_SETTINGS)
    @click.argument("target_id", type=int)
    @click.argument("tags", nargs=-1, required=True)
    @click.option("--annotation", is_flag=True, help="ID is an annotation, not an article.")
    @click.pass_context
    def untag_command(
        ctx: click.Context, target_id: int, tags: tuple[str, ...], annotation: bool
    ) -> None:
        """Remove tags from an article (or, with --annotation, an annotation).

        \b
        Example:
          reader untag 3 russia
        """
        store = store_from(ctx)
        if annotation:
            now = _run(core.untag_annotation, store, target_id, *tags).tags
        else:
            now = _run(core.untag_article, store, target_id, *tags)
        click.echo("tags: " + (", ".join(safe_line(t) for t in now) or "(none)"))

    @group.command("tags", context_settings=CONTEXT_SETTINGS)
    @click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
    @click.pass_context
    def tags_command(ctx: click.Context, as_json: bool) -> None:
        """List every tag with the number of annotations carrying it.

        \b
        Example:
          reader tags
        """
        store = store_from(ctx)
        tags = core.list_tags(store)
        if as_json:
            echo_json([{"name": t.name, "count": t.count} for t in tags])
            return
        for tag in tags:
            click.echo(f"{tag.count:>5}  {safe_line(tag.name)}")

    @group.command("tag-rename", context_settings=CONTEXT_SETTINGS)
    @click.argument("old")
    @click.argument("new")
    @click.pass_context
    def tag_rename_command(ctx: click.Context, old: str, new: str) -> None:
        """Rename a tag and its nested tags; renaming into an existing tag merges them.

        \b
        Example:
          reader tag-rename syria levant/syria
        """
        store = store_from(ctx)
        changed = _run(core.rename_tag, store, old, new)
        click.echo(f"{changed} annotation{'s' if changed != 1 else ''} retagged")

    @group.command("note", context_settings=CONTEXT_SETTINGS)
    @click.argument("target_id", type=int)
    @click.argument("text")
    @click.option("--annotation", is_flag=True, help="ID is an annotation, not an article.")
    @click.pass_context
    def note_command(ctx: click.Context, target_id: int, text: str, annotation: bool) -> None:
        """Set the note of an article (or, with --annotation, of an annotation); '' clears it.

        \b
        Example:
          reader note 3 "Compare with [[Tartus]] and [[Russia to seek long-term ties]]"
        """
        store = store_from(ctx)
        if annotation:
            _run(core.update_annotation, store, target_id, note=text)
        else:
            _run(core.set_article_note, store, target_id, text)
        links = core.parse_links(text)
        click.echo(
            "note saved"
            + (f" ({len(links)} link{'s' if len(links) != 1 else ''})" if links else "")
        )

    @group.command("reattach", context_settings=CONTEXT_SETTINGS)
    @click.argument("annotation_id", type=int)
    @click.option("--quote", default=None, help="The passage's text in the article as it is now.")
    @click.option("--occurrence", type=int, default=1, show_default=True)
    @click.option("--start", type=int, default=None, help="Start offset in the clean text.")
    @click.option("--end", type=int, default=None, help="End offset in the clean text.")
    @click.pass_context
    def reattach_command(
        ctx: click.Context,
        annotation_id: int,
        quote: str | None,
        occurrence: int,
        start: int | None,
        end: int | None,
    ) -> None:
        """Attach an annotation (e.g. an orphan) to a passage of its article's current text.

        \b
        Example:
          reader reattach 12 --quote "the naval base at Tartus"
          reader reattach 12 --start 340 --end 372
        """
        store = store_from(ctx)
        if quote is not None:
            annotation = _run(core.reattach_quote, store, annotation_id, quote, occurrence)
        elif start is not None and end is not None:
            annotation = _run(core.reattach, store, annotation_id, start, end)
        else:
            fail("give --quote, or both --start and --end")
        click.echo(f"annotation #{annotation.id} attached at {annotation.start}..{annotation.end}")

    @group.command("links", context_settings=CONTEXT_SETTINGS)
    @click.option(
        "--unresolved", is_flag=True, help="Links that point at nothing known (the default)."
    )
    @click.option("--article", "article_id", type=int, default=None, help="Notes linking here.")
    @click.option("--entity", default=None, help="Notes linking to this entity.")
    @click.pass_context
    def links_command(
        ctx: click.Context, unresolved: bool, article_id: int | None, entity: str | None
    ) -> None:
        """Unresolved [[links]] in notes, or the backlinks of an article or entity.

        \b
        Example:
          reader links --unresolved
          reader links --entity "Sergei Lavrov"
        """
        store = store_from(ctx)
        if article_id is not None:
            for annotation in _run(core.backlinks, store, article_id=article_id):
                _print_annotation(annotation)
        elif entity is not None:
            for entity_id in _run(core.entity_ids_for, store, entity):
                for annotation in _run(core.backlinks, store, entity_id=entity_id):
                    _print_annotation(annotation)
        else:
            for link in core.unresolved_links(store):
                click.echo(f"#{link.annotation_id}: [[{safe_line(link.target)}]]")

    @group.group("export", context_settings=CONTEXT_SETTINGS)
    def export_group() -> None:
        """Export annotations: Markdown notes per article, or W3C Web Annotation JSON-LD."""

    @export_group.command("markdown", context_settings=CONTEXT_SETTINGS)
    @click.option(
        "--article", "article_ids", type=int, multiple=True, help="This article (repeatable)."
    )
    @click.option("--tag", default=None, help="Articles with this tag (or a tag nested under it).")
    @click.option("--entity", default=None, help="Articles mentioning this entity.")
    @click.option(
        "--all", "export_all", is_flag=True, help="Every annotated article (the default)."
    )
    @click.option(
        "--out",
        "out_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=Path("reader-export"),
        show_default=True,
        help="Folder to write into (created if needed).",
    )
    @click.pass_context
    def export_markdown_command(
        ctx: click.Context,
        article_ids: tuple[int, ...],
        tag: str | None,
        entity: str | None,
        export_all: bool,
        out_dir: Path,
    ) -> None:
        """Write one Markdown note per article (front matter, quotes, notes, tags) and an index.

        Re-exporting into the same folder updates only the generated part of each file;
        what you wrote outside it is kept.

        \b
        Example:
          reader export markdown --tag syria --out ~/notes/syria
        """
        from reader.export.markdown import export_markdown

        if export_all and (article_ids or tag or entity):
            fail("--all cannot be combined with --article, --tag or --entity")
        store = store_from(ctx)
        paths = _run(
            export_markdown,
            store,
            out_dir,
            article_ids=list(article_ids) or None,
            tag=tag,
            entity=entity,
        )
        click.echo(f"wrote {len(paths)} file{'s' if len(paths) != 1 else ''} to {out_dir}")

    @export_group.command("json", context_settings=CONTEXT_SETTINGS)
    @click.option(
        "--out",
        "out_file",
        type=click.Path(dir_okay=False, path_type=Path, allow_dash=True),
        default=Path("-"),
        help="File to write (default: standard output).",
    )
    @click.pass_context
    def export_json_command(ctx: click.Context, out_file: Path) -> None:
        """Write all annotations, tags, notes, links and entity corrections as JSON-LD.

        \b
        Example:
          reader export json --out annotations.jsonld
        """
        from reader.export.jsonld import export_json, write_json

        store = store_from(ctx)
        data = _run(export_json, store)
        if str(out_file) == "-":
            sys.stdout.write(json_text(data) + "\n")
            return
        _run(write_json, out_file, data)
        click.echo(f"wrote {data['total']} annotations to {out_file}", err=True)

    @group.command("import-annotations", context_settings=CONTEXT_SETTINGS)
    @click.argument("file", type=click.Path(dir_okay=False, path_type=Path, allow_dash=True))
    @click.pass_context
    def import_annotations_command(ctx: click.Context, file: Path) -> None:
        """Read annotations exported with 'reader export json' (again: nothing is duplicated).

        \b
        Example:
          reader import-annotations annotations.jsonld
        """
        from reader.export.jsonld import import_annotations, read_json

        store = store_from(ctx)
        data = _run(read_json, file)
        count = _run(import_annotations, store, data)
        click.echo(f"imported {count} annotation{'s' if count != 1 else ''}")
