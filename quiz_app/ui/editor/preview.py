"""Looking at questions before a session: the bank preview (double click in the bank list)
and the editor's preview of one question as the participant screen and the projector tiles
would show it."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.model import FALSE_KEY, TRUE_KEY, Bank, Question, QuestionType
from ..worker import run_in_worker
from .common import bound, fit_to_screen

if TYPE_CHECKING:
    from ...core.banks import BankCache
    from ...core.errors import QuizError
    from ...core.model import Plan


def _e(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


class BankPreviewDialog(QDialog):
    """Every question of a bank (or of a plan's banks) with its key, explanation and
    reference, so a trainer can check the content before a session. Read in a worker."""

    loaded = Signal()

    def __init__(self, path: Path, cache: BankCache | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BankPreview")
        self.setWindowTitle(self.tr("Pratinjau: {0}").format(path.name))
        fit_to_screen(self, parent, 900, 640)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self.tr("Memuat {0}…").format(path.name), self)
        self.heading.setObjectName("SectionTitle")
        self.heading.setWordWrap(True)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(self.tr("Isi bank soal"))
        self.browser.setOpenLinks(False)
        buttons = QDialogButtonBox(self)
        close = buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAccessibleName(self.tr("Tutup"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.heading)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.path = path
        from ...core.banks import load_runnable

        run_in_worker(lambda: load_runnable(path, cache=cache), bound(self, self._show),
                      bound(self, self._failed))

    def _show(self, loaded: tuple[Plan, list[Bank]]) -> None:
        _, banks = loaded
        count = sum(len(b.questions) for b in banks)
        self.heading.setText(self.tr("{0}: {1} soal dari {2} bank").format(
            self.path.name, count, len(banks)))
        self.browser.setHtml("".join(self.bank_html(b) for b in banks))
        self.loaded.emit()

    def _failed(self, exc: QuizError) -> None:
        self.heading.setText(self.tr("{0}: {1} masalah — perbaiki dulu sebelum dipakai").format(
            self.path.name, len(exc.issues)))
        self.browser.setHtml("<ul>" + "".join(f"<li style='color:#b91c1c'>{_e(i.format())}</li>"
                                              for i in exc.issues) + "</ul>")
        self.loaded.emit()

    def bank_html(self, bank: Bank) -> str:
        parts = [f"<h2>{_e(bank.title)}</h2>"]
        if bank.description:
            parts.append(f"<p>{_e(bank.description)}</p>")
        titles = {c.id: c.title for c in bank.categories}
        for n, q in enumerate(bank.questions, start=1):
            parts.append(self.question_html(n, q, titles.get(q.category, q.category)))
        return "".join(parts)

    def question_html(self, number: int, q: Question, category: str) -> str:
        kind = {QuestionType.SINGLE: self.tr("pilihan tunggal"),
                QuestionType.MULTIPLE: self.tr("pilihan ganda kompleks"),
                QuestionType.TRUE_FALSE: self.tr("benar/salah"),
                QuestionType.POLL: self.tr("jajak pendapat")}[q.type]
        out = [f"<hr><p><b>{number}. {_e(q.text)}</b><br><span style='color:#374151'>"
               f"{_e(q.id)} · {_e(category)} · {kind}</span></p><ul>"]
        for opt in q.options:
            label = opt.text
            if q.type is QuestionType.TRUE_FALSE:
                label = self.tr("Benar") if opt.key == TRUE_KEY else self.tr("Salah")
            if opt.key in q.answer:
                out.append(f"<li><b style='color:#166534'>✓ {opt.key}. {_e(label)}</b></li>")
            else:
                out.append(f"<li>{opt.key}. {_e(label)}</li>")
        out.append("</ul>")
        if q.type is QuestionType.POLL:
            out.append("<p><i>" + self.tr("Jajak pendapat: tanpa kunci jawaban.") + "</i></p>")
        else:
            keys = ", ".join(sorted(q.answer))
            if q.type is QuestionType.TRUE_FALSE:
                keys = self.tr("Benar") if TRUE_KEY in q.answer else self.tr("Salah")
            out.append("<p><b>" + self.tr("Kunci:") + f"</b> {_e(keys)}</p>")
        if q.explanation:
            out.append("<p><b>" + self.tr("Penjelasan:") + f"</b> {_e(q.explanation)}</p>")
        if q.reference:
            out.append("<p><b>" + self.tr("Rujukan:") + f"</b> {_e(q.reference)}</p>")
        return "".join(out)


class QuestionPreview(QTabWidget):
    """One question as the participant screen and as the projector's tiles show it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Pratinjau soal"))
        self.participant = QWidget(self)
        self.participant.setObjectName("Screen")
        from ..style import participant_style

        self.participant.setStyleSheet(participant_style(0.7))
        self.participant.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        p_layout = QVBoxLayout(self.participant)
        self.p_category = QLabel("", self.participant)
        self.p_category.setObjectName("Category")
        self.p_text = QLabel("", self.participant)
        self.p_text.setWordWrap(True)
        self.p_text.setObjectName("ReviewQuestion")
        self.p_multi = QLabel("", self.participant)
        self.p_multi.setObjectName("Multi")
        self.p_options = QVBoxLayout()
        p_layout.addWidget(self.p_category)
        p_layout.addWidget(self.p_text)
        p_layout.addWidget(self.p_multi)
        p_layout.addLayout(self.p_options)
        p_layout.addStretch(1)
        self.projector = QWidget(self)
        self.projector.setObjectName("ProjectorPreview")
        from ..presenter import palette

        self.projector.setStyleSheet(f"QWidget#ProjectorPreview {{ background: "
                                     f"{palette.BACKGROUND}; }}")
        self.projector.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        j_layout = QVBoxLayout(self.projector)
        from ..presenter.fit import FitText

        self.j_text = FitText(self.projector, min_px=12, max_px=34)
        self.j_text.setMinimumHeight(90)
        self.j_grid = QGridLayout()
        self.j_grid.setSpacing(8)
        j_layout.addWidget(self.j_text, 2)
        j_layout.addLayout(self.j_grid, 3)
        self.addTab(self.participant, self.tr("Layar peserta"))
        self.addTab(self.projector, self.tr("Proyektor"))
        self._option_widgets: list[QWidget] = []

    def show_question(self, text: str, category: str, qtype: str,
                      options: list[tuple[str, str]]) -> None:
        """``options``: (letter, text) as the participant would see them."""
        from ..participant.widgets import OptionButton
        from ..presenter.audience import grid_shapes
        from ..presenter.palette import tile as tile_style
        from ..presenter.widgets import OptionTile

        for w in self._option_widgets:
            w.hide()
            self.p_options.removeWidget(w)
            self.j_grid.removeWidget(w)
            w.deleteLater()
        self._option_widgets = []
        self.p_category.setText(category)
        self.p_text.setText(text)
        self.p_multi.setText(self.tr("Pilih semua jawaban yang benar")
                             if qtype == QuestionType.MULTIPLE.value else "")
        self.j_text.setText(text)
        for letter, label in options:
            button = OptionButton(letter, label, self.participant)
            button.set_pixel_size(15)
            self.p_options.addWidget(button)
            self._option_widgets.append(button)
        cols, _ = grid_shapes(len(options))[0]
        for i, (_, label) in enumerate(options):  # tiles by position, as the presenter does
            tile = OptionTile(tile_style(i), label, self.projector)
            tile.set_bounds(10, 26)
            tile.setMinimumHeight(48)
            self.j_grid.addWidget(tile, i // cols, i % cols)
            self._option_widgets.append(tile)


def display_options(qtype: str, options: tuple[str, ...], tr_true: str,
                    tr_false: str) -> list[tuple[str, str]]:
    if qtype == QuestionType.TRUE_FALSE.value:
        return [(TRUE_KEY, tr_true), (FALSE_KEY, tr_false)]
    from ...core.model import OPTION_KEYS

    return [(k, t) for k, t in zip(OPTION_KEYS, options, strict=False)]
