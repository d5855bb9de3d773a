"""Write a draft bank as a ``kuis-bank/1`` YAML file a trainer can read and edit by hand.

The output is plain, block-style YAML in the documented key order. Every string is written
plain when YAML would read it back as the same string, as a literal block (``|``) when it
has several lines, and double-quoted otherwise, so ``No``, ``2019`` or ``a: b`` stay text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Issue
from ..model import BANK_FORMAT, FALSE_KEY, TRUE_KEY, Bank, QuestionType
from .yamlsrc import Source

if TYPE_CHECKING:
    from .importers.draft import DraftBank, DraftQuestion

_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")


def scalar(text: str, indent: int) -> str:
    """``text`` as a YAML value placed after ``key: `` at ``indent`` spaces."""
    if "\n" in text.strip("\n") and _block_ok(text):
        body = text.rstrip("\n")
        pad = " " * (indent + 2)
        lines = "\n".join(pad + line if line else "" for line in body.split("\n"))
        return "|-\n" + lines
    if _plain_ok(text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _plain_ok(text: str) -> bool:
    if not text or text != text.strip() or text[0] in _INDICATORS:
        return False
    if ": " in text or " #" in text or text.endswith(":") or "\t" in text:
        return False
    if any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or c in "\ufeff\u2028\u2029" for c in text):
        return False
    return _resolves_to_str(text)


def _resolves_to_str(text: str) -> bool:
    """Would the bank loader (PyYAML's resolver) read this plain scalar as a string?"""
    import yaml

    node_type = yaml.ScalarNode
    tag = yaml.resolver.Resolver().resolve(node_type, text, (True, False))
    return bool(tag == "tag:yaml.org,2002:str")


def _block_ok(text: str) -> bool:
    lines = text.rstrip("\n").split("\n")
    if lines[0].startswith((" ", "\t")) or any(line != line.rstrip() for line in lines):
        return False
    return not any(ord(c) < 32 and c != "\n" or c in "\ufeff\u2028\u2029" for c in text)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def bank_yaml(bank: DraftBank, comment: str = "") -> str:
    """The whole file. ``comment`` (one or more lines) goes on top as ``# …`` lines."""
    out: list[str] = [f"# {line}".rstrip() for line in comment.splitlines()]
    out.append(f"format: {BANK_FORMAT}")
    out.append(f"id: {scalar(bank.id, 0)}")
    out.append(f"title: {scalar(bank.title, 0)}")
    if bank.language and bank.language != "id":
        out.append(f"language: {scalar(bank.language, 0)}")
    if bank.version:
        out.append(f"version: {json.dumps(bank.version, ensure_ascii=False)}")
    if bank.description:
        out.append(f"description: {scalar(bank.description, 0)}")
    out.append("categories:")
    for c in bank.categories:
        out.append(f"  - id: {scalar(c.id, 4)}")
        out.append(f"    title: {scalar(c.title, 4)}")
        if c.description:
            out.append(f"    description: {scalar(c.description, 4)}")
    out.append("questions:")
    for i, q in enumerate(bank.questions):
        if i:
            out.append("")
        out.extend(_question(q))
    return "\n".join(out) + "\n"


def _question(q: DraftQuestion) -> list[str]:
    out = [f"  - id: {scalar(q.id, 4)}",
           f"    category: {scalar(q.category, 4)}",
           f"    type: {q.type.value}",
           f"    text: {scalar(q.text, 4)}"]
    if q.type is not QuestionType.TRUE_FALSE:
        out.append("    options:")
        for key, text in zip(q.option_keys(), q.options, strict=True):
            out.append(f"      {key}: {scalar(text, 6)}")
    if q.type is QuestionType.TRUE_FALSE:
        out.append(f"    answer: {'true' if q.answer == [TRUE_KEY] else 'false'}")
        assert q.answer in ([TRUE_KEY], [FALSE_KEY]), q.answer
    elif q.type is QuestionType.SINGLE:
        out.append(f"    answer: {q.answer[0]}")
    elif q.type is QuestionType.MULTIPLE:
        out.append(f"    answer: [{', '.join(q.answer)}]")
    for key in ("explanation", "reference"):
        value: str = getattr(q, key)
        if value:
            out.append(f"    {key}: {scalar(value, 4)}")
    if q.difficulty:
        out.append(f"    difficulty: {q.difficulty}")
    if q.points is not None:
        out.append(f"    points: {_number(q.points)}")
    if q.time_limit is not None:
        out.append(f"    time_limit: {q.time_limit}")
    if q.shuffle is not None:
        out.append(f"    shuffle: {'true' if q.shuffle else 'false'}")
    if q.image:
        out.append(f"    image: {scalar(q.image, 4)}")
    if q.tags:
        out.append("    tags: [" + ", ".join(json.dumps(t, ensure_ascii=False) for t in q.tags)
                   + "]")
    return out


def validate_text(text: str, path: Path, display: str | None = None) -> tuple[Bank | None,
                                                                             list[Issue]]:
    """Validate bank text as if it were the file at ``path`` (images resolve beside it)."""
    from .bank import validate_source

    src = Source(path, display if display is not None else str(path), text=text,
                 data=text.encode("utf-8"))
    bank = validate_source(src)
    return bank, src.issues
