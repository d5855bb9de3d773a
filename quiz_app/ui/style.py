"""A calm, high-contrast default look that reads well on cheap laptop panels and projectors.

Colours are chosen for contrast (WCAG AA or better on white): text #111827, primary
#0b3d91, warning #b91c1c, success #166534. Warnings never rely on colour alone: the text
changes too ("Sisa 8 detik!").
"""

from __future__ import annotations

INK = "#111827"
MUTED = "#374151"
PRIMARY = "#0b3d91"
PRIMARY_HOVER = "#1d4ed8"
FOCUS = "#f59e0b"
WARNING = "#b91c1c"
WARNING_BG = "#fee2e2"
SUCCESS = "#166534"
SURFACE = "#ffffff"
PAGE = "#f1f5f9"
BORDER = "#4b5563"
SELECTED_BG = "#0b3d91"
FLAG = "#92400e"

STYLE = """
QWidget { font-size: 15px; color: #111827; }
QMainWindow, QDialog { background: #f8fafc; }
QLabel#AppTitle { font-size: 30px; font-weight: 700; color: #0b3d91; }
QLabel#AppSubtitle { font-size: 16px; color: #374151; }
QLabel#SectionTitle { font-size: 18px; font-weight: 600; }
QLabel#StatusLine { color: #374151; }
QTableView { background: #ffffff; alternate-background-color: #eef2f7;
             gridline-color: #d1d5db; selection-background-color: #0b3d91;
             selection-color: #ffffff; }
QHeaderView::section { background: #e5e7eb; padding: 6px; border: none;
                       border-bottom: 2px solid #9ca3af; font-weight: 600; }
QPushButton { background: #0b3d91; color: #ffffff; border: none; border-radius: 6px;
              padding: 8px 18px; font-weight: 600; }
QPushButton:hover { background: #1d4ed8; }
QPushButton:focus { border: 3px solid #f59e0b; }
QPushButton:disabled { background: #9ca3af; }
QPushButton#BigStart { font-size: 20px; padding: 14px 28px; }
QLineEdit, QDateEdit, QComboBox { background: #ffffff; border: 1px solid #6b7280;
                                  border-radius: 4px; padding: 5px; }
QLineEdit:focus, QDateEdit:focus, QComboBox:focus { border: 2px solid #0b3d91; }
QLabel#Problem { color: #b91c1c; }
QLabel#Good { color: #166534; }
"""

MIN_SCALE, MAX_SCALE = 0.8, 1.6


