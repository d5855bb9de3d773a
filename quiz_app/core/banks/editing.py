"""A bank file opened for editing: change questions, keep the rest of the file as written.

Round-trip editing with ruamel.yaml: comments, key order, blank lines and the styles of
untouched values survive a save, because only the keys a trainer changed are rewritten
(PyYAML, which the validator uses, would drop every comment). The file is read through
the same guarded path as the validator (size cap, encoding, no aliases or tags) before
ruamel sees it. Indentation is detected from the file; the bundled banks come back
byte-identical when nothing changed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from ..atomicio import write_atomic
from ..errors import BankError, Issue
from ..model import BANK_FORMAT, FALSE_KEY, OPTION_KEYS, TRUE_KEY
from ..paths import data_dir
from ..userfile import check_output
from .bank import QUESTION_KEYS
from .writer import validate_text
from .yamlsrc import parse_yaml, read_source

NEW_BANK = f"""\
# Bank soal dibuat dengan penyunting Kuis ASN.
format: {BANK_FORMAT}
id: {{id}}
title: {{title}}
categories:
  - id: umum
    title: Umum
questions: []
"""


@dataclass(frozen=True)
class QuestionForm:
    """One question as the editor's form holds it: text as typed, so that a wrong value
    ("abc" in points) reaches the file and the validator locates it, as in a hand-written
    file. ``answer`` holds option keys; a true_false question's is ``B`` or ``S``."""

    id: str = ""
    category: str = ""
    type: str = "single"
    text: str = ""
    options: tuple[str, ...] = ()
    answer: tuple[str, ...] = ()
    explanation: str = ""
    reference: str = ""
    difficulty: str = ""
    points: str = ""
    time_limit: str = ""
    shuffle: str = ""  # "", "true", "false"
    image: str = ""
    tags: tuple[str, ...] = ()


FORM_FIELDS = tuple(f.name for f in fields(QuestionForm))
_REQUIRED_TEXT = ("id", "category", "text")


def _yaml() -> Any:
    from ruamel.yaml import YAML

    y = YAML()  # round-trip
    y.width = 4096  # never re-wrap a line we write
    y.preserve_quotes = True
    return y


def _string(value: str) -> Any:
    """A new string value in the style a trainer would write it."""
    from ruamel.yaml.scalarstring import (
        DoubleQuotedScalarString,
        LiteralScalarString,
        PlainScalarString,
    )

    from .writer import _block_ok, _plain_ok

    # Always a ScalarString: assigning a bare str over a quoted value would keep the quotes.
    if "\n" in value.strip("\n") and _block_ok(value):
        return LiteralScalarString(value.rstrip("\n") + "\n")
    if _plain_ok(value):
        return PlainScalarString(value)
    return DoubleQuotedScalarString(value)


def _flow(items: list[Any]) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _number(text: str) -> Any:
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            continue
    return _string(text)  # the validator will say it is not a number, and where


