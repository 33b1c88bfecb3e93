"""Plain-English checking: jargon, unexplained acronyms and long sentences."""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any, cast

import attrs

from coproduction.errors import Problem
from coproduction.model._excerpt import excerpt
from coproduction.model._metadata import PROSE_KEY
from coproduction.model.glossary import Glossary, Term

__all__ = [
    "DEFAULT_ALLOWED",
    "EXCERPT_WORDS",
    "MAX_SENTENCE_WORDS",
    "PlainEnglishChecker",
    "PlainEnglishFinding",
    "Rule",
    "check_plain_english",
    "text_fields",
]

MAX_SENTENCE_WORDS = 25
"""A sentence of more words than this is flagged as long."""

FAMILY_WORDS: frozenset[str] = frozenset(
    {
        "Action plan",
        "Charter",
        "Co-production",
        "Developing",
        "Embedded",
        "Emerging",
        "Evidence",
        "Governors",
        "Ladder of participation",
        "Participation",
        "Priority",
        "Quality standard",
        "Rating",
        "Score",
        "Statement",
        "You said, we did",
    }
)
"""Glossary terms families need to know (rating names, the checklist's own words): explained in a
document's glossary section, never flagged as jargon."""

DEFAULT_ALLOWED: frozenset[str] = frozenset({"Carer", "Parent Carer", "Parent Carer Forum"}) | FAMILY_WORDS
"""Glossary terms that are everyday words for the readers of these documents, never flagged."""

EXCERPT_WORDS = 8
"""How many words of a long sentence a finding quotes."""

_SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "for", "in", "of", "on", "or", "the", "to", "with"})
_ABBREVIATIONS = frozenset({"e.g", "i.e", "eg", "ie", "etc", "mr", "mrs", "ms", "dr", "st", "vs", "approx"})
_APOSTROPHES = "'\u2019"
_WORD = re.compile(rf"\w+(?:[{_APOSTROPHES}-]\w+)*")
_TOKEN = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(rf"[.!?]+[\"{_APOSTROPHES}\u201d)\]]*(?=\s|$)")


class Rule(enum.Enum):
    """Which plain-English rule a finding breaks."""

    ACRONYM = "acronym"
    JARGON = "jargon"
    LONG_SENTENCE = "long-sentence"


@attrs.frozen
class PlainEnglishFinding:
    """One place where a text is not plain English, and what to write instead.

    Attributes:
        path: Where the text is: a JSON path such as ``commitments[2].measure``,
            or what the caller passed for a lone text (empty by default).
        rule: The rule broken.
        start: Where the offending text starts in the field (a character offset).
        end: Where it ends (exclusive).
        text: The offending text, as written; a long sentence is cut to its
            first words.
        suggestion: A suggested plain rewording, in plain English.
        term: The glossary term found, for an acronym or jargon; None for a
            long sentence.
    """

    path: str
    rule: Rule
    start: int
    end: int
    text: str
    suggestion: str
    term: str | None = None

    @property
    def message(self) -> str:
        """What is wrong, in a sentence a non-programmer can act on."""
        if self.rule is Rule.ACRONYM:
            return f'"{self.text}" is an acronym some families will not know'
        if self.rule is Rule.JARGON:
            return f'"{self.text}" is SEND jargon some families will not know'
        return f'the sentence "{self.text}" is long'

    def to_problem(self) -> Problem:
        """The finding as a :class:`~coproduction.Problem`, for reports that list problems."""
        return Problem(self.path, self.rule.value, f"{self.message}: {self.suggestion}")

    def __str__(self) -> str:
        return str(self.to_problem())


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def text_fields(document: object, *, path: str = "", skip: Collection[str] = ()) -> Iterator[tuple[str, str]]:
    """Every string in a document, with its JSON path, in the order the document lists them.

    Walks attrs objects field by field (in declaration order), lists and
    tuples item by item, and dictionaries by key. Skips fields whose metadata
    is :data:`NOT_PROSE`, fields named in ``skip``, fields not set by the
    constructor, and values that are not text (numbers, dates, choices from a
    list).

    Args:
        document: Any attrs object (a charter, a feedback log, an audit ...), or
            a string, list or dictionary.
        path: The path of ``document`` itself; empty for a whole document.
        skip: Names of fields never to walk into, wherever they are.

    Yields:
        ``(path, text)`` pairs, such as ``("commitments[2].measure", "...")``.
    """
    if isinstance(document, str):
        yield path, document
    elif attrs.has(type(document)):
        for field in attrs.fields(cast(Any, type(document))):
            if not field.init or field.name in skip or not field.metadata.get(PROSE_KEY, True):
                continue
            yield from text_fields(getattr(document, field.name), path=_join(path, field.name), skip=skip)
    elif isinstance(document, (list, tuple)):
        for index, item in enumerate(document):
            yield from text_fields(item, path=f"{path}[{index}]", skip=skip)
    elif isinstance(document, Mapping):
        for key, value in document.items():
            yield from text_fields(value, path=_join(path, str(key)), skip=skip)


