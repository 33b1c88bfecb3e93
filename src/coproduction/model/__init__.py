"""The data: frozen attrs classes for every document and its parts (imports attrs and errors only)."""
