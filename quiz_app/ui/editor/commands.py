"""Undo/redo steps of the bank editor (QUndoStack). Each step changes the document and
tells the window which question to show; typing in one field merges into one step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from ...core.banks.editing import BankDocument, QuestionForm

Refresh = Callable[[int | None], None]  # the question to show (None: keep the current one)

MERGE_ID = 1801


class EditQuestion(QUndoCommand):
    def __init__(self, doc: BankDocument, index: int, before: QuestionForm,
                 after: QuestionForm, field: str, refresh: Refresh, text: str) -> None:
        super().__init__(text)
        self.doc, self.index, self.before, self.after = doc, index, before, after
        self.field, self.refresh = field, refresh
        self._first = True

    def id(self) -> int:
        return MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt naming
        if not isinstance(other, EditQuestion) or (other.index, other.field) != (
                self.index, self.field) or self.field in ("type", "image"):
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        self.doc.set_form(self.index, self.after)
        if self._first:  # the form already shows it: do not reload under the trainer's cursor
            self._first = False
            self.refresh(None)
        else:
            self.refresh(self.index)

    def undo(self) -> None:
        self.doc.set_form(self.index, self.before)
        self.refresh(self.index)


class InsertQuestion(QUndoCommand):
    def __init__(self, doc: BankDocument, index: int, form: QuestionForm, refresh: Refresh,
                 text: str) -> None:
        super().__init__(text)
        self.doc, self.index, self.form, self.refresh = doc, index, form, refresh

    def redo(self) -> None:
        self.doc.insert(self.index, self.form)
        self.refresh(self.index)

    def undo(self) -> None:
        self.doc.remove(self.index)
        self.refresh(min(self.index, self.doc.count() - 1) if self.doc.count() else -1)


class RemoveQuestion(QUndoCommand):
    def __init__(self, doc: BankDocument, index: int, refresh: Refresh, text: str) -> None:
        super().__init__(text)
        self.doc, self.index, self.refresh = doc, index, refresh
        self.form = doc.form(index)

    def redo(self) -> None:
        self.doc.remove(self.index)
        self.refresh(min(self.index, self.doc.count() - 1) if self.doc.count() else -1)

    def undo(self) -> None:
        self.doc.insert(self.index, self.form)
        self.refresh(self.index)


class MoveQuestion(QUndoCommand):
    def __init__(self, doc: BankDocument, index: int, to: int, refresh: Refresh,
                 text: str) -> None:
        super().__init__(text)
        self.doc, self.index, self.to, self.refresh = doc, index, to, refresh

    def redo(self) -> None:
        self.doc.move(self.index, self.to)
        self.refresh(self.to)

    def undo(self) -> None:
        self.doc.move(self.to, self.index)
        self.refresh(self.index)


class SetMeta(QUndoCommand):
    def __init__(self, doc: BankDocument, key: str, before: str, after: str, refresh: Refresh,
                 text: str) -> None:
        super().__init__(text)
        self.doc, self.key, self.before, self.after, self.refresh = (
            doc, key, before, after, refresh)
        self._first = True

    def id(self) -> int:
        return MERGE_ID + 1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt naming
        if not isinstance(other, SetMeta) or other.key != self.key:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        self.doc.set_meta(self.key, self.after)
        self.refresh(None if self._first else -2)
        self._first = False

    def undo(self) -> None:
        self.doc.set_meta(self.key, self.before)
        self.refresh(-2)


class AddCategory(QUndoCommand):
    def __init__(self, doc: BankDocument, cid: str, title: str, refresh: Refresh,
                 text: str) -> None:
        super().__init__(text)
        self.doc, self.cid, self.title, self.refresh = doc, cid, title, refresh

    def redo(self) -> None:
        self.doc.add_category(self.cid, self.title)
        self.refresh(-2)

    def undo(self) -> None:
        self.doc.remove_category(self.cid)
        self.refresh(-2)
