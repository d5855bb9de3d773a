"""The session report (*laporan kegiatan*) as an A4 PDF: a running header with the session,
page numbers, the summary, vector charts, the item analysis and the participants table
(its header repeated on every page)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from ..core.results.report_data import (
    ReportData,
    format_decimal,
    format_int,
    format_percent,
    gain_category,
    item_category_title,
    kr20_reading,
)
from ..core.results.tables import flag_text
from . import charts
from .pdf import (
    ChartPainter,
    Progress,
    atomic_pdf,
    begin,
    ensure_fonts,
    font,
    mm,
    new_writer,
    paginated_document,
    placeholder,
    print_document,
)

MARGINS = QMarginsF(18, 24, 18, 18)  # mm: left, top (running header), right, bottom
DUMBBELL_MAX = 40  # more matched participants than this: a scatter plot instead
ITEM_TABLE_MAX = 200  # questions listed in the item table (draws from huge banks)

_KIND = {"pretest": "Pre-test", "posttest": "Post-test", "test": "Tes", "survey": "Survei"}


@dataclass(frozen=True)
class Rendered:
    path: Path
    pages: int
    seconds: float


def _h(text: object) -> str:
    return escape(str(text))


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int] = (),
           align: str = "", repeat: bool = True) -> str:
    """An HTML table for QTextDocument; ``<thead>`` rows repeat on every page."""
    out = ['<table width="100%" cellspacing="0" cellpadding="3" border="1" '
           'style="border-collapse: collapse; border-color: #9aa3ad;">']
    cols = []
    for i, h in enumerate(headers):
        width = f' width="{widths[i]}%"' if i < len(widths) else ""
        cols.append(f'<th{width} bgcolor="#e6ecf3" align="left">{_h(h)}</th>')
    out.append(("<thead>" if repeat else "") + "<tr>" + "".join(cols) + "</tr>"
               + ("</thead>" if repeat else ""))
    for row in rows:
        cells = []
        for i, v in enumerate(row):
            a = ' align="right"' if i < len(align) and align[i] == "r" else ""
            cells.append(f"<td{a}>{v}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "".join(out)


def _kv(rows: Sequence[tuple[str, str]]) -> str:
    body = "".join(
        f'<tr><td width="38%" bgcolor="#f3f6f9">{_h(k)}</td><td><b>{v}</b></td></tr>'
        for k, v in rows
    )
    return ('<table width="100%" cellspacing="0" cellpadding="3" border="1" '
            f'style="border-collapse: collapse; border-color: #9aa3ad;">{body}</table>')


def _p2(value: float | None) -> str:
    return format_decimal(value, 2)


def build_html(data: ReportData) -> tuple[str, dict[int, tuple[QSizeF, ChartPainter]]]:
    """The report's HTML and the charts its placeholders stand for."""
    s = data.stats
    charts_: dict[int, tuple[QSizeF, ChartPainter]] = {}
    width = mm(210) - mm(MARGINS.left() + MARGINS.right())

    def chart(height_mm: float, draw: ChartPainter) -> str:
        cid = len(charts_)
        charts_[cid] = (QSizeF(width, mm(height_mm)), draw)
        return f"<p>{placeholder(cid)}</p>"

    parts: list[str] = [
        '<h1 style="font-size: 17pt; margin-bottom: 2pt;">Laporan Kegiatan</h1>',
        f'<p style="font-size: 12pt; margin-top: 0;"><b>{_h(data.title)}</b></p>',
        _kv([
            ("Tempat", _h(data.place or "-")),
            ("Hari, tanggal", _h(data.date_text)),
            ("Pelatih / fasilitator", _h(data.trainer or "-")),
            ("Jenis tes", _h(_KIND.get(data.kind, data.kind))),
            ("Rencana sesi", _h(data.plan_title)),
            ("Kode sesi", _h(data.code)),
        ]),
        "<h2>1. Ringkasan</h2>",
        _kv([
            ("Peserta", format_int(s.participants)),
            ("Pengerjaan selesai", format_int(s.finished)
             + (f" (belum selesai/dibatalkan: {format_int(s.unfinished)})" if s.unfinished
                else "")),
            *([("Dinyatakan tidak sah (tidak dihitung)", format_int(s.voided))]
              if s.voided else []),
            ("Rata-rata nilai", _p2(s.mean)),
            ("Median nilai", _p2(s.median)),
            ("Nilai terendah – tertinggi", f"{_p2(s.lowest)} – {_p2(s.highest)}"),
            ("Batas lulus", _p2(s.pass_mark)),
            ("Lulus", f"{format_int(s.passed)} dari {format_int(s.graded)} "
                      f"({format_percent(s.passed, s.graded)})"),
        ]),
        "<h2>2. Sebaran nilai</h2>",
        "<p>Jumlah peserta menurut rentang nilai (garis putus-putus: batas lulus).</p>",
        chart(62, lambda p, r: charts.histogram(p, r, data.histogram, s.pass_mark)),
    ]
    section = 3
    if data.ranking:
        parts += [
            f"<h2>{section}. Peringkat akhir</h2>",
            _table(("Peringkat", "Tim / peserta", "Poin", "Benar", "Nilai"),
                   [(str(r.rank), _h(r.name), format_decimal(r.points), format_int(r.correct),
                     _p2(r.nilai)) for r in data.ranking],
                   (12, 46, 14, 12, 16), "r rrr"),
        ]
        section += 1
    if data.has_pretest and data.gain is not None:
        g = data.gain
        parts += [
            f"<h2>{section}. Pre-test dan post-test</h2>",
            f"<p>Pre-test: <b>{_h(data.pretest_title)}</b>. Peserta dicocokkan menurut NIP.</p>",
            _kv([
                ("Peserta dengan kedua nilai", format_int(g.matched)),
                ("Rata-rata pre-test", _p2(g.mean_pre)),
                ("Rata-rata post-test", _p2(g.mean_post)),
                ("Rata-rata N-Gain", f"{_p2(g.mean_gain)} (kategori "
                                     f"{gain_category(g.mean_gain)})"),
                ("Nilainya naik", f"{format_int(g.improved)} dari {format_int(g.matched)} "
                                  f"({format_percent(g.improved, g.matched)})"),
            ]),
            "<p>N-Gain menurut Hake: &lt; 0,3 rendah; 0,3–0,7 sedang; ≥ 0,7 tinggi.</p>",
        ]
        matched = [pp for pp in data.pairs if pp.pre is not None]
        if matched and len(matched) <= DUMBBELL_MAX:
            rows = list(matched)
            parts.append(chart(14 + 5.2 * len(rows),
                               lambda p, r, rows=rows: charts.paired_rows(p, r, rows)))
        elif matched:
            parts.append(chart(95, lambda p, r: charts.paired_scatter(p, r, matched)))
        section += 1
    if data.categories:
        cats = data.categories
        parts += [
            f"<h2>{section}. Hasil per kategori</h2>",
            "<p>Rata-rata nilai per kategori (jingga: di bawah batas lulus).</p>",
            chart(10 + 8 * len(cats),
                  lambda p, r: charts.category_bars(p, r, cats, s.pass_mark)),
        ]
        section += 1
    parts += _analysis_html(data, section)
    section += 1
    with_pre = data.has_pretest
    headers = ["No", "NIP", "Nama", "Unit kerja"]
    headers += ["Pre-test", "Nilai", "Lulus"] if with_pre else ["Nilai", "Lulus"]
    widths = (5, 26, 25, 21, 8, 7, 8) if with_pre else (5, 26, 30, 24, 7, 8)
    rows = []
    for pr in data.participants:
        row = [str(pr.number), _h(pr.nip) or "-", _h(pr.name), _h(pr.unit) or "-"]
        if with_pre:
            row.append(_p2(pr.pre))
        row += [_p2(pr.nilai), "-" if pr.passed is None else ("Ya" if pr.passed else "Tidak")]
        rows.append(row)
    parts += [
        f'<h2 style="page-break-before: always;">{section}. Daftar peserta</h2>',
        _table(headers, rows, widths, "r" + " " * (len(headers) - 3) + "rr"),
    ]
    return "".join(parts), charts_


