"""Buat/ubah bank soal: a question list with category filter and search, a form for one
question, live validation with the validator's located messages, a preview as participant
screen and projector tiles, undo/redo and an atomic save that keeps the file's comments.

File work (open, save, import, export) runs in a worker; validation of the text as it
would be saved runs in a worker too, a moment after the last change.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.banks.editing import BankDocument, QuestionForm, blank_question
from ...core.model import FALSE_KEY, OPTION_KEYS, TRUE_KEY, QuestionType
from .. import dialogs
from ..worker import run_in_worker
from .commands import (
    AddCategory,
    EditQuestion,
    InsertQuestion,
    MoveQuestion,
    RemoveQuestion,
    SetMeta,
)
from .common import bound, fit_to_screen
from .files import EditorFiles
from .preview import QuestionPreview, display_options

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from ...core.errors import Issue

VALIDATE_DELAY_MS = 300
TYPES = ("single", "multiple", "true_false", "poll")
DIFFICULTIES = ("", "easy", "medium", "hard")
SHUFFLES = ("", "true", "false")
_SPLIT = re.compile(r"[,;\s]+")


class _WindowUndoKeys(QObject):
    """Sends Ctrl+Z / Ctrl+Y in a text field to the editor's undo stack, not to the field's
    own undo (which would fight with it and lose steps)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)):
            event.ignore()
            return True
        return False


