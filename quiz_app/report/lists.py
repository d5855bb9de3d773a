"""Printable lists for the accountability file: the attendance list (*daftar hadir*) with a
signature column, and the pledge list (*daftar penandatangan ikrar*). A4 portrait, running
header, page numbers, the table header repeated on every page."""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import StrEnum
from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from ..core.errors import ExportError
from ..core.results.list_data import ListData, ListSource
from ..core.results.records import SessionRecord
from ..core.results.report_data import format_date_id
from .pdf import (
    Progress,
    atomic_pdf,
    begin,
    ensure_fonts,
    font,
    mm,
    new_writer,
    paginated_document,
    print_document,
)

MARGINS = QMarginsF(16, 24, 16, 18)


class ListKind(StrEnum):
    ATTENDANCE = "hadir"
    PLEDGE = "ikrar"


TITLES = {ListKind.ATTENDANCE: "Daftar Hadir Peserta",
          ListKind.PLEDGE: "Daftar Penandatangan Ikrar Netralitas ASN"}
GENERIC_PLEDGE = ("Kami yang bertanda tangan di bawah ini menyatakan telah mengucapkan "
                  "ikrar netralitas Aparatur Sipil Negara yang dibacakan dalam kegiatan ini.")
CONFIRMED_PLEDGE = ("Kami yang bertanda tangan di bawah ini telah mengucapkan dan "
                    "mengonfirmasi ikrar berikut:")
SOURCES = {
    (ListKind.ATTENDANCE, ListSource.CHECKIN):
        "Sumber data: daftar hadir lewat HP (waktu hadir dicatat oleh laptop).",
    (ListKind.ATTENDANCE, ListSource.ATTEMPTS):
        "Sumber data: peserta yang mengerjakan tes (sesi ini tidak memiliki daftar hadir "
        "lewat HP).",
    (ListKind.PLEDGE, ListSource.PLEDGE):
        "Sumber data: konfirmasi ikrar lewat HP (waktu ikrar dicatat oleh laptop).",
    (ListKind.PLEDGE, ListSource.ATTEMPTS):
        "Sumber data: peserta yang mengerjakan tes (sesi ini tidak memiliki konfirmasi "
        "ikrar lewat HP).",
}
TIME_HEADERS = {ListKind.ATTENDANCE: "Waktu hadir", ListKind.PLEDGE: "Waktu ikrar"}


@dataclass(frozen=True)
class RenderedList:
    path: Path
    pages: int
    rows: int
    seconds: float


def _h(text: object) -> str:
    return escape(str(text))


def _pledge_html(data: ListData) -> str:
    if not data.pledges and not data.missing:
        return f"<p>{_h(GENERIC_PLEDGE)}</p>"
    if not data.pledges:
        titles = ", ".join(f"“{_h(t)}”" for t in data.missing)
        return (f"<p>{_h(GENERIC_PLEDGE)}</p><p><i>Teks ikrar yang dikonfirmasi: {titles} "
                "(berkas teksnya tidak ditemukan di laptop ini).</i></p>")
    parts = [f"<p>{_h(CONFIRMED_PLEDGE)}</p>"]
    for pledge in data.pledges:
        label = f" <i>({_h(pledge.label)})</i>" if pledge.label else ""
        parts.append(f"<p><b>{_h(pledge.title)}</b>{label}</p>")
        if pledge.opening:
            parts.append(f"<p>{_h(pledge.opening)}</p>")
        parts.append("<ol>" + "".join(f"<li>{_h(x)}</li>" for x in pledge.lines) + "</ol>")
        if pledge.closing:
            parts.append(f"<p>{_h(pledge.closing)}</p>")
    if data.missing:
        titles = ", ".join(f"“{_h(t)}”" for t in data.missing)
        parts.append(f"<p><i>Juga dikonfirmasi: {titles} (berkas teksnya tidak ditemukan "
                     "di laptop ini).</i></p>")
    return "".join(parts)


