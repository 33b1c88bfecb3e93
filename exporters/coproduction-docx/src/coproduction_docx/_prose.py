"""Plain English in the cycle documents, by the core's plain-English check.

A document is built twice. The first time, every piece of prose is only
recorded, in reading order. :meth:`Prose.settle` then runs the core's check
(:class:`coproduction.plain_english.PlainEnglishChecker`) over all of it at
once, as one document: an acronym the text already spells out, or whose
expansion was written earlier, is not flagged. The second time, the same
pieces come back with the first flagged use of each acronym spelled out
("Education, Health and Care Plan (EHCP)"), and the jargon found is kept for
the document's list of words, with its plain meaning from the glossary.
Long sentences are left as written: they are the author's to shorten.
"""

from __future__ import annotations

import functools

from coproduction import Catalogue, Glossary, PlainEnglishChecker, Rule, UnknownGlossaryError, default_checker

__all__ = ["Prose", "checker_for", "glossary_of"]


@functools.lru_cache(maxsize=4)
def _checker(glossary: Glossary) -> PlainEnglishChecker:
    return PlainEnglishChecker(glossary)


def checker_for(glossary: Glossary | None) -> PlainEnglishChecker | None:
    """The check for a glossary (the built-in one is compiled once); None checks nothing."""
    if glossary is None:
        return None
    builtin = default_checker()
    return builtin if builtin.glossary == glossary else _checker(glossary)


def _expansions(glossary: Glossary) -> dict[str, str]:
    """What each acronym spelling stands for, by the spelling in capitals ("TAC" and "TAF" apart)."""
    found: dict[str, str] = {}
    for term in glossary.terms:
        if not term.expansion:
            continue
        spellings = [part.strip() for part in term.term.split(" or ")]
        meanings = [part.strip() for part in term.expansion.split(" or ")]
        if len(meanings) != len(spellings):
            meanings = [term.expansion] * len(spellings)
        for spelling, meaning in zip(spellings, meanings, strict=True):
            found.setdefault(spelling.upper(), meaning)
    return found


class Prose:
    """The prose of one document: recorded, checked once, then given back in plain English.

    Call it with each piece of prose, in reading order, while building the
    document; call :meth:`settle`; then build the document again, calling it
    with the same pieces in the same order.
    """

    def __init__(self, checker: PlainEnglishChecker | None) -> None:
        """Prepare to record a document's prose.

        Args:
            checker: The plain-English check; None leaves every text as it is.
        """
        self._checker = checker
        self._texts: list[tuple[str, str]] = []
        self._changes: dict[str, list[tuple[int, int, str]]] | None = None
        self._count = 0
        self.spelled: dict[str, str] = {}
        """Each acronym spelled out, as first written, with what it stands for."""
        self.explained: dict[str, str] = {}
        """Each jargon term found, as the glossary writes it, with its plain meaning."""

    def __call__(self, text: str) -> str:
        """Record ``text`` (first build), or return it with acronyms spelled out (second build)."""
        key = str(self._count)
        self._count += 1
        if self._changes is None:
            self._texts.append((key, text))
            return text
        for start, end, replacement in reversed(self._changes.get(key, ())):
            text = text[:start] + replacement + text[end:]
        return text

    def settle(self) -> None:
        """Check everything recorded, as one document, and decide what to spell out."""
        changes: dict[str, list[tuple[int, int, str]]] = {}
        if self._checker is not None:
            glossary = self._checker.glossary
            meanings = _expansions(glossary)
            done: set[str] = set()
            for finding in self._checker.check_texts(self._texts):
                if finding.rule is Rule.LONG_SENTENCE:
                    continue
                written = finding.text
                key = written.upper()
                plural = key not in meanings and key.endswith("S") and key[:-1] in meanings
                key = key[:-1] if plural else key
                if finding.rule is Rule.JARGON or key not in meanings:
                    term = glossary.lookup(finding.term or "")
                    if term is not None:
                        self.explained.setdefault(term.term, term.plain)
                    continue
                if key in done:
                    continue
                done.add(key)
                meaning = meanings[key] + ("s" if plural else "")
                changes.setdefault(finding.path, []).append((finding.start, finding.end, f"{meaning} ({written})"))
                self.spelled[written[:-1] if plural else written] = meanings[key]
        self._changes = changes
        self._count = 0

    @property
    def words(self) -> list[tuple[str, str]]:
        """The acronyms spelled out and the jargon found, with their meanings, in alphabetical order."""
        entries = {**self.explained, **self.spelled}
        return sorted(entries.items(), key=lambda item: item[0].casefold())


def glossary_of(catalogue: Catalogue) -> Glossary | None:
    """The catalogue's SEND glossary, or None when it has none."""
    try:
        return catalogue.glossary()
    except UnknownGlossaryError:
        return None
