"""PDF machinery shared by the report, certificates and lists: the application object for
the CLI, the shipped fonts, an A4 writer with a running header and page numbers, and the
vector charts embedded in a ``QTextDocument``.

Qt (QtGui only, no widgets, no window): QPdfWriter, QTextDocument and QPainter.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QObject, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPyTextObject,
    QTextCharFormat,
    QTextDocument,
    QTextFormat,
)

from ..core.banks import assets_dir
from ..core.errors import ExportError
from ..core.paths import data_dir
from ..core.userfile import check_output

FAMILY = "Noto Sans"
DPI = 300
FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")
Progress = Callable[[int, int], None]
ChartPainter = Callable[[QPainter, QRectF], None]

_fonts_loaded: list[str] = []
_app: Any = None


def ensure_app() -> None:
    """A QGuiApplication for command-line use (offscreen when there is no display)."""
    global _app
    if QGuiApplication.instance() is not None:
        return
    if not os.environ.get("QT_QPA_PLATFORM") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        or sys.platform in ("win32", "darwin")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _app = QGuiApplication([sys.argv[0] if sys.argv else "quiz-app"])


def ensure_fonts() -> str:
    """Register the shipped Noto Sans (Regular, Bold) once; return the family name."""
    if not _fonts_loaded:
        folder = assets_dir() / "fonts"
        for name in FONT_FILES:
            font_id = QFontDatabase.addApplicationFont(str(folder / name))
            if font_id < 0:
                raise RuntimeError(f"font {folder / name} could not be registered")
            _fonts_loaded.extend(QFontDatabase.applicationFontFamilies(font_id))
    return FAMILY


def font(points: float, *, bold: bool = False) -> QFont:
    f = QFont(ensure_fonts())
    f.setPointSizeF(points)
    f.setBold(bold)
    f.setStyleStrategy(QFont.StyleStrategy.PreferOutline)
    return f


def mm(value: float) -> float:
    """Millimetres in writer device units."""
    return value * DPI / 25.4


@contextmanager
def atomic_pdf(path: Path) -> Any:
    """Yield a temporary path next to ``path``; on success it replaces ``path``.

    The target is checked first like every export (``core.userfile.check_output``): the
    results store, its WAL, the data folder's own files, a symlink, a FIFO or a device are
    never replaced. (No --force here: any existing regular file may be replaced.)"""
    path = check_output(path, "pdf", force=True, error=ExportError,
                        protected=(data_dir(),))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"Folder tujuan {folder} tidak ada.")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def new_writer(path: Path, *, landscape: bool = False, title: str = "") -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    orientation = (QPageLayout.Orientation.Landscape if landscape
                   else QPageLayout.Orientation.Portrait)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    writer.setCreator("Kuis ASN")
    writer.setTitle(title)
    return writer


def begin(painter: QPainter, writer: QPdfWriter, path: Path) -> None:
    if not painter.begin(writer):
        raise ExportError(f"Berkas PDF {path} tidak dapat ditulis.")
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)


# --------------------------------------------------------------------------- charts

CHART_OBJECT = QTextFormat.ObjectTypes.UserObject + 1
CHART_ID = QTextFormat.Property.UserProperty + 1


class ChartObject(QPyTextObject):
    """Draws registered charts inline in a QTextDocument, with QPainter (vectors)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.charts: dict[int, tuple[QSizeF, ChartPainter]] = {}

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:
        size, _ = self.charts[int(fmt.property(CHART_ID))]
        return size

    def drawObject(self, painter: QPainter, rect: QRectF, doc: QTextDocument, pos: int,
                   fmt: QTextFormat) -> None:
        _, draw = self.charts[int(fmt.property(CHART_ID))]
        # the layout rounds to 1/64 px: an object on the next page may touch this one's clip
        if painter.hasClipping() and painter.clipBoundingRect().intersected(rect).height() < 1:
            return  # laid out on another page: do not leave invisible text in this one
        painter.save()
        draw(painter, rect)
        painter.restore()


def placeholder(chart_id: int) -> str:
    return f"[[grafik-{chart_id}]]"


def embed_charts(doc: QTextDocument, charts: dict[int, tuple[QSizeF, ChartPainter]]) -> Any:
    """Replace each ``[[grafik-N]]`` paragraph text by chart N; keep the handler alive by
    returning it."""
    handler = ChartObject(doc)
    handler.charts.update(charts)
    doc.documentLayout().registerHandler(CHART_OBJECT, handler)
    for chart_id in charts:
        found = doc.find(placeholder(chart_id))
        if found.isNull():
            raise RuntimeError(f"chart placeholder {chart_id} missing")
        fmt = QTextCharFormat()
        fmt.setObjectType(CHART_OBJECT)
        fmt.setProperty(CHART_ID, chart_id)
        found.insertText("\ufffc", fmt)
    return handler


# --------------------------------------------------------------------------- paging

PageDecorator = Callable[[QPainter, int, int], None]


def paginated_document(writer: QPdfWriter, html: str, margins: QMarginsF,
                       charts: dict[int, tuple[QSizeF, ChartPainter]] | None = None,
                       ) -> tuple[QTextDocument, QRectF, Any]:
    """Lay ``html`` out on the writer's pages inside ``margins`` (mm)."""
    page = writer.pageLayout().fullRectPixels(DPI)
    body = QRectF(mm(margins.left()), mm(margins.top()),
                  int(page.width() - mm(margins.left() + margins.right())),
                  int(page.height() - mm(margins.top() + margins.bottom())))
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultFont(font(9.5))
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    handler = embed_charts(doc, charts) if charts else None
    # paginate only now: an incremental relayout after inserting the charts into an already
    # paginated document leaves later blocks unpainted (headings went missing)
    doc.setPageSize(body.size())
    return doc, body, handler


def print_document(painter: QPainter, writer: QPdfWriter, doc: QTextDocument, body: QRectF,
                   decorate: PageDecorator, progress: Progress | None = None) -> int:
    """Paint every page of ``doc``; ``decorate(painter, page, pages)`` draws header/footer."""
    pages = doc.pageCount()
    for i in range(pages):
        if i:
            writer.newPage()
        painter.save()
        painter.translate(body.left(), body.top() - i * body.height())
        clip = QRectF(0, i * body.height(), body.width(), body.height())
        doc.drawContents(painter, clip)
        painter.restore()
        decorate(painter, i + 1, pages)
        if progress:
            progress(i + 1, pages)
    return pages


def draw_text(painter: QPainter, rect: QRectF, text: str, f: QFont,
              align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> None:
    painter.setFont(f)
    painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), text)


def point(x: float, y: float) -> QPointF:
    return QPointF(x, y)