def _text(value: Any) -> str:
    """A value as the form shows it; a block scalar's final line break is not part of what
    the trainer typed (the validator strips it too)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).rstrip("\n")


class BankDocument:
    """The file's round-trip tree plus the operations the editor needs."""

    def __init__(self, path: Path, text: str, crlf: bool = False, bom: bool = False) -> None:
        from ruamel.yaml.error import YAMLError
        from ruamel.yaml.util import load_yaml_guess_indent

        self.path = path
        self.crlf, self.bom = crlf, bom  # kept on save: a Windows editor's file stays one
        self._yaml = _yaml()
        try:
            _, indent, block_seq = load_yaml_guess_indent(text)
            self.data = self._yaml.load(text)
        except YAMLError as exc:
            raise BankError(Issue(path.name, 0, 0, f"berkas tidak dapat disunting: {exc}")) from exc
        if indent and block_seq:
            self._yaml.indent(mapping=max(2, indent - block_seq), sequence=indent,
                              offset=block_seq)
        elif indent:
            self._yaml.indent(mapping=indent, sequence=indent, offset=0)
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        if not isinstance(self.data, CommentedMap):
            raise BankError(Issue(path.name, 1, 0, "bank soal harus berupa pemetaan "
                                  "(format:, id:, …); perbaiki dengan penyunting teks"))
        if "questions" not in self.data or self.data["questions"] is None:
            self.data["questions"] = CommentedSeq()
        if not isinstance(self.data["questions"], CommentedSeq) or not all(
                isinstance(q, CommentedMap) for q in self.data["questions"]):
            raise BankError(Issue(path.name, 0, 0, "'questions' harus berupa daftar soal "
                                  "(pemetaan); perbaiki dengan penyunting teks"))

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: Path) -> BankDocument:
        """Read ``path`` through the validator's guarded reader; refuse what it cannot parse
        (syntax errors, aliases, tags) with its located issues."""
        src = read_source(path, path.name)
        if src.issues:  # missing, too big, not UTF-8, binary
            raise BankError(src.issues)
        if parse_yaml(src) is None:  # syntax error, alias, tag, empty
            raise BankError(src.issues)
        return cls(path, src.text, crlf=b"\r\n" in src.data,
                   bom=src.data.startswith(b"\xef\xbb\xbf"))

    @classmethod
    def new(cls, path: Path, bank_id: str, title: str) -> BankDocument:
        return cls(path, NEW_BANK.format(id=_plain_or_quoted(bank_id),
                                         title=_plain_or_quoted(title)))

    # ------------------------------------------------------------------ reading

    @property
    def _questions(self) -> Any:
        return self.data["questions"]

    def count(self) -> int:
        return len(self._questions)

    def form(self, index: int) -> QuestionForm:
        m = self._questions[index]
        options = m.get("options")
        answer = m.get("answer")
        if isinstance(answer, bool):
            keys: tuple[str, ...] = (TRUE_KEY if answer else FALSE_KEY,)
        elif isinstance(answer, list):
            keys = tuple(_text(a) for a in answer)
        elif answer is None:
            keys = ()
        else:
            keys = (_text(answer),)
        tags = m.get("tags")
        return QuestionForm(
            id=_text(m.get("id")), category=_text(m.get("category")),
            type=_text(m.get("type")) or "single", text=_text(m.get("text")),
            options=tuple(_text(v) for v in options.values()) if hasattr(options, "values")
            else (),
            answer=keys, explanation=_text(m.get("explanation")),
            reference=_text(m.get("reference")), difficulty=_text(m.get("difficulty")),
            points=_text(m.get("points")), time_limit=_text(m.get("time_limit")),
            shuffle=_text(m.get("shuffle")), image=_text(m.get("image")),
            tags=tuple(_text(t) for t in tags) if isinstance(tags, list) else ())

    def forms(self) -> list[QuestionForm]:
        return [self.form(i) for i in range(self.count())]

    def categories(self) -> list[tuple[str, str]]:
        cats = self.data.get("categories")
        if not isinstance(cats, list):
            return []
        return [(_text(c.get("id")), _text(c.get("title"))) for c in cats if hasattr(c, "get")]

    def meta(self, key: str) -> str:
        return _text(self.data.get(key))

    def folder(self) -> Path:
        return self.path.resolve().parent

    # ------------------------------------------------------------------ changing

    def set_form(self, index: int, new: QuestionForm) -> None:
        m = self._questions[index]
        old = self.form(index)
        type_changed = old.type != new.type
        for name in FORM_FIELDS:
            if getattr(old, name) == getattr(new, name) and not (
                    type_changed and name in ("options", "answer")):
                continue
            self._set(m, name, new)

    def insert(self, index: int, form: QuestionForm) -> None:
        from ruamel.yaml.comments import CommentedMap

        self._questions.insert(index, CommentedMap())
        m = self._questions[index]
        for name in FORM_FIELDS:
            if name in _REQUIRED_TEXT or getattr(form, name) != getattr(QuestionForm(), name):
                self._set(m, name, form)

    def remove(self, index: int) -> QuestionForm:
        form = self.form(index)
        del self._questions[index]
        return form

    def move(self, index: int, to: int) -> None:
        """Move a question (its mapping, with the comments inside it) to position ``to``."""
        item = self._questions.pop(index)
        self._questions.insert(to, item)

    def set_meta(self, key: str, value: str) -> None:
        if key in self.data and _text(self.data[key]) == value:
            return
        self.data[key] = _string(value)

    def add_category(self, cid: str, title: str) -> None:
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        cats = self.data.get("categories")
        if not isinstance(cats, CommentedSeq):
            cats = CommentedSeq()
            self.data["categories"] = cats
        entry = CommentedMap()
        entry["id"], entry["title"] = _string(cid), _string(title)
        cats.append(entry)

    def remove_category(self, cid: str) -> None:
        cats = self.data.get("categories")
        if isinstance(cats, list):
            for i in range(len(cats) - 1, -1, -1):
                if hasattr(cats[i], "get") and _text(cats[i].get("id")) == cid:
                    del cats[i]
                    return

    def _set(self, m: Any, name: str, form: QuestionForm) -> None:
        value = getattr(form, name)
        yaml_value: Any
        qtype = form.type
        if name == "type":
            if value == "single" and "type" not in m:
                return
            yaml_value = _string(value)
        elif name == "options":
            if qtype == "true_false":
                m.pop("options", None)
                return
            yaml_value = self._options(m.get("options"), value)
        elif name == "answer":
            if qtype == "poll" and not value:
                m.pop("answer", None)
                return
            yaml_value = self._answer(qtype, value)
        elif name in ("points", "time_limit"):
            if not value.strip():
                m.pop(name, None)
                return
            yaml_value = _number(value.strip())
        elif name == "shuffle":
            if value not in ("true", "false"):
                m.pop(name, None)
                return
            yaml_value = value == "true"
        elif name == "tags":
            if not value:
                m.pop(name, None)
                return
            yaml_value = _flow([_string(t) for t in value])
        else:
            if not value and name not in _REQUIRED_TEXT:
                m.pop(name, None)
                return
            yaml_value = _string(value)
        if name in m:
            m[name] = yaml_value
        else:
            m.insert(_position(m, name), name, yaml_value)

    @staticmethod
    def _options(current: Any, texts: tuple[str, ...]) -> Any:
        from ruamel.yaml.comments import CommentedMap

        target = current if isinstance(current, CommentedMap) else CommentedMap()
        wanted = dict(zip(OPTION_KEYS, texts, strict=False))
        for key in list(target):
            if key not in wanted:
                del target[key]
        for key, text in wanted.items():
            if key not in target or _text(target[key]) != text:
                target[key] = _string(text)
        return target

    @staticmethod
    def _answer(qtype: str, keys: tuple[str, ...]) -> Any:
        if qtype == "true_false" and len(keys) == 1 and keys[0] in (TRUE_KEY, FALSE_KEY):
            return keys[0] == TRUE_KEY
        if qtype == "multiple":
            return _flow([_string(k) for k in keys])
        if len(keys) == 1:
            return _string(keys[0])
        return _flow([_string(k) for k in keys]) if keys else None

    # ------------------------------------------------------------------ writing

    def text(self) -> str:
        out = io.StringIO()
        self._yaml.dump(self.data, out)
        return out.getvalue()

    def validate(self, text: str | None = None) -> list[Issue]:
        """The validator's located issues for the file as it would be saved."""
        _, issues = validate_text(self.text() if text is None else text, self.path,
                                  self.path.name)
        return issues

    def encode(self, text: str) -> bytes:
        """The bytes to write: the file's own line endings and BOM, UTF-8."""
        if self.crlf:
            text = text.replace("\n", "\r\n")
        return ("\ufeff" if self.bom else "").encode("utf-8") + text.encode("utf-8")

    def save(self) -> str:
        """Write atomically (temp file + rename); returns the text written."""
        text = self.text()
        check_output(self.path, "yaml", force=True, protected=(data_dir(),))
        write_atomic(self.path, self.encode(text))
        return text


def _plain_or_quoted(value: str) -> str:
    from .writer import scalar

    return scalar(value, 0)


def _position(m: Any, name: str) -> int:
    """Where a new key goes: after the keys that come before it in the documented order."""
    order = list(QUESTION_KEYS)
    rank = order.index(name) if name in order else len(order)
    pos = 0
    for i, key in enumerate(m):
        if key in order and order.index(key) < rank:
            pos = i + 1
    return pos


def blank_question(qid: str, category: str) -> QuestionForm:
    return replace(QuestionForm(), id=qid, category=category, options=("", ""))