def participant_style(scale: float = 1.0) -> str:
    """The participant screens' stylesheet with every font size multiplied by ``scale``."""

    def px(size: float) -> str:
        return f"{round(size * scale)}px"

    return f"""
QWidget#ParticipantWindow, QWidget#Screen {{ background: {PAGE}; }}
QWidget {{ font-size: {px(19)}; color: {INK}; }}
QLabel#ScreenTitle {{ font-size: {px(32)}; font-weight: 700; color: {PRIMARY}; }}
QLabel#SessionTitle {{ font-size: {px(20)}; color: {MUTED}; }}
QLabel#Hint {{ font-size: {px(17)}; color: {MUTED}; }}
QLabel#KeyHelp {{ font-size: {px(16)}; color: {MUTED}; }}
QLabel#Problem {{ font-size: {px(18)}; color: {WARNING}; font-weight: 600; }}
QLabel#Good {{ font-size: {px(18)}; color: {SUCCESS}; font-weight: 600; }}
QLabel#NipShown {{ font-size: {px(24)}; font-family: monospace; color: {PRIMARY}; }}
QLabel#Counter {{ font-size: {px(22)}; font-weight: 700; color: {PRIMARY}; }}
QLabel#TestTime {{ font-size: {px(20)}; font-weight: 600; }}
QLabel#TestTime[warning="true"] {{ color: {WARNING}; }}
QLabel#QuestionTime {{ font-size: {px(20)}; font-weight: 700; min-width: {px(150)}; }}
QLabel#QuestionTime[warning="true"] {{ color: #ffffff; background: {WARNING};
                                       border-radius: 6px; padding: 2px 8px; }}
QLabel#Saved {{ font-size: {px(17)}; color: {SUCCESS}; font-weight: 600; }}
QLabel#Saved[failed="true"] {{ color: {WARNING}; }}
QLabel#Flagged {{ font-size: {px(17)}; color: {FLAG}; font-weight: 700; }}
QPushButton#StripCell {{ background: {SURFACE}; color: {PRIMARY}; border: 2px solid {BORDER};
                        border-radius: 6px; padding: 0px; font-size: {px(16)};
                        font-weight: 700; }}
QPushButton#StripCell:hover {{ background: #e0e7ff; }}
QPushButton#StripCell[answered="true"] {{ background: {PRIMARY}; color: #ffffff;
                                          border-color: {PRIMARY}; }}
QPushButton#StripCell[flagged="true"] {{ background: #fef3c7; color: {FLAG};
                                         border-color: {FLAG}; }}
QPushButton#StripCell[answered="true"][flagged="true"] {{ background: {PRIMARY};
                                                          color: #fde68a;
                                                          border-color: {FLAG}; }}
QPushButton#StripCell[closed="true"][answered="false"] {{ background: #e5e7eb; color: #4b5563;
                                                           border-style: dashed; }}
QPushButton#StripCell[current="true"] {{ border: 4px solid {FOCUS}; }}
QLabel#KeyNote {{ font-size: {px(17)}; color: {FLAG}; font-weight: 700; background: #fef3c7;
                  border: 2px solid {FLAG}; border-radius: 6px; padding: 2px 10px; }}
QLabel#Category {{ font-size: {px(17)}; color: {MUTED}; }}
QLabel#Multi {{ font-size: {px(17)}; color: {FLAG}; font-weight: 600; }}
QLabel#Nilai {{ font-size: {px(72)}; font-weight: 800; color: {PRIMARY}; }}
QLabel#Verdict {{ font-size: {px(34)}; font-weight: 800; padding: 4px 18px;
                  border-radius: 8px; color: #ffffff; background: {SUCCESS}; }}
QLabel#Verdict[failed="true"] {{ background: {WARNING}; }}
QLabel#Banner {{ font-size: {px(20)}; font-weight: 700; color: {WARNING}; }}
QLabel#Big {{ font-size: {px(24)}; }}
QLabel#BigProblem {{ font-size: {px(24)}; color: {WARNING}; font-weight: 700; }}
QLabel#BigGood {{ font-size: {px(24)}; color: {SUCCESS}; font-weight: 700; }}
QLabel#ReviewQuestion {{ font-size: {px(20)}; font-weight: 600; }}
QLabel#ReviewRight {{ color: {SUCCESS}; font-weight: 700; }}
QLabel#ReviewWrong {{ color: {WARNING}; font-weight: 700; }}
QLabel#ReviewPartial {{ color: {FLAG}; font-weight: 700; }}
QFrame#Card {{ background: {SURFACE}; border: 1px solid #cbd5e1; border-radius: 10px; }}
QLineEdit {{ font-size: {px(26)}; padding: 8px; background: {SURFACE};
             border: 2px solid {BORDER}; border-radius: 6px; }}
QLineEdit:focus {{ border: 3px solid {PRIMARY}; }}
QLineEdit[problem="true"] {{ border: 3px solid {WARNING}; }}
QPushButton {{ background: {PRIMARY}; color: #ffffff; border: 3px solid {PRIMARY};
               border-radius: 8px; padding: 10px 22px; font-weight: 700;
               font-size: {px(19)}; }}
QPushButton:hover {{ background: {PRIMARY_HOVER}; }}
QPushButton:focus {{ border: 3px solid {FOCUS}; }}
QPushButton:disabled {{ background: #9ca3af; border-color: #9ca3af; }}
QPushButton#Secondary {{ background: {SURFACE}; color: {PRIMARY}; }}
QPushButton#Secondary:focus {{ border: 3px solid {FOCUS}; }}
QPushButton#Secondary:disabled {{ background: #f3f4f6; color: #6b7280; border-color: #d1d5db; }}
QPushButton#Secondary:checked {{ background: #fef3c7; color: {FLAG}; border-color: {FLAG}; }}
QProgressBar {{ border: 2px solid {BORDER}; border-radius: 6px; background: {SURFACE};
                min-height: {px(16)}; max-height: {px(16)}; text-align: center; }}
QProgressBar::chunk {{ background: {PRIMARY}; border-radius: 3px; }}
QProgressBar[warning="true"]::chunk {{ background: {WARNING}; }}
QProgressBar#CategoryBar {{ min-height: {px(22)}; max-height: {px(22)}; }}
QProgressBar#CategoryBar::chunk {{ background: {SUCCESS}; }}
QProgressBar#CategoryBar[low="true"]::chunk {{ background: {WARNING}; }}
QScrollArea {{ border: none; background: transparent; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
"""
