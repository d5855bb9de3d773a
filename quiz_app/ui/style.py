"""A calm, high-contrast default look that reads well on cheap laptop panels and projectors."""

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
QPushButton:focus { outline: 3px solid #f59e0b; }
QPushButton:disabled { background: #9ca3af; }
"""