class EditorWindow(EditorFiles, QMainWindow):
    validated = Signal()  # live validation finished (tests wait on it)
    saved = Signal(Path)
    opened = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BankEditor")
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowTitle(self.tr("Penyunting bank soal"))
        self.doc: BankDocument | None = None
        self.current = -1
        self.issues: list[Issue] = []
        self._loading = False
        self._generation = 0
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)  # a method: disconnected
        # with the window (a lambda would run while the window is being destroyed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(VALIDATE_DELAY_MS)
        self._timer.timeout.connect(self.validate_now)
        self._build_actions()
        self._build()
        self._set_enabled(False)
        fit_to_screen(self, parent, 1280, 720)

    # ------------------------------------------------------------------ building

    def _build_actions(self) -> None:
        bar = self.addToolBar(self.tr("Berkas"))
        bar.setObjectName("EditorToolbar")
        bar.setMovable(False)

        def action(text: str, slot: object, shortcut: QKeySequence | str | None = None
                   ) -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            bar.addAction(act)
            return act

        self.new_action = action(self.tr("Bank baru…"), self.new_bank)
        self.open_action = action(self.tr("Buka…"), self.open_bank, QKeySequence.StandardKey.Open)
        self.save_action = action(self.tr("Simpan"), self.save, QKeySequence.StandardKey.Save)
        bar.addSeparator()
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Urungkan"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Ulangi"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        bar.addAction(self.undo_action)
        bar.addAction(self.redo_action)
        bar.addSeparator()
        self.import_action = action(self.tr("Impor…"), self.import_file)
        self.import_action.setToolTip(self.tr("Impor soal dari templat Excel, Kahoot, Quizizz, "
                                              "Moodle GIFT atau Aiken"))
        self.template_action = action(self.tr("Templat Excel…"), self.save_template)
        self.export_action = action(self.tr("Ekspor ke Excel…"), self.export_xlsx)

    def _build(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)

        # -- left: bank, filter, list
        left = QWidget(splitter)
        lv = QVBoxLayout(left)
        meta = QFormLayout()
        self.bank_id = QLineEdit(left)
        self.bank_id.setAccessibleName(self.tr("ID bank"))
        self.bank_title = QLineEdit(left)
        self.bank_title.setAccessibleName(self.tr("Judul bank"))
        meta.addRow(self.tr("ID bank"), self.bank_id)
        meta.addRow(self.tr("Judul bank"), self.bank_title)
        self.bank_id.textEdited.connect(lambda t: self._meta_edited("id", t))
        self.bank_title.textEdited.connect(lambda t: self._meta_edited("title", t))
        lv.addLayout(meta)
        self.category_filter = QComboBox(left)
        self.category_filter.setAccessibleName(self.tr("Saring kategori"))
        self.category_filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.search = QLineEdit(left)
        self.search.setPlaceholderText(self.tr("Cari soal…"))
        self.search.setAccessibleName(self.tr("Cari soal"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._apply_filter())
        lv.addWidget(self.category_filter)
        lv.addWidget(self.search)
        self.question_list = QListWidget(left)
        self.question_list.setAccessibleName(self.tr("Daftar soal"))
        self.question_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.question_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.question_list.currentRowChanged.connect(self._row_chosen)
        lv.addWidget(self.question_list, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Tambah soal"), left)
        self.add_button.setAccessibleName(self.tr("Tambah soal"))
        self.add_button.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.add_button.setToolTip(self.add_button.shortcut().toString(
            QKeySequence.SequenceFormat.NativeText))
        self.add_button.clicked.connect(lambda _=False: self.add_question())
        self.remove_button = QPushButton(self.tr("Hapus soal"), left)
        self.remove_button.setAccessibleName(self.tr("Hapus soal"))
        self.remove_button.clicked.connect(lambda _=False: self.remove_question())
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        self.up_button = QPushButton("▲", left)
        self.up_button.setAccessibleName(self.tr("Naikkan soal"))
        self.up_button.setToolTip(self.tr("Naikkan soal (Alt+Atas)"))
        self.up_button.setShortcut(QKeySequence("Alt+Up"))
        self.up_button.clicked.connect(lambda _=False: self.move_question(-1))
        self.down_button = QPushButton("▼", left)
        self.down_button.setAccessibleName(self.tr("Turunkan soal"))
        self.down_button.setToolTip(self.tr("Turunkan soal (Alt+Bawah)"))
        self.down_button.setShortcut(QKeySequence("Alt+Down"))
        self.down_button.clicked.connect(lambda _=False: self.move_question(1))
        for arrow in (self.up_button, self.down_button):  # narrow: the list keeps its width
            arrow.setStyleSheet("padding: 8px 6px;")
            arrow.setFixedWidth(34)
        row.addWidget(self.up_button)
        row.addWidget(self.down_button)
        lv.addLayout(row)
        cat_row = QHBoxLayout()
        self.new_category = QLineEdit(left)
        self.new_category.setPlaceholderText(self.tr("Judul kategori baru"))
        self.new_category.setAccessibleName(self.tr("Judul kategori baru"))
        self.add_category_button = QPushButton(self.tr("Tambah kategori"), left)
        self.add_category_button.setAccessibleName(self.tr("Tambah kategori"))
        self.add_category_button.clicked.connect(lambda _=False: self.add_category())
        self.new_category.returnPressed.connect(self.add_category)
        cat_row.addWidget(self.new_category, 1)
        cat_row.addWidget(self.add_category_button)
        lv.addLayout(cat_row)

        # -- middle: the form
        scroll = QScrollArea(splitter)
        scroll.setWidgetResizable(True)
        form_widget = QWidget(scroll)
        self.form = QFormLayout(form_widget)
        self.question_problems = QLabel("", form_widget)  # this question's problems, on top
        self.question_problems.setObjectName("Problem")
        self.question_problems.setWordWrap(True)
        self.form.addRow(self.question_problems)
        self.f_id = self._line(self.tr("ID soal"), "id")
        self.f_category = QComboBox(form_widget)
        self.f_category.setEditable(True)
        self.f_category.setAccessibleName(self.tr("Kategori"))
        self.f_category.currentTextChanged.connect(lambda _t: self._form_edited("category"))
        self.form.addRow(self.tr("Kategori"), self.f_category)
        self.f_type = QComboBox(form_widget)
        self.f_type.setAccessibleName(self.tr("Jenis soal"))
        for code, label in zip(TYPES, (self.tr("Pilihan tunggal"),
                                       self.tr("Pilihan ganda kompleks"),
                                       self.tr("Benar/Salah"), self.tr("Jajak pendapat")),
                               strict=True):
            self.f_type.addItem(label, code)
        self.f_type.currentIndexChanged.connect(lambda _i: self._form_edited("type"))
        self.form.addRow(self.tr("Jenis"), self.f_type)
        self.f_text = self._text(self.tr("Teks soal"), "text", 90)
        self.f_options: list[QLineEdit] = []
        for key in OPTION_KEYS:
            edit = QLineEdit(form_widget)
            edit.setAccessibleName(self.tr("Pilihan {0}").format(key))
            edit.textEdited.connect(lambda _t: self._form_edited("options"))
            self.form.addRow(self.tr("Pilihan {0}").format(key), edit)
            self.f_options.append(edit)
        self.f_answer = self._line(self.tr("Jawaban"), "answer")
        self.f_answer.setPlaceholderText(self.tr("mis. B; A, C; atau Benar/Salah"))
        self.f_explanation = self._text(self.tr("Penjelasan"), "explanation", 70)
        self.f_reference = self._line(self.tr("Rujukan"), "reference")
        self.f_difficulty = QComboBox(form_widget)
        self.f_difficulty.setAccessibleName(self.tr("Kesulitan"))
        for code, label in zip(DIFFICULTIES, ("—", self.tr("Mudah"), self.tr("Sedang"),
                                              self.tr("Sulit")), strict=True):
            self.f_difficulty.addItem(label, code)
        self.f_difficulty.currentIndexChanged.connect(lambda _i: self._form_edited("difficulty"))
        self.form.addRow(self.tr("Kesulitan"), self.f_difficulty)
        self.f_points = self._line(self.tr("Poin"), "points")
        self.f_points.setPlaceholderText(self.tr("kosong = bawaan bank (1)"))
        self.f_time = self._line(self.tr("Batas waktu (detik)"), "time_limit")
        self.f_time.setPlaceholderText(self.tr("kosong = bawaan bank atau rencana sesi (30)"))
        self.f_shuffle = QComboBox(form_widget)
        self.f_shuffle.setAccessibleName(self.tr("Acak pilihan"))
        for code, label in zip(SHUFFLES, (self.tr("bawaan bank"), self.tr("Ya"),
                                          self.tr("Tidak")), strict=True):
            self.f_shuffle.addItem(label, code)
        self.f_shuffle.currentIndexChanged.connect(lambda _i: self._form_edited("shuffle"))
        self.form.addRow(self.tr("Acak pilihan"), self.f_shuffle)
        image_row = QHBoxLayout()
        self.f_image = QLineEdit(form_widget)
        self.f_image.setReadOnly(True)
        self.f_image.setAccessibleName(self.tr("Gambar"))
        self.image_button = QPushButton(self.tr("Pilih…"), form_widget)
        self.image_button.setAccessibleName(self.tr("Pilih gambar"))
        self.image_button.clicked.connect(lambda _=False: self.choose_image())
        self.image_clear = QPushButton(self.tr("Hapus"), form_widget)
        self.image_clear.setAccessibleName(self.tr("Hapus gambar"))
        self.image_clear.clicked.connect(lambda _=False: self.set_image(""))
        image_row.addWidget(self.f_image, 1)
        image_row.addWidget(self.image_button)
        image_row.addWidget(self.image_clear)
        self.form.addRow(self.tr("Gambar"), image_row)
        self.f_tags = self._line(self.tr("Tag (pisah koma)"), "tags")
        scroll.setWidget(form_widget)
        self.form_widget = form_widget

        # -- right: preview and problems
        right = QWidget(splitter)
        rv = QVBoxLayout(right)
        self.preview = QuestionPreview(right)
        rv.addWidget(self.preview, 3)
        self.status = QLabel("", right)
        self.status.setObjectName("StatusLine")
        self.status.setWordWrap(True)
        rv.addWidget(self.status)
        self.problem_list = QListWidget(right)
        self.problem_list.setAccessibleName(self.tr("Masalah di bank"))
        self.problem_list.setWordWrap(True)
        self.problem_list.itemActivated.connect(self._problem_chosen)
        self.problem_list.itemClicked.connect(self._problem_chosen)
        rv.addWidget(self.problem_list, 2)

        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 3)
        self.setCentralWidget(splitter)
        self._undo_keys = _WindowUndoKeys(self)
        for edit in [*self.findChildren(QLineEdit), *self.findChildren(QPlainTextEdit)]:
            edit.installEventFilter(self._undo_keys)
            if isinstance(edit, QPlainTextEdit):
                edit.setUndoRedoEnabled(False)
        self.empty_hint = self.tr("Buat bank baru, buka bank (.yaml), atau impor soal dari "
                                  "Excel, Kahoot, Quizizz, Moodle GIFT atau Aiken.")
        self.status.setText(self.empty_hint)

    def _line(self, label: str, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(label)
        edit.textEdited.connect(lambda _t: self._form_edited(name))
        self.form.addRow(label, edit)
        return edit

    def _text(self, label: str, name: str, height: int) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setAccessibleName(label)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(height)
        edit.textChanged.connect(lambda: self._form_edited(name))
        self.form.addRow(label, edit)
        return edit

    def _set_enabled(self, on: bool) -> None:
        for w in (self.form_widget, self.add_button, self.remove_button, self.up_button,
                  self.down_button, self.bank_id,
                  self.bank_title, self.new_category, self.add_category_button,
                  self.search, self.category_filter):
            w.setEnabled(on)
        for a in (self.save_action, self.export_action):
            a.setEnabled(on)
        if on and self.current < 0:
            self.form_widget.setEnabled(False)
            for w in (self.remove_button, self.up_button, self.down_button):
                w.setEnabled(False)

    # ------------------------------------------------------------------ documents

    def set_document(self, doc: BankDocument) -> None:
        self.doc = doc
        self.undo_stack.clear()
        self._set_enabled(True)
        self._refresh_bank()
        self.refresh(0 if doc.count() else -1)
        self._update_title()
        self.opened.emit()

    # ------------------------------------------------------------------ showing

    def refresh(self, index: int | None) -> None:
        """After a change: rebuild the list; ``index`` ≥ 0 shows that question, -1 none,
        -2 reloads the bank fields, None keeps the form as the trainer is typing it."""
        if index == -2:
            self._refresh_bank()
            index = self.current if self.current < (self.doc.count() if self.doc else 0) else -1
            self._fill_list(index)
            self._show_form(index)
        elif index is None:
            self._fill_list(self.current)
            self._update_preview()
        else:
            self._fill_list(index)
            self._show_form(index)
        self._schedule_validation()
        self._update_title()

    def _refresh_bank(self) -> None:
        doc = self.doc
        assert doc is not None
        self._loading = True
        self.bank_id.setText(doc.meta("id"))
        self.bank_title.setText(doc.meta("title"))
        chosen = self.category_filter.currentData()
        self.category_filter.clear()
        self.category_filter.addItem(self.tr("Semua kategori"), "")
        current_cat = self.f_category.currentText()
        self.f_category.clear()
        for cid, title in doc.categories():
            self.category_filter.addItem(f"{title} ({cid})", cid)
            self.f_category.addItem(cid)
        found = self.category_filter.findData(chosen)
        self.category_filter.setCurrentIndex(max(0, found))
        self.f_category.setCurrentText(current_cat)
        self._loading = False

    def _fill_list(self, index: int) -> None:
        doc = self.doc
        assert doc is not None
        self._loading = True
        self.question_list.clear()
        for i, form in enumerate(doc.forms()):
            text = " ".join(form.text.split())
            item = QListWidgetItem(f"{i + 1}. {form.id or '—'} — {text[:70]}")
            item.setToolTip(text)
            item.setData(Qt.ItemDataRole.UserRole, form.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, form.category)
            self.question_list.addItem(item)
        self.question_list.setCurrentRow(index)
        self._loading = False
        self._mark_problems()
        self._apply_filter()

    def _apply_filter(self) -> None:
        if self._loading:
            return
        cat = self.category_filter.currentData() or ""
        words = self.search.text().casefold().split()
        doc = self.doc
        forms = doc.forms() if doc is not None else []
        for i in range(self.question_list.count()):
            form = forms[i] if i < len(forms) else QuestionForm()
            hay = " ".join((form.id, form.text, *form.options, form.explanation,
                            form.reference)).casefold()
            hidden = (bool(cat) and form.category != cat) or any(w not in hay for w in words)
            self.question_list.item(i).setHidden(hidden)

    def _row_chosen(self, row: int) -> None:
        if self._loading or row == self.current:
            return
        self._show_form(row)

    def _show_form(self, index: int) -> None:
        doc = self.doc
        self.current = index if doc is not None and 0 <= index < doc.count() else -1
        self.form_widget.setEnabled(self.current >= 0)
        for w in (self.remove_button, self.up_button, self.down_button):
            w.setEnabled(self.current >= 0)
        if self.current < 0 or doc is None:
            self._update_preview()
            return
        f = doc.form(self.current)
        self._loading = True
        self.f_id.setText(f.id)
        self.f_category.setCurrentText(f.category)
        self.f_type.setCurrentIndex(max(0, self.f_type.findData(f.type)))
        if self.f_text.toPlainText() != f.text:
            self.f_text.setPlainText(f.text)
        for i, edit in enumerate(self.f_options):
            edit.setText(f.options[i] if i < len(f.options) else "")
        self.f_answer.setText(self._answer_text(f))
        if self.f_explanation.toPlainText() != f.explanation:
            self.f_explanation.setPlainText(f.explanation)
        self.f_reference.setText(f.reference)
        self.f_difficulty.setCurrentIndex(max(0, self.f_difficulty.findData(f.difficulty)))
        self.f_points.setText(f.points)
        self.f_time.setText(f.time_limit)
        self.f_shuffle.setCurrentIndex(max(0, self.f_shuffle.findData(f.shuffle)))
        self.f_image.setText(f.image)
        self.f_tags.setText(", ".join(f.tags))
        self._loading = False
        self._enable_options(f.type)
        self._show_question_problems()
        self._update_preview()

    def _answer_text(self, f: QuestionForm) -> str:
        if f.type == QuestionType.TRUE_FALSE.value and f.answer in ((TRUE_KEY,), (FALSE_KEY,)):
            return self.tr("Benar") if f.answer == (TRUE_KEY,) else self.tr("Salah")
        return ", ".join(f.answer)

    def _enable_options(self, qtype: str) -> None:
        for edit in self.f_options:
            edit.setEnabled(qtype != QuestionType.TRUE_FALSE.value)
        self.f_answer.setEnabled(qtype != QuestionType.POLL.value)

    def _update_preview(self) -> None:
        doc = self.doc
        if doc is None or self.current < 0:
            self.preview.show_question("", "", "single", [])
            return
        f = doc.form(self.current)
        titles = dict(doc.categories())
        options = display_options(f.type, f.options, self.tr("Benar"), self.tr("Salah"))
        self.preview.show_question(f.text, titles.get(f.category, f.category), f.type,
                                   [(k, t) for k, t in options if t])

    def _clean_changed(self, _clean: bool) -> None:
        self._update_title()

    def _update_title(self) -> None:
        doc = self.doc
        name = doc.path.name if doc is not None else ""
        mark = "" if self.undo_stack.isClean() else " *"
        self.setWindowTitle(self.tr("Penyunting bank soal") + (f" — {name}{mark}" if name else ""))

    # ------------------------------------------------------------------ editing

    def read_form(self) -> QuestionForm:
        options = [e.text() for e in self.f_options]
        while options and not options[-1].strip():
            options.pop()
        qtype = self.f_type.currentData() or "single"
        raw = self.f_answer.text().strip()
        answer: tuple[str, ...]
        if qtype == QuestionType.TRUE_FALSE.value:
            word = raw.casefold()
            if word in ("benar", "b", "true", self.tr("Benar").casefold()):
                answer = (TRUE_KEY,)
            elif word in ("salah", "s", "false", self.tr("Salah").casefold()):
                answer = (FALSE_KEY,)
            else:
                answer = (raw,) if raw else ()
        else:
            answer = tuple(p.upper() if len(p) == 1 else p for p in _SPLIT.split(raw) if p)
        tags = tuple(t.strip() for t in self.f_tags.text().split(",") if t.strip())
        return QuestionForm(
            id=self.f_id.text().strip(), category=self.f_category.currentText().strip(),
            type=qtype, text=self.f_text.toPlainText(), options=tuple(options), answer=answer,
            explanation=self.f_explanation.toPlainText(), reference=self.f_reference.text(),
            difficulty=self.f_difficulty.currentData() or "", points=self.f_points.text(),
            time_limit=self.f_time.text(), shuffle=self.f_shuffle.currentData() or "",
            image=self.f_image.text(), tags=tags)

    def _form_edited(self, field: str) -> None:
        doc = self.doc
        if self._loading or doc is None or self.current < 0:
            return
        before = doc.form(self.current)
        after = self.read_form()
        if field == "type":
            self._enable_options(after.type)
        if after == before:
            return
        self.undo_stack.push(EditQuestion(doc, self.current, before, after, field, self.refresh,
                                          self.tr("ubah soal")))

    def _meta_edited(self, key: str, value: str) -> None:
        doc = self.doc
        if self._loading or doc is None:
            return
        self.undo_stack.push(SetMeta(doc, key, doc.meta(key), value, self.refresh,
                                     self.tr("ubah bank")))

    def add_question(self) -> None:
        doc = self.doc
        if doc is None:
            return
        ids = {f.id for f in doc.forms()}
        n = doc.count() + 1
        while f"soal-{n}" in ids:
            n += 1
        cats = doc.categories()
        current = doc.form(self.current).category if self.current >= 0 else ""
        category = current or (cats[0][0] if cats else "")
        index = doc.count()
        self.undo_stack.push(InsertQuestion(doc, index, blank_question(f"soal-{n}", category),
                                            self.refresh, self.tr("tambah soal")))
        self.f_text.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_question(self) -> None:
        doc = self.doc
        if doc is None or self.current < 0:
            return
        self.undo_stack.push(RemoveQuestion(doc, self.current, self.refresh,
                                            self.tr("hapus soal")))

    def move_question(self, step: int) -> None:
        doc = self.doc
        if doc is None or self.current < 0:
            return
        to = self.current + step
        if 0 <= to < doc.count():
            self.undo_stack.push(MoveQuestion(doc, self.current, to, self.refresh,
                                              self.tr("pindahkan soal")))

    def add_category(self) -> None:
        doc = self.doc
        title = " ".join(self.new_category.text().split())
        if doc is None or not title:
            return
        from ...core.banks.importers.draft import slugify

        taken = {cid for cid, _ in doc.categories()}
        base = slugify(title, "kategori")
        cid, n = base, 2
        while cid in taken:
            cid, n = f"{base}-{n}", n + 1
        self.new_category.clear()
        self.undo_stack.push(AddCategory(doc, cid, title, self.refresh,
                                         self.tr("tambah kategori")))

    def choose_image(self) -> None:
        doc = self.doc
        if doc is None or self.current < 0:
            return
        path = dialogs.open_file(self, self.tr("Pilih gambar"),
                                 self.tr("Gambar (*.png *.jpg *.jpeg *.svg)"))
        if path is None:
            return
        folder = doc.folder()
        target = path.resolve()
        if not target.is_relative_to(folder):
            dialogs.show_message(self, self.tr("Gambar di luar folder bank"), self.tr(
                "Gambar harus berada di folder bank soal ({0}) atau subfoldernya. Salin "
                "gambar ke sana, lalu pilih lagi.").format(folder))
            return
        self.set_image(target.relative_to(folder).as_posix())

    def set_image(self, rel: str) -> None:
        self.f_image.setText(rel)
        self._form_edited("image")

    # ------------------------------------------------------------------ validation

    def _schedule_validation(self) -> None:
        self._generation += 1
        self._timer.start()

    def validate_now(self, sync: bool = False) -> None:
        doc = self.doc
        if doc is None:
            return
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        text = doc.text()
        if sync:
            self._validated(generation, doc.validate(text))
            return
        run_in_worker(lambda: doc.validate(text),
                      bound(self, lambda issues: self._validated(generation, issues)))

    def _validated(self, generation: int, issues: list[Issue]) -> None:
        if generation != self._generation:
            return  # a newer change is being checked
        self.issues = list(issues)
        self.problem_list.clear()
        for issue in self.issues:
            item = QListWidgetItem(issue.format())
            item.setData(Qt.ItemDataRole.UserRole, issue.question_id or "")
            item.setForeground(QColor("#b91c1c"))
            self.problem_list.addItem(item)
        if self.issues:
            self.status.setText(self.tr("{0} masalah — bank belum dapat dipakai").format(
                len(self.issues)))
        else:
            count = self.doc.count() if self.doc else 0
            self.status.setText(self.tr("{0} soal — valid").format(count))
        self._mark_problems()
        self._show_question_problems()
        self.validated.emit()

    def _mark_problems(self) -> None:
        bad = {i.question_id for i in self.issues if i.question_id}
        for row in range(self.question_list.count()):
            item = self.question_list.item(row)
            qid = item.data(Qt.ItemDataRole.UserRole)
            item.setForeground(QColor("#b91c1c") if qid in bad else QColor("#111827"))

    def _show_question_problems(self) -> None:
        doc = self.doc
        if doc is None or self.current < 0:
            self.question_problems.setText("")
            return
        qid = doc.form(self.current).id
        mine = [i.format() for i in self.issues if i.question_id and i.question_id == qid]
        self.question_problems.setText("\n".join(mine))

    def _problem_chosen(self, item: QListWidgetItem) -> None:
        qid = item.data(Qt.ItemDataRole.UserRole)
        doc = self.doc
        if not qid or doc is None:
            return
        for i, form in enumerate(doc.forms()):
            if form.id == qid:
                self.question_list.setCurrentRow(i)
                return

    # ------------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._may_discard():
            event.ignore()
            return
        super().closeEvent(event)


def open_editor(parent: QWidget | None, path: Path | None = None) -> EditorWindow:
    window = EditorWindow(parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    if path is not None:
        window.open_path(path)
    window.show()
    return window