def _analysis_html(data: ReportData, section: int) -> list[str]:
    a = data.analysis
    parts = [
        f"<h2>{section}. Analisis soal</h2>",
        f"<p>Reliabilitas KR-20: <b>{_p2(a.kr20)}</b>. {_h(kr20_reading(a.kr20, a.kr20_note))}</p>",
    ]
    if data.missed:
        parts.append("<h3>Soal yang paling banyak dijawab salah (bahan pengulangan)</h3>")
        for i, m in enumerate(data.missed, 1):
            wrong = (f"<br/>Jawaban salah terbanyak: {_h(m.common_wrong)}" if m.common_wrong
                     else "")
            explanation = (f"<br/><i>Penjelasan:</i> {_h(m.explanation)}" if m.explanation
                           else "")
            ref = f"<br/><i>Dasar hukum:</i> {_h(m.reference)}" if m.reference else ""
            parts.append(
                f'<p style="margin-bottom: 6pt;"><b>{i}. [{_h(m.question_id)}] '
                f"{_h(m.text)}</b><br/>Kategori: {_h(m.category)} · dijawab benar "
                f"{format_percent(round(m.facility * m.n), m.n)} dari {format_int(m.n)} "
                f"peserta<br/>Kunci: {_h(m.answer_text)}{wrong}{explanation}{ref}</p>"
            )
    items = [i for i in a.items if i.facility is not None][:ITEM_TABLE_MAX]
    if items:
        parts += [
            "<h3>Tingkat kesukaran dan daya pembeda</h3>",
            "<p>p = proporsi menjawab benar (tingkat kesukaran); r = daya pembeda "
            "(korelasi skor soal dengan skor sisa tes).</p>",
            _table(
                ("Soal", "Kategori", "n", "p", "r", "Pengecoh tak dipilih", "Catatan"),
                [(_h(i.question_id), _h(item_category_title(i, data)), format_int(i.n),
                  _p2(i.facility), _p2(i.discrimination),
                  _h(", ".join(i.unused_distractors)) or "-",
                  _h("; ".join(flag_text(f, i) for f in sorted(i.flags))) or "-")
                 for i in items],
                (9, 31, 6, 8, 8, 15, 23), "  rrr",
            ),
        ]
    return parts


