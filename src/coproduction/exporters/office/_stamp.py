"""The template stamp: which framework text a template was made from, and its fingerprint.

Each plugin decides where it keeps the stamp (Word: custom document
properties and a printed line; Excel: a hidden sheet and defined names); what
the stamp holds and how the fingerprint is computed are the same for both.
"""

from __future__ import annotations

import hashlib

import attrs

from coproduction.contract.serialization import dumps
from coproduction.model.framework import Framework
from coproduction.model.ladder import Ladder

__all__ = ["FINGERPRINT_LENGTH", "TemplateStamp", "fingerprint"]

FINGERPRINT_LENGTH = 16
"""Hexadecimal digits kept of the SHA-256."""


def fingerprint(framework: Framework | Ladder) -> str:
    """A short fingerprint of a framework's (or a ladder's) exact text.

    Two frameworks with the same id and version but different text (an edited
    copy) have different fingerprints, so a template is only read back against
    the framework it was made from; the same holds for a ladder (a council's
    own ladder edited since its template was sent out).

    Args:
        framework: The framework, or the ladder of a ladder assessment template.

    Returns:
        The first 16 hexadecimal digits of the SHA-256 of its canonical JSON.
    """
    return hashlib.sha256(dumps(framework).encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


@attrs.frozen
class TemplateStamp:
    """What a template carries to be read back against the right framework text.

    Attributes:
        kind: What the file is, such as ``coproduction-audit-template``.
        layout_version: The plugin's layout version the template was made in.
        framework: The framework id (a ladder assessment template: the ladder id).
        framework_version: The framework version (a ladder has none: empty).
        fingerprint: :func:`fingerprint` of the framework (or ladder) it was made from.
    """

    kind: str
    layout_version: str
    framework: str
    framework_version: str
    fingerprint: str

    @classmethod
    def of(cls, framework: Framework | Ladder, *, kind: str, layout_version: str) -> TemplateStamp:
        """The stamp of a template made now from ``framework`` (or from a ladder)."""
        return cls(kind, layout_version, framework.id, _version(framework), fingerprint(framework))

    def matches(self, framework: Framework | Ladder) -> bool:
        """Say whether ``framework`` (or a ladder) is the very text this template was made from."""
        return (self.framework, self.framework_version, self.fingerprint) == (
            framework.id,
            _version(framework),
            fingerprint(framework),
        )


def _version(document: Framework | Ladder) -> str:
    return document.version if isinstance(document, Framework) else ""
