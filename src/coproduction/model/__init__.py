"""The data: frozen attrs classes for every document and its parts (imports attrs and errors only)."""

__all__: list[str] = []
