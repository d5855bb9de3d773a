"""Participant certificates: landscape A4, drawn with QPainter (vectors), one PDF per
participant or one combined PDF, each with its verification code and QR."""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPdfWriter, QPen

from ..core.errors import ExportError
from ..core.people import format_nip
from ..core.results.certificates import Certificate, Signer
from ..core.results.records import SessionRecord
from ..core.results.report_data import format_date_id, format_decimal
from .pdf import Progress, atomic_pdf, begin, ensure_fonts, font, mm, new_writer

NAVY = QColor("#1b3a6b")
GOLD = QColor("#b8892b")
INK = QColor("#1d2125")
GREY = QColor("#4a4f57")


@dataclass(frozen=True)
class CertificateOptions:
    signer: Signer
    show_nilai: bool = False
    organiser: str = ""  # e.g. "Pemerintah Kabupaten Sleman", above the title


@dataclass(frozen=True)
class RenderedCertificates:
    paths: tuple[Path, ...]
    count: int
    seconds: float


def qr_text(code: str) -> str:
    return f"KUIS-ASN SERTIFIKAT {code}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:40] or "peserta"


def file_name(cert: Certificate) -> str:
    who = cert.nip or _slug(cert.name)
    return f"sertifikat-{who}-{_slug(cert.name)}.pdf" if cert.nip else f"sertifikat-{who}.pdf"


def _centre(p: QPainter, y: float, width: float, height: float, text: str, size: float,
            bold: bool = False, color: QColor = INK, left: float = 0.0) -> None:
    p.setFont(font(size, bold=bold))
    p.setPen(color)
    p.drawText(QRectF(left, y, width, height),
               int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter
                   | Qt.TextFlag.TextWordWrap), text)


def _draw_qr(p: QPainter, text: str, at: QPointF, side: float) -> None:
    """The QR code (segno, as the presenter's join card) as vector rectangles."""
    import segno

    modules = segno.make(text, error="m", boost_error=False).matrix
    n = len(modules)
    quiet = 2
    cell = side / (n + 2 * quiet)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(QColor("white")))
    p.drawRect(QRectF(at.x(), at.y(), side, side))
    p.setBrush(QBrush(QColor("black")))
    for y, row in enumerate(modules):
        x = 0
        while x < n:  # one rectangle per horizontal run of dark modules
            if not row[x]:
                x += 1
                continue
            start = x
            while x < n and row[x]:
                x += 1
            p.drawRect(QRectF(at.x() + (start + quiet) * cell, at.y() + (y + quiet) * cell,
                              (x - start) * cell + 0.3, cell + 0.3))


