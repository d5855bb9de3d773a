"""Shared pieces of the participant screens: the Screen base, cards, labels, buttons,
key mapping and number/clock texts."""

from __future__ import annotations

import math
import re
import string

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.model import OPTION_KEYS
from ...core.quiz import (
    AttemptQuestion,
)

WARN_QUESTION_SECONDS = 10
WARN_TEST_SECONDS = 60

_LETTER_KEYS = {getattr(Qt.Key, f"Key_{c}"): c for c in OPTION_KEYS}
_DIGIT_KEYS = {getattr(Qt.Key, f"Key_{i + 1}"): i for i in range(len(OPTION_KEYS))}
# keys a participant may press meaning "an answer": any letter or digit
_ANSWER_LIKE = {getattr(Qt.Key, f"Key_{c}"): c for c in string.ascii_uppercase + string.digits}
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def display_options(aq: AttemptQuestion) -> list[tuple[str, str, str]]:
    """``(shown letter, option key, text)`` in display order. Letters are by position
    (A, B, C ... whatever the shuffle), true/false included: A = Benar, B = Salah, as on
    the projector (:attr:`~quiz_app.core.quiz.AttemptQuestion.letters`)."""
    q = aq.question
    return [(letter, k, q.option(k).text) for letter, k in zip(aq.letters, aq.option_order,
                                                                strict=True)]


def key_for_event(aq: AttemptQuestion, key: int) -> str | None:
    """The option key chosen by a key press on this question (its letter, or its
    position as a digit 1-8), or None."""
    letter = _LETTER_KEYS.get(key)  # type: ignore[call-overload]
    if letter is None:
        index = _DIGIT_KEYS.get(key)  # type: ignore[call-overload]
        if index is None or index >= len(aq.letters):
            return None
        letter = aq.letters[index]
    return aq.key_for_letter(letter)


def unused_key(aq: AttemptQuestion, key: int) -> str | None:
    """The character of a letter or digit key that chooses nothing on this question (to
    say so on screen), or None for other keys and for keys that choose an option."""
    char = _ANSWER_LIKE.get(key)  # type: ignore[call-overload]
    if char is None or key_for_event(aq, key) is not None:
        return None
    return char


_BREAK_AFTER = (":",)
_LIST_START = re.compile(r"^\s*(?:[-*•]|\d+[.)]|[a-hA-H][.)])\s")


def reflow(text: str) -> str:
    """Join the hard line breaks a bank's YAML block left inside a paragraph, so the text
    wraps to the screen; keep paragraph breaks, breaks after a colon, and list lines."""
    paragraphs = []
    for para in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in para.splitlines() if line.strip()]
        out = ""
        for line in lines:
            if not out:
                out = line
            elif out.endswith(_BREAK_AFTER) or _LIST_START.match(line):
                out += "\n" + line
            else:
                out += " " + line
        paragraphs.append(out)
    return "\n\n".join(paragraphs)


def clock_text(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss``), rounded up so 0:00 means the time is really over."""
    total = max(0, math.ceil(seconds - 1e-9))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def number_text(value: float) -> str:
    """A nilai in the UI's locale: ``85``, ``85,5``, ``85,25``."""
    text = QLocale().toString(float(value), "f", 2)
    point = QLocale().decimalPoint()
    if point in text:
        text = text.rstrip("0").rstrip(point)
    return text


def _label(text: str, parent: QWidget, name: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text, parent)
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    return label


def _add_centred(outer: QVBoxLayout, card: QWidget, weight: int) -> None:
    """Put ``card`` in the middle of the row, ``weight`` parts wide to one part each side."""
    centre = QHBoxLayout()
    centre.addStretch(1)
    centre.addWidget(card, weight)
    centre.addStretch(1)
    outer.addLayout(centre)


def _button(text: str, parent: QWidget, accessible: str, name: str = "",
            focus: bool = True) -> QPushButton:
    button = QPushButton(text, parent)
    button.setAccessibleName(accessible)
    if name:
        button.setObjectName(name)
    if focus:
        button.setAutoDefault(True)  # Enter clicks it when it has the focus
    else:
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


def _repolish(widget: QWidget, prop: str, value: bool) -> None:
    if widget.property(prop) == value:
        return
    widget.setProperty(prop, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class Screen(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

    def enter(self) -> None:
        """Called when the screen is shown: put the keyboard focus where it belongs."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)


def _card(parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
    card = QFrame(parent)
    card.setObjectName("Card")
    layout = QVBoxLayout(card)
    layout.setContentsMargins(32, 24, 32, 24)
    layout.setSpacing(12)
    return card, layout