@attrs.frozen
class _Entry:
    """One spelling of a glossary term, ready to match."""

    spelling: str
    term: str
    plain: str
    expansion: str | None
    acronym: bool
    allowed: bool


@attrs.frozen
class _Match:
    start: int
    end: int
    entry: _Entry


def _is_acronym(spelling: str) -> bool:
    return " " not in spelling and sum(char.isupper() for char in spelling) >= 2


def _entries(glossary: Glossary, allowed: Collection[str]) -> list[_Entry]:
    allowed_keys = {" ".join(term.split()).casefold() for term in allowed}
    entries = []
    for term in glossary.terms:
        spellings = [part.strip() for part in term.term.split(" or ")] if term.expansion else [term.term.strip()]
        expansions: list[str | None] = [term.expansion] * len(spellings)
        if term.expansion and len(parts := term.expansion.split(" or ")) == len(spellings):
            expansions = [part.strip() for part in parts]
        is_allowed = " ".join(term.term.split()).casefold() in allowed_keys
        for spelling, expansion in zip(spellings, expansions, strict=True):
            if spelling:
                allowed_here = is_allowed or " ".join(spelling.split()).casefold() in allowed_keys
                entries.append(_Entry(spelling, term.term, term.plain, expansion, _is_acronym(spelling), allowed_here))
    return entries


def _phrase_pattern(words: list[str], between: str = r"\s+") -> str:
    """A pattern for whole words in order, the last with or without a final "s"."""
    last = words[-1]
    stem = last[:-1] if last.endswith("s") and not last.endswith("ss") else last
    body = [re.escape(word) for word in words[:-1]] + [re.escape(stem) + "s?"]
    return r"(?<![^\W_])" + between.join(body) + r"(?![^\W_])"


def _initials_match(letters: str, words: list[str], *, whole: bool) -> bool:
    """Say whether ``words`` end with words whose first letters spell ``letters``.

    Little words may be skipped. With ``whole``, every word must be used or
    skipped (the words in brackets after an acronym); otherwise earlier words
    do not matter (the words before an acronym in brackets).
    """

    @functools.cache
    def matches(i: int, j: int) -> bool:
        if i < 0:
            return not whole or all(word.casefold() in _SMALL_WORDS for word in words[: j + 1])
        if j < 0:
            return False
        word = words[j]
        if word[0].upper() == letters[i] and matches(i - 1, j - 1):
            return True
        return word.casefold() in _SMALL_WORDS and matches(i, j - 1)

    if not letters or not words or (whole and len(words) > 3 * len(letters) + 3):
        return False
    words = words[-(3 * len(letters) + 3) :]
    return matches(len(letters) - 1, len(words) - 1)


_BRACKET = re.compile(r"\s*\(((?:[^()]|\([^()]*\))*)\)")
"""A bracket just after an acronym, one bracket deep inside: "SENDCO (Special Educational Needs (Disability) ...)"."""