def draw_certificate(p: QPainter, writer: QPdfWriter, cert: Certificate,
                     session: SessionRecord, options: CertificateOptions) -> None:
    page = writer.pageLayout().fullRectPixels(writer.resolution())
    w, h = float(page.width()), float(page.height())
    # frame
    for inset, width, color in ((mm(8), 1.6, NAVY), (mm(11), 0.4, GOLD)):
        pen = QPen(color)
        pen.setWidthF(mm(width))
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(inset, inset, w - 2 * inset, h - 2 * inset))
    inner = mm(24)
    text_w = w - 2 * inner
    y = mm(22)
    if options.organiser:
        _centre(p, y, text_w, mm(7), options.organiser.upper(), 11, True, GREY, inner)
    y += mm(9)
    _centre(p, y, text_w, mm(18), "SERTIFIKAT", 36, True, NAVY, inner)
    y += mm(18)
    _centre(p, y, text_w, mm(6), f"Nomor verifikasi: {cert.code}", 9.5, False, GREY, inner)
    y += mm(12)
    _centre(p, y, text_w, mm(7), "diberikan kepada", 12, False, INK, inner)
    y += mm(9)
    _centre(p, y, text_w, mm(13), cert.name, 24, True, INK, inner)
    y += mm(13)
    line = QPen(GOLD)
    line.setWidthF(mm(0.4))
    p.setPen(line)
    p.drawLine(QPointF(w / 2 - mm(70), y), QPointF(w / 2 + mm(70), y))
    y += mm(2)
    if cert.nip:
        _centre(p, y, text_w, mm(7), f"NIP {format_nip(cert.nip)}", 12, False, INK, inner)
        y += mm(7)
    who = ", ".join(x for x in (cert.position, cert.unit) if x)
    if who:
        _centre(p, y, text_w, mm(6), who, 10.5, False, GREY, inner)
        y += mm(6)
    y += mm(5)
    _centre(p, y, text_w, mm(7), "atas partisipasinya sebagai peserta", 12, False, INK, inner)
    y += mm(8)
    _centre(p, y, text_w, mm(16), session.title, 16, True, NAVY, inner)
    y += mm(16)
    where = f"di {session.place}, " if session.place else ""
    _centre(p, y, text_w, mm(7), f"yang diselenggarakan {where}{format_date_id(session.date)}",
            12, False, INK, inner)
    y += mm(8)
    if options.show_nilai and cert.nilai is not None:
        status = " (lulus)" if cert.passed else ""
        _centre(p, y, text_w, mm(7), f"dengan nilai {format_decimal(cert.nilai)}{status}", 12,
                True, INK, inner)
    # signature block, bottom right
    sig_w = mm(95)
    sx, sy = w - inner - sig_w, h - mm(66)
    place = session.place.split(",")[-1].strip() if session.place else ""
    dated = f"{place}, {format_date_id(session.date).split(', ', 1)[-1]}" if place \
        else format_date_id(session.date).split(", ", 1)[-1]
    _centre(p, sy, sig_w, mm(6), dated, 11, False, INK, sx)
    _centre(p, sy + mm(6), sig_w, mm(12), options.signer.title or "Penyelenggara", 11, False,
            INK, sx)
    _centre(p, sy + mm(36), sig_w, mm(6), options.signer.name or "(" + "." * 34 + ")",
            11.5, True, INK, sx)
    if options.signer.nip:
        _centre(p, sy + mm(42), sig_w, mm(6), f"NIP {format_nip(options.signer.nip)}", 10.5,
                False, INK, sx)
    # QR and code, bottom left
    side = mm(30)
    qx, qy = inner, h - mm(22) - side
    _draw_qr(p, qr_text(cert.code), QPointF(qx, qy), side)
    p.setFont(font(7.5))
    p.setPen(GREY)
    p.drawText(QRectF(qx + side + mm(3), qy + mm(4), mm(80), mm(24)),
               int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                   | Qt.TextFlag.TextWordWrap),
               f"Kode verifikasi\n{cert.code}\nPeriksa keaslian dengan\n"
               f"quiz-app verify {cert.code}")


def render_certificates(certs: Sequence[Certificate], session: SessionRecord,
                        options: CertificateOptions, out: Path, *, combined: bool = False,
                        progress: Progress | None = None) -> RenderedCertificates:
    """Write ``out`` (combined) or one PDF per participant into the folder ``out``."""
    if not certs:
        raise ExportError("Sesi ini belum memiliki peserta yang selesai: tidak ada sertifikat.")
    start = time.perf_counter()
    ensure_fonts()
    paths: list[Path] = []
    if combined:
        with atomic_pdf(out) as tmp:
            writer = new_writer(tmp, landscape=True, title=f"Sertifikat — {session.title}")
            painter = QPainter()
            begin(painter, writer, out)
            try:
                for i, cert in enumerate(certs):
                    if i:
                        writer.newPage()
                    draw_certificate(painter, writer, cert, session, options)
                    if progress:
                        progress(i + 1, len(certs))
            finally:
                painter.end()
        paths.append(Path(out))
    else:
        folder = Path(out)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ExportError(f"Folder {folder} tidak dapat dibuat: {exc.strerror or exc}.") \
                from exc
        for i, cert in enumerate(certs):
            target = folder / file_name(cert)
            with atomic_pdf(target) as tmp:
                writer = new_writer(tmp, landscape=True, title=f"Sertifikat — {cert.name}")
                painter = QPainter()
                begin(painter, writer, target)
                try:
                    draw_certificate(painter, writer, cert, session, options)
                finally:
                    painter.end()
            paths.append(target)
            if progress:
                progress(i + 1, len(certs))
    return RenderedCertificates(tuple(paths), len(certs), time.perf_counter() - start)