def _decorate(data: ReportData, body: QRectF) -> object:
    head = font(7.5)
    head_bold = font(7.5, bold=True)

    def draw(p: QPainter, page: int, pages: int) -> None:
        p.save()
        p.setPen(QColor("#1d2125"))
        top = QRectF(body.left(), mm(10), body.width(), mm(5))
        p.setFont(head_bold)
        p.drawText(top, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                   data.title)
        p.setFont(head)
        where = " · ".join(x for x in (data.place, data.date_text) if x)
        p.drawText(top, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                   where)
        pen = QPen(QColor("#9aa3ad"))
        pen.setWidthF(mm(0.2))
        p.setPen(pen)
        y = mm(16.5)
        p.drawLine(QPointF(body.left(), y), QPointF(body.right(), y))
        p.setPen(QColor("#4a4f57"))
        bottom = QRectF(body.left(), body.bottom() + mm(6), body.width(), mm(5))
        p.drawText(bottom, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                   f"Kuis ASN · sesi {data.code}"
                   + (f" · pelatih: {data.trainer}" if data.trainer else ""))
        p.drawText(bottom, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                   f"Halaman {page} dari {pages}")
        p.restore()

    return draw


def render_report(data: ReportData, out: Path, progress: Progress | None = None) -> Rendered:
    """Write the report PDF atomically; ``progress(page, pages)`` while painting."""
    start = time.perf_counter()
    ensure_fonts()
    html, chart_map = build_html(data)
    with atomic_pdf(out) as tmp:
        writer = new_writer(tmp, title=f"Laporan Kegiatan — {data.title}")
        doc, body, _handler = paginated_document(writer, html, MARGINS, chart_map)
        painter = QPainter()
        begin(painter, writer, out)
        try:
            pages = print_document(painter, writer, doc, body, _decorate(data, body),
                                   progress)
        finally:
            painter.end()
    return Rendered(Path(out), pages, time.perf_counter() - start)
