"""A wrapped label kept whole (screenfit.keep_text_whole) follows its width both ways."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from quiz_app.ui.screenfit import keep_text_whole

TEXT = ("84 soal, 3 perlu diperiksa. Reliabilitas KR-20 tidak dihitung: peserta mendapat "
        "soal yang berbeda-beda.")


def test_a_label_laid_out_narrow_first_gives_its_height_back_when_wide(qtbot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    label = QLabel(TEXT, page)
    label.setWordWrap(True)
    QVBoxLayout(page).addWidget(label)
    keep_text_whole(label)
    page.resize(90, 400)  # a hidden tab page is first laid out narrow
    page.show()
    qtbot.waitUntil(lambda: label.width() < 100)
    narrow = label.minimumHeight()
    page.resize(900, 400)
    qtbot.waitUntil(lambda: label.width() > 800)
    assert narrow > 4 * label.fontMetrics().lineSpacing()
    assert label.minimumHeight() <= 2 * label.fontMetrics().lineSpacing() + 4
