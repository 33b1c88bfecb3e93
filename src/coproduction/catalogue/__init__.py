"""The built-in frameworks, ladders and glossary, and loading a council's own."""

from coproduction.catalogue._catalogue import Catalogue, default_catalogue, load_item

__all__ = ["Catalogue", "default_catalogue", "load_item"]
