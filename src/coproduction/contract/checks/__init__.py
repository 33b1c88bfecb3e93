"""Cross-checks: what a document kind's schema cannot express, one module per kind."""

__all__: list[str] = []