def _short(text: str, words: int = EXCERPT_WORDS) -> str:
    found = list(_WORD.finditer(text))
    if len(found) <= words:
        return text.strip()
    return text[: found[words - 1].end()].strip() + " …"


def _tail(text: str, words: int = 4) -> str:
    found = list(_WORD.finditer(text))
    if len(found) <= words:
        return text.strip()
    return "… " + text[found[-words].start() :].strip()


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


class PlainEnglishChecker:
    """A plain-English check with its glossary and thresholds, compiled once.

    Build one and reuse it: compiling the glossary is the slow part.
    """

    def __init__(
        self,
        glossary: Glossary,
        *,
        max_sentence_words: int = MAX_SENTENCE_WORDS,
        allowed: Collection[str] = DEFAULT_ALLOWED,
    ) -> None:
        """Compile the check.

        Args:
            glossary: The terms to flag (``coproduction.PlainEnglishChecker`` defaults it
                to the built-in SEND glossary).
            max_sentence_words: A sentence of more words than this is flagged.
            allowed: Glossary terms never flagged, ignoring case
                (:data:`DEFAULT_ALLOWED` unless given).

        Raises:
            ValueError: If ``max_sentence_words`` is less than 1.
        """
        if isinstance(max_sentence_words, bool) or not isinstance(max_sentence_words, int) or max_sentence_words < 1:
            raise ValueError(
                f"max_sentence_words must be a whole number of at least 1; got {excerpt(max_sentence_words)}"
            )
        self.glossary = glossary
        self.max_sentence_words = max_sentence_words
        entries = _entries(glossary, allowed)
        self._acronyms: dict[str, _Entry] = {}
        phrases: dict[str, _Entry] = {}
        for entry in entries:
            if entry.acronym:
                self._acronyms.setdefault(entry.spelling.upper(), entry)
            else:
                phrases.setdefault(entry.spelling.casefold(), entry)
        ordered = sorted(phrases.values(), key=lambda entry: -len(entry.spelling))
        self._phrases = ordered
        self._phrase_pattern = (
            re.compile(
                "|".join(f"(?P<p{i}>{_phrase_pattern(e.spelling.split())})" for i, e in enumerate(ordered)),
                re.IGNORECASE,
            )
            if ordered
            else None
        )
        self._expansions = {
            key: re.compile(_phrase_pattern(_TOKEN.findall(entry.expansion), r"[\W_]+"), re.IGNORECASE)
            for key, entry in self._acronyms.items()
            if entry.expansion and _TOKEN.findall(entry.expansion)
        }

    # -- terms -----------------------------------------------------------------------------

    def _term_matches(self, text: str) -> list[_Match]:
        candidates: list[_Match] = []
        for token in _TOKEN.finditer(text):
            entry = self._acronym_entry(token.group())
            if entry is not None:
                candidates.append(_Match(token.start(), token.end(), entry))
        if self._phrase_pattern is not None:
            for found in self._phrase_pattern.finditer(text):
                index = int((found.lastgroup or "p0")[1:])
                candidates.append(_Match(found.start(), found.end(), self._phrases[index]))
        candidates.sort(key=lambda match: (match.start, -(match.end - match.start)))
        kept: list[_Match] = []
        for match in candidates:
            if not kept or match.start >= kept[-1].end:
                kept.append(match)
        return [match for match in kept if not match.entry.allowed]

    def _acronym_entry(self, word: str) -> _Entry | None:
        for stem in (word, word[:-1] if word.endswith("s") and len(word) > 2 else None):
            if stem is None or sum(char.isupper() for char in stem) < 2:
                continue
            entry = self._acronyms.get(stem.upper())
            if entry is not None:
                return entry
        return None

    def _spelled_out_here(self, text: str, match: _Match) -> bool:
        """Whether this occurrence of an acronym spells it out, or follows its expansion."""
        key = match.entry.spelling.upper()
        letters = "".join(char for char in key if char.isalpha())
        expansion = self._expansions.get(key)
        if expansion is not None:
            first = expansion.search(text)
            if first is not None and first.start() < match.start:
                return True
        before, after = text[: match.start], text[match.end :]
        if before.rstrip().endswith("(") and after.lstrip().startswith(")"):
            words = _TOKEN.findall(before.rstrip()[:-1])
            if _initials_match(letters, words, whole=False):
                return True
        bracket = _BRACKET.match(after)
        if bracket is not None:
            inside = bracket.group(1)
            if expansion is not None and expansion.fullmatch(inside.strip()):
                return True
            if _initials_match(letters, _TOKEN.findall(inside), whole=True):
                return True
        return False

    def _term_findings(self, path: str, text: str, spelled: set[str]) -> Iterator[PlainEnglishFinding]:
        for match in self._term_matches(text):
            entry = match.entry
            written = text[match.start : match.end]
            if entry.acronym:
                key = entry.spelling.upper()
                if key in spelled:
                    continue
                if self._spelled_out_here(text, match):
                    spelled.add(key)
                    continue
                if entry.expansion:
                    shown = written if written.upper() == key else written[:-1]
                    suggestion = (
                        f'say "{entry.plain}" instead, or spell it out the first time you use it: '
                        f'"{entry.expansion} ({shown})"'
                    )
                else:
                    suggestion = f'say "{entry.plain}" instead'
                yield PlainEnglishFinding(path, Rule.ACRONYM, match.start, match.end, written, suggestion, entry.term)
            else:
                suggestion = f'say "{entry.plain}" instead, or explain what it means'
                yield PlainEnglishFinding(path, Rule.JARGON, match.start, match.end, written, suggestion, entry.term)

    # -- sentences -------------------------------------------------------------------------

    def sentences(self, text: str) -> Iterator[tuple[int, int]]:
        """The sentences of a text, as (start, end) character offsets, by the rules above."""
        offset = 0
        for line in text.split("\n"):
            start = 0
            for end_mark in _SENTENCE_END.finditer(line):
                if self._is_abbreviation(line, end_mark.start()):
                    continue
                yield from self._trimmed(line, start, end_mark.end(), offset)
                start = end_mark.end()
            yield from self._trimmed(line, start, len(line), offset)
            offset += len(line) + 1

    @staticmethod
    def _is_abbreviation(line: str, dot: int) -> bool:
        if line[dot] != ".":
            return False
        word = re.search(r"(?:[^\W\d_]\.)*[^\W\d_]+$", line[:dot])
        if word is None:
            return False
        written = word.group()
        single_capital = len(written) == 1 and written.isupper()
        return written.casefold() in _ABBREVIATIONS or single_capital

    @staticmethod
    def _trimmed(line: str, start: int, end: int, offset: int) -> Iterator[tuple[int, int]]:
        piece = line[start:end]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            yield offset + start + lead, offset + start + lead + len(stripped)

    def _split_suggestion(self, sentence: str) -> str:
        words = list(_WORD.finditer(sentence))
        middle = len(words) / 2
        limit = self.max_sentence_words
        general = f"split it into shorter sentences of at most {limit} words each"
        candidates: list[tuple[int, float, int, int, str]] = []
        patterns = [
            (0, r";\s*", ""),
            (1, r",\s+(and|but|so|or)\s+", "joining"),
            (2, r"\s+(and|but|so|or)\s+", "joining"),
            (3, r",\s+", ""),
        ]
        for rank, pattern, kind in patterns:
            for found in re.finditer(pattern, sentence):
                words_before = sum(1 for word in words if word.end() <= found.start())
                if words_before < 3 or len(words) - words_before < 3:
                    continue
                conjunction = found.group(1).casefold() if kind else ""
                candidates.append((rank, abs(words_before - middle), found.start(), found.end(), conjunction))
        if not candidates:
            return general
        rank, _, cut, resume, conjunction = min(candidates)
        first = sentence[:cut].rstrip(" ,;")
        rest = sentence[resume:].lstrip()
        if conjunction in ("but", "so"):
            rest = f"{conjunction} {rest}"
        return f'{general}, for example: "{_tail(first)}." and "{_capitalise(_short(rest, 4))}"'

    def _sentence_findings(self, path: str, text: str) -> Iterator[PlainEnglishFinding]:
        for start, end in self.sentences(text):
            sentence = text[start:end]
            count = sum(1 for _ in _WORD.finditer(sentence))
            if count > self.max_sentence_words:
                suggestion = (
                    f"it has {count} words; plain English keeps to {self.max_sentence_words} or fewer: "
                    + self._split_suggestion(sentence)
                )
                yield PlainEnglishFinding(path, Rule.LONG_SENTENCE, start, end, _short(sentence), suggestion)

    # -- checking ---------------------------------------------------------------------------

    def check_text(self, text: str, path: str = "") -> list[PlainEnglishFinding]:
        """Check one text on its own.

        Args:
            text: Any free text.
            path: Where it is, copied into each finding.

        Returns:
            The findings in the order they appear in the text.
        """
        return self.check_texts([(path, text)])

    def check_texts(self, texts: Iterable[tuple[str, str]]) -> list[PlainEnglishFinding]:
        """Check texts read one after another, as the parts of one document.

        An acronym spelled out in one text counts as spelled out in every later one.

        Args:
            texts: ``(path, text)`` pairs in reading order, such as
                :func:`text_fields` gives.

        Returns:
            The findings, text by text, each text's in the order they appear.
        """
        findings: list[PlainEnglishFinding] = []
        spelled: set[str] = set()
        for path, text in texts:
            found = [*self._term_findings(path, text, spelled), *self._sentence_findings(path, text)]
            findings.extend(sorted(found, key=lambda finding: (finding.start, finding.rule.value)))
            spelled.update(key for key, expansion in self._expansions.items() if expansion.search(text))
        return findings

    def check_document(self, document: object, *, skip: Collection[str] = ()) -> list[PlainEnglishFinding]:
        """Check every free-text field of a document (a charter, a feedback log, any attrs object).

        Args:
            document: The document.
            skip: Names of fields never to check, in addition to those marked
                :data:`NOT_PROSE`.

        Returns:
            The findings, field by field in the document's order, each with
            the field's JSON path.
        """
        return self.check_texts(text_fields(document, skip=skip))