def build_html(kind: ListKind, session: SessionRecord, data: ListData,
               blank_rows: int = 0) -> str:
    info = (f"<p>Kegiatan: <b>{_h(session.title)}</b><br/>Tempat: {_h(session.place or '-')}"
            f"<br/>Hari, tanggal: {_h(format_date_id(session.date))}<br/>"
            f"<i>{_h(SOURCES[kind, data.source])}</i></p>")
    intro = _pledge_html(data) if kind is ListKind.PLEDGE else ""
    columns: list[tuple[str, int]] = [("No", 5), ("Nama / NIP", 33), ("Jabatan / Unit kerja", 32)]
    if data.timed:
        columns = [("No", 5), ("Nama / NIP", 29), ("Jabatan / Unit kerja", 26),
                   (TIME_HEADERS[kind], 14)]
    columns.append(("Tanda tangan", 100 - sum(w for _, w in columns)))
    head = ("<thead><tr>" + "".join(
        f'<th width="{w}%" bgcolor="#e6ecf3" align="left">{t}</th>' for t, w in columns
    ) + "</tr></thead>")
    rows = []
    total = list(data.people) + [None] * blank_rows
    for i, a in enumerate(total, 1):
        if a is None:
            who, where, when = "&nbsp;<br/>&nbsp;", "&nbsp;", "&nbsp;"
        else:
            who = f"<b>{_h(a.name)}</b><br/>{_h(a.nip) if a.nip else 'tamu (tanpa NIP)'}"
            where = "<br/>".join(_h(x) for x in (a.position, a.unit) if x) or "-"
            when = _h(a.at) or "-"
        time_cell = f"<td>{when}</td>" if data.timed else ""
        # signatures alternate left and right so neighbours do not write over each other
        sign = f"{i}. ......................" if i % 2 else \
            f"&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;{i}. ......................"
        rows.append(f'<tr><td align="right">{i}</td><td>{who}</td><td>{where}</td>'
                    f'{time_cell}<td valign="bottom">{sign}</td></tr>')
    table = ('<table width="100%" cellspacing="0" cellpadding="5" border="1" '
             'style="border-collapse: collapse; border-color: #6b7480;">'
             + head + "".join(rows) + "</table>")
    return (f'<h1 style="font-size: 15pt; text-align: center;">{_h(TITLES[kind])}</h1>'
            + info + intro + table)


def render_list(kind: ListKind, session: SessionRecord, data: ListData,
                out: Path, *, blank_rows: int = 0,
                progress: Progress | None = None) -> RenderedList:
    if not data.people and not blank_rows:
        raise ExportError("Sesi ini belum memiliki peserta; tambahkan baris kosong "
                          "(--baris-kosong) untuk daftar yang diisi tangan.")
    start = time.perf_counter()
    ensure_fonts()
    title = TITLES[kind]
    with atomic_pdf(out) as tmp:
        writer = new_writer(tmp, title=f"{title} — {session.title}")
        doc, body, _ = paginated_document(writer, build_html(kind, session, data, blank_rows),
                                          MARGINS)
        head_font, foot_font = font(7.5, bold=True), font(7.5)

        def decorate(p: QPainter, page: int, pages: int) -> None:
            p.save()
            p.setPen(QColor("#1d2125"))
            p.setFont(head_font)
            top = QRectF(body.left(), mm(10), body.width(), mm(5))
            p.drawText(top, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                       f"{title} · {session.title}")
            p.setFont(foot_font)
            p.drawText(top, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                       format_date_id(session.date))
            pen = QPen(QColor("#9aa3ad"))
            pen.setWidthF(mm(0.2))
            p.setPen(pen)
            p.drawLine(QPointF(body.left(), mm(16.5)), QPointF(body.right(), mm(16.5)))
            p.setPen(QColor("#4a4f57"))
            bottom = QRectF(body.left(), body.bottom() + mm(6), body.width(), mm(5))
            p.drawText(bottom, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                       f"Kuis ASN · sesi {session.code}")
            p.drawText(bottom, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                       f"Halaman {page} dari {pages}")
            p.restore()

        painter = QPainter()
        begin(painter, writer, out)
        try:
            pages = print_document(painter, writer, doc, body, decorate, progress)
        finally:
            painter.end()
    return RenderedList(Path(out), pages, len(data.people) + blank_rows,
                        time.perf_counter() - start)
