"""Export to Markdown from any screen, in a worker, with a notification of the paths."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.dom import DOMNode


def export_in_worker(node: DOMNode, **selection: Any) -> None:
    """Write the chosen article(s), tag or entity as Markdown under the app's export dir."""
    app: Any = node.app

    def run() -> None:
        from reader.export.markdown import export_markdown

        out_dir = app.export_dir
        try:
            written = export_markdown(app.store, out_dir, **selection)
        except Exception as exc:  # shown to the reader, never raised
            app.call_from_thread(
                app.notify, f"Export failed: {exc}", severity="error", markup=False
            )
            return
        if not written:
            message = "Nothing to export"
        elif len(written) == 1:
            message = f"Exported to {written[0]}"
        else:
            message = f"Exported {len(written)} files to {written[0].parent}"
        app.last_export = list(written)
        app.call_from_thread(app.notify, message, title="Export", timeout=6, markup=False)

    node.run_worker(run, thread=True, group="export", exit_on_error=False)
