"""Optional entity extractors that need extra packages."""