@functools.lru_cache(maxsize=8)
def _every_term(glossary: Glossary) -> PlainEnglishChecker:
    return PlainEnglishChecker(glossary, allowed=())


def terms_used(texts: Iterable[str], glossary: Glossary) -> list[Term]:
    """The glossary terms a document's texts use, in order of first use: what its glossary section lists.

    Terms are found as the plain-English check finds them (whole words, an
    acronym in capitals, a final "s" allowed), allowed family words included.

    Args:
        texts: Every text of the document, in reading order.
        glossary: The glossary to look terms up in.

    Returns:
        Each term once.
    """
    checker = _every_term(glossary)
    found: dict[str, Term] = {}
    for text in texts:
        for match in checker._term_matches(text):
            term = glossary.lookup(match.entry.term)
            if term is not None:
                found.setdefault(term.term.casefold(), term)
    return list(found.values())


def check_plain_english(
    item: object,
    *,
    checker: PlainEnglishChecker,
    path: str = "",
    skip: Collection[str] = (),
) -> list[PlainEnglishFinding]:
    """Check a text, or every free-text field of a document, for jargon, acronyms and long sentences.

    Args:
        item: A text, or a document such as a :class:`~coproduction.Charter`
            or :class:`~coproduction.FeedbackLog` (any attrs object).
        checker: The check to use; :func:`default_checker` (the built-in SEND
            glossary, sentences of at most 25 words) when omitted.
        path: The path of ``item``, put before every finding's path; empty
            for a whole document or a lone text.
        skip: Names of fields never to check, beside those marked :data:`NOT_PROSE`.

    Returns:
        The findings in reading order, each with the JSON path of its field.
    """
    return checker.check_texts(text_fields(item, path=path, skip=skip))
