"""After the test: the result and the review with explanations and legal basis."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core.model import (
    Participant,
    Plan,
    Review,
    Scoring,
    TestKind,
)
from ...core.quiz import (
    AttemptQuestion,
    AttemptResult,
)
from .base import (
    Screen,
    _add_centred,
    _button,
    _card,
    _label,
    _repolish,
    clock_text,
    display_options,
    number_text,
    reflow,
)

# ------------------------------------------------------------------------------ result


class ResultScreen(Screen):
    review = Signal()
    next_participant = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 28, 48, 24)
        outer.addStretch(1)
        self.title = _label("", self, "ScreenTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who = _label("", self, "SessionTitle")
        self.who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner = _label("", self, "Banner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.title)
        outer.addWidget(self.who)
        outer.addWidget(self.banner)
        card, layout = _card(self)
        card.setMaximumWidth(1100)
        self.card = card
        score_row = QHBoxLayout()
        self.nilai = _label("", card, "Nilai", wrap=False)
        self.nilai.setAccessibleName(self.tr("Nilai"))
        self.verdict = _label("", card, "Verdict", wrap=False)
        self.verdict.setAccessibleName(self.tr("Keterangan lulus"))
        score_row.addStretch(1)
        score_row.addWidget(self.nilai)
        score_row.addSpacing(24)
        score_row.addWidget(self.verdict, 0, Qt.AlignmentFlag.AlignVCenter)
        score_row.addStretch(1)
        layout.addLayout(score_row)
        self.summary = _label("", card, "Big")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.summary)
        self.thanks = _label("", card, "Big")
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.thanks)
        self.bars_box = QGridLayout()
        self.bars_box.setHorizontalSpacing(16)
        self.bars_box.setVerticalSpacing(6)
        layout.addLayout(self.bars_box)
        self.bar_widgets: list[QWidget] = []
        row = QHBoxLayout()
        self.review_button = _button(self.tr("Lihat pembahasan"), card,
                                     self.tr("Lihat pembahasan"), "Secondary")
        self.next_button = _button(self.tr("Peserta berikutnya"), card,
                                   self.tr("Peserta berikutnya"))
        row.addStretch(1)
        row.addWidget(self.review_button)
        row.addWidget(self.next_button)
        layout.addSpacing(8)
        layout.addLayout(row)
        _add_centred(outer, card, 6)
        outer.addStretch(2)
        self.review_button.clicked.connect(self.review)
        self.next_button.clicked.connect(self.next_participant)

    def show_result(self, participant: Participant, plan: Plan, result: AttemptResult,
                    titles: dict[str, str], order: list[str], time_up: bool,
                    can_continue: bool) -> None:
        self.who.setText(participant.name)
        self.banner.setText(self.tr("Waktu tes habis — jawaban Anda dikirim otomatis.")
                            if time_up else "")
        self.banner.setVisible(time_up)
        for widget in self.bar_widgets:
            self.bars_box.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self.bar_widgets = []
        survey = plan.kind == TestKind.SURVEY or not result.graded
        show_score = not survey and plan.review != Review.NONE
        self.review_button.setVisible(plan.review == Review.ANSWERS and not survey)
        self.next_button.setText(self.tr("Peserta berikutnya") if can_continue
                                 else self.tr("Selesai"))
        for widget in (self.nilai, self.verdict, self.summary):
            widget.setVisible(show_score)
        if not show_score:
            self.title.setText(self.tr("Terima kasih"))
            self.thanks.setText(self.tr("Jawaban Anda sudah tersimpan. Terima kasih atas "
                                        "partisipasi Anda."))
            self.thanks.show()
            return
        self.thanks.hide()
        self.title.setText(self.tr("Hasil Tes"))
        self.nilai.setText(number_text(result.nilai))
        self.verdict.setText(self.tr("LULUS") if result.passed else self.tr("TIDAK LULUS"))
        _repolish(self.verdict, "failed", not result.passed)
        parts = [self.tr("Benar {0}").format(result.correct)]
        if result.partial:
            parts.append(self.tr("Sebagian benar {0}").format(result.partial))
        parts += [
            self.tr("Salah {0}").format(result.wrong),
            self.tr("Tidak dijawab {0}").format(result.unanswered),
            self.tr("Waktu {0}").format(clock_text(result.duration)),
        ]
        text = " · ".join(parts)
        text += "\n" + self.tr("Nilai lulus {0}").format(number_text(plan.pass_mark))
        if plan.scoring == Scoring.SPEED:
            text += " · " + self.tr("Poin kecepatan {0}").format(number_text(result.raw_points))
        self.summary.setText(text)
        cats = [c for c in order if c in result.nilai_per_category]
        cats += [c for c in result.nilai_per_category if c not in cats]
        if len(cats) > 1:
            for row, cat in enumerate(cats):
                value = result.nilai_per_category[cat]
                name = titles.get(cat) or cat.replace("-", " ").title()
                label = _label(name, self.card, wrap=False)
                bar = QProgressBar(self.card)
                bar.setObjectName("CategoryBar")
                bar.setRange(0, 100)
                bar.setValue(round(value))
                bar.setTextVisible(False)
                bar.setAccessibleName(self.tr("Nilai kategori {0}").format(name))
                bar.setProperty("low", value < plan.pass_mark)
                number = _label(number_text(value), self.card, wrap=False)
                number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                number.setMinimumWidth(70)
                self.bars_box.addWidget(label, row, 0)
                self.bars_box.addWidget(bar, row, 1)
                self.bars_box.addWidget(number, row, 2)
                self.bar_widgets += [label, bar, number]
            self.bars_box.setColumnStretch(1, 1)

    def enter(self) -> None:
        target = self.review_button if self.review_button.isVisible() else self.next_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)


# ------------------------------------------------------------------------------ review


class ReviewScreen(Screen):
    back = Signal()
    next_participant = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 24, 48, 18)
        title = _label(self.tr("Pembahasan"), self, "ScreenTitle")
        outer.addWidget(title)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAccessibleName(self.tr("Daftar pembahasan"))
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        outer.addWidget(self.scroll, 1)
        row = QHBoxLayout()
        self.back_button = _button(self.tr("←  Kembali ke hasil"), self,
                                   self.tr("Kembali ke hasil"), "Secondary")
        self.next_button = _button(self.tr("Peserta berikutnya"), self,
                                   self.tr("Peserta berikutnya"))
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.next_button)
        outer.addLayout(row)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next_participant)

    def show_review(self, questions: tuple[AttemptQuestion, ...], result: AttemptResult,
                    answers: dict[str, frozenset[str]], titles: dict[str, str],
                    can_continue: bool) -> None:
        self.next_button.setText(self.tr("Peserta berikutnya") if can_continue
                                 else self.tr("Selesai"))
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setSpacing(12)
        scores = {s.question_id: s for s in result.per_question}
        for number, aq in enumerate(questions, start=1):
            card, inner = _card(body)
            q = aq.question
            options = display_options(aq)
            letter_of = {key: letter for letter, key, _ in options}
            head = self.tr("Soal {0}").format(number)
            if q.category in titles:
                head += " · " + titles[q.category]
            inner.addWidget(_label(head, card, "Category"))
            inner.addWidget(_label(reflow(q.text), card, "ReviewQuestion"))
            chosen = answers.get(q.id, frozenset())
            mine = "; ".join(f"{letter_of[k]}. {q.option(k).text}"
                             for k in aq.option_order if k in chosen)
            inner.addWidget(_label(self.tr("Jawaban Anda: {0}").format(
                mine or self.tr("(tidak dijawab)")), card))
            if q.scored:
                right = "; ".join(f"{letter_of[k]}. {q.option(k).text}"
                                  for k in aq.option_order if k in q.answer)
                inner.addWidget(_label(self.tr("Jawaban benar: {0}").format(right), card))
                score = scores.get(q.id)
                if score is not None and score.correct:
                    verdict = _label(self.tr("✓ Benar"), card, "ReviewRight")
                elif score is not None and score.answered and score.fraction > 0:
                    verdict = _label(self.tr("◐ Sebagian benar"), card, "ReviewPartial")
                elif score is not None and score.answered:
                    verdict = _label(self.tr("✗ Salah"), card, "ReviewWrong")
                else:
                    verdict = _label(self.tr("✗ Tidak dijawab"), card, "ReviewWrong")
                inner.addWidget(verdict)
            if q.explanation:
                inner.addWidget(_label(self.tr("Pembahasan: {0}").format(q.explanation), card,
                                       "Hint"))
            if q.reference:
                inner.addWidget(_label(self.tr("Dasar hukum: {0}").format(q.reference), card,
                                       "Hint"))
            layout.addWidget(card)
        layout.addStretch(1)
        self.scroll.setWidget(body)

    def enter(self) -> None:
        self.scroll.setFocus(Qt.FocusReason.OtherFocusReason)
