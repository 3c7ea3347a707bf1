"""Writers of the user's work: Markdown notes per article and W3C Web Annotation JSON-LD."""

from reader.export.jsonld import export_json, import_annotations
from reader.export.markdown import export_markdown

__all__ = ["export_json", "export_markdown", "import_annotations"]
