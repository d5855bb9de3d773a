"""Our Excel template: write it (empty, or filled from a bank) and import it back.

Sheets: ``Petunjuk`` (instructions), ``Soal`` (one row per question, dropdowns for type,
answer, category, difficulty and shuffle), ``Kategori`` (id, title, description) and
``Bank`` (the bank's id, title, description, version, language). Columns are found by
their header, so a trainer may reorder or hide them.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...atomicio import write_atomic
from ...model import FALSE_KEY, OPTION_KEYS, TRUE_KEY, Bank, Difficulty, Question, QuestionType
from ...paths import data_dir
from ...userfile import check_output
from ..bank import IMAGE_SUFFIXES, TIME_RANGE
from .draft import DraftBank, DraftQuestion, ImportResult, Skipped, Where, column_letter, slugify
from .source import Cell, Sheet, Workbook, read_xlsx

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

QUESTION_SHEET, CATEGORY_SHEET, BANK_SHEET, HELP_SHEET = "Soal", "Kategori", "Bank", "Petunjuk"
MAX_TEMPLATE_ROWS = 1000  # rows with dropdowns in the empty template

# Header of each column in the Soal sheet, in order, and the field it fills.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("Kategori", "category"),
    ("Jenis", "type"),
    ("Soal", "text"),
    *((f"Pilihan {k}", f"option_{k}") for k in OPTION_KEYS),
    ("Jawaban", "answer"),
    ("Penjelasan", "explanation"),
    ("Rujukan", "reference"),
    ("Kesulitan", "difficulty"),
    ("Poin", "points"),
    ("Batas waktu (detik)", "time_limit"),
    ("Acak pilihan", "shuffle"),
    ("Gambar", "image"),
    ("Tag", "tags"),
    ("ID", "id"),
)
FIELD_COLUMN = {fld: i + 1 for i, (_, fld) in enumerate(COLUMNS)}

TYPE_LABELS = {
    QuestionType.SINGLE: "Pilihan tunggal",
    QuestionType.MULTIPLE: "Pilihan ganda kompleks",
    QuestionType.TRUE_FALSE: "Benar/Salah",
    QuestionType.POLL: "Jajak pendapat",
}
_TYPE_WORDS = {
    **{label.casefold(): t for t, label in TYPE_LABELS.items()},
    **{t.value: t for t in QuestionType},
    "tunggal": QuestionType.SINGLE,
    "ganda kompleks": QuestionType.MULTIPLE,
    "pilihan ganda (kompleks)": QuestionType.MULTIPLE,
    "benar-salah": QuestionType.TRUE_FALSE,
    "benar salah": QuestionType.TRUE_FALSE,
    "b/s": QuestionType.TRUE_FALSE,
    "true/false": QuestionType.TRUE_FALSE,
    "survei": QuestionType.POLL,
    "jajak": QuestionType.POLL,
}
AMBIGUOUS_TYPE = "pilihan ganda"  # one answer: single; several: multiple
DIFFICULTY_LABELS = {Difficulty.EASY: "Mudah", Difficulty.MEDIUM: "Sedang",
                     Difficulty.HARD: "Sulit"}
_DIFFICULTY_WORDS = {
    **{label.casefold(): d for d, label in DIFFICULTY_LABELS.items()},
    **{d.value: d for d in Difficulty},
    "sukar": Difficulty.HARD,
}
YES, NO = "Ya", "Tidak"
_BOOL_WORDS = {"ya": True, "y": True, "true": True, "1": True, "benar": True,
               "tidak": False, "t": False, "false": False, "0": False, "salah": False}
_TRUE_WORDS = {"benar", "b", "true", "ya", "1"}
_FALSE_WORDS = {"salah", "s", "false", "tidak", "0"}
ANSWER_CHOICES = (*OPTION_KEYS, "Benar", "Salah")

BANK_FIELDS = (("ID bank", "id"), ("Judul", "title"), ("Deskripsi", "description"),
               ("Versi", "version"), ("Bahasa", "language"))

INSTRUCTIONS = (
    "Petunjuk pengisian templat bank soal Kuis ASN",
    "",
    "1. Isi lembar 'Bank': ID bank (huruf kecil, angka, tanda '-') dan judul bank.",
    "2. Isi lembar 'Kategori': satu baris per kategori (ID, Judul, Deskripsi). Kategori yang "
    "ditulis di lembar 'Soal' tetapi belum ada di sini dibuat otomatis.",
    "3. Isi lembar 'Soal': satu baris per soal. Baris contoh boleh ditimpa atau dihapus.",
    "",
    "Kolom lembar 'Soal':",
    "- Kategori: pilih dari daftar (judul kategori di lembar 'Kategori').",
    "- Jenis: Pilihan tunggal (satu jawaban benar), Pilihan ganda kompleks (lebih dari satu "
    "jawaban benar), Benar/Salah, atau Jajak pendapat (survei, tanpa jawaban benar).",
    "- Soal: teks soal. Tekan Alt+Enter di Excel untuk baris baru di dalam sel.",
    "- Pilihan A sampai Pilihan H: isi berurutan mulai dari A, tanpa lompatan; 2–8 pilihan. "
    "Kosongkan untuk soal Benar/Salah.",
    "- Jawaban: satu huruf (A), beberapa huruf dipisah koma untuk Pilihan ganda kompleks "
    "(A, C), Benar atau Salah untuk soal Benar/Salah; kosong untuk Jajak pendapat.",
    "- Penjelasan: mengapa jawaban itu benar; tampil saat pembahasan.",
    "- Rujukan: dasar hukum (peraturan dan pasal).",
    "- Kesulitan: Mudah, Sedang atau Sulit (boleh kosong).",
    "- Poin: angka lebih dari 0 (kosong = 1).",
    "- Batas waktu (detik): bilangan bulat 5–3600 (kosong = menurut rencana sesi, bawaan 30).",
    "- Acak pilihan: Ya atau Tidak (kosong = Ya). Tulis Tidak bila ada pilihan seperti "
    "'Semua jawaban benar'.",
    "- Gambar: nama berkas gambar (png, jpg, svg) di folder yang sama dengan bank soal.",
    "- Tag: kata kunci dipisah koma (boleh kosong).",
    "- ID: boleh kosong; aplikasi membuat ID yang tetap sama setiap kali berkas diimpor ulang.",
    "",
    "Setelah selesai, simpan berkas ini (format .xlsx), lalu impor:",
    "    quiz-app import soal.xlsx --out bank_saya.yaml",
    "atau dari aplikasi: Buat/ubah bank soal → Impor. Setiap masalah ditunjukkan dengan "
    "lembar dan selnya, misalnya soal.xlsx:Soal!M7, dan soal yang bermasalah tidak diimpor "
    "sampai diperbaiki.",
)

EXAMPLE_CATEGORIES = (
    ("netralitas", "Netralitas ASN", "Larangan dan hal yang diperbolehkan bagi ASN dalam pemilu."),
    ("berakhlak", "Nilai Dasar BerAKHLAK", "Nilai dasar ASN menurut UU 20/2023."),
)
EXAMPLE_ROWS: tuple[dict[str, Any], ...] = (
    {"category": "Nilai Dasar BerAKHLAK", "type": TYPE_LABELS[QuestionType.SINGLE],
     "text": "Dalam akronim BerAKHLAK, huruf \"H\" merupakan singkatan dari nilai ...",
     "option_A": "Humanis", "option_B": "Harmonis", "option_C": "Hemat", "option_D": "Heroik",
     "answer": "B",
     "explanation": "Tujuh nilai dasar ASN adalah Berorientasi Pelayanan, Akuntabel, Kompeten, "
     "Harmonis, Loyal, Adaptif, dan Kolaboratif; huruf \"H\" berarti Harmonis.",
     "reference": "UU 20/2023 Pasal 3 ayat (2); SE MenPAN-RB No. 20 Tahun 2021",
     "difficulty": "Mudah", "points": 1, "time_limit": 30},
    {"category": "Netralitas ASN", "type": TYPE_LABELS[QuestionType.TRUE_FALSE],
     "text": "ASN tetap memiliki hak untuk memilih dalam Pemilu dan Pilkada.",
     "answer": "Benar",
     "explanation": "Netral bukan berarti tidak boleh memilih.",
     "reference": "Deklarasi netralitas ASN Kab. Bandung, 30 September 2024",
     "difficulty": "Mudah"},
)


# --- writing ---------------------------------------------------------------------------


def write_template(path: Path, bank: Bank | None = None) -> int:
    """Write the template to ``path`` atomically: empty with example rows, or filled from
    ``bank`` (the export: importing it back gives the same bank). Returns the rows written."""
    from openpyxl import Workbook as XlWorkbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = XlWorkbook()
    help_ws = wb.active
    assert help_ws is not None
    help_ws.title = HELP_SHEET
    for i, line in enumerate(INSTRUCTIONS, start=1):
        help_ws.cell(i, 1, line)
    help_ws["A1"].font = Font(bold=True, size=14)
    help_ws.column_dimensions["A"].width = 120

    qs = wb.create_sheet(QUESTION_SHEET)
    cats = wb.create_sheet(CATEGORY_SHEET)
    info = wb.create_sheet(BANK_SHEET)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")

    def header(ws: Worksheet, titles: list[str]) -> None:
        for col, title in enumerate(titles, start=1):
            cell = ws.cell(1, col, title)
            cell.font, cell.fill = bold, fill
        ws.freeze_panes = "A2"

    header(qs, [title for title, _ in COLUMNS])
    header(cats, ["ID", "Judul", "Deskripsi"])
    widths = {"category": 24, "type": 22, "text": 60, "answer": 10, "explanation": 50,
              "reference": 36, "id": 16}
    for fld, col in FIELD_COLUMN.items():
        qs.column_dimensions[column_letter(col)].width = widths.get(
            fld, 24 if fld.startswith("option_") else 14)
    cats.column_dimensions["A"].width, cats.column_dimensions["B"].width = 20, 36
    cats.column_dimensions["C"].width = 60
    info.column_dimensions["A"].width, info.column_dimensions["B"].width = 14, 60

    rows = _bank_rows(bank) if bank is not None else [dict(r) for r in EXAMPLE_ROWS]
    categories = ([(c.id, c.title, c.description) for c in bank.categories]
                  if bank is not None else list(EXAMPLE_CATEGORIES))
    meta = ({"id": bank.id, "title": bank.title, "description": bank.description,
             "version": bank.version, "language": bank.language}
            if bank is not None else {"id": "bank-saya", "title": "Bank Soal Saya",
                                      "language": "id"})
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(rows, start=2):
        for fld, value in row.items():
            if value is None or value == "":
                continue
            cell = qs.cell(r, FIELD_COLUMN[fld], value)
            if isinstance(value, str):
                cell.data_type = "s"  # "=x" stays text, never a formula
                if "\n" in value or len(value) > 40:
                    cell.alignment = wrap
    for r, (cid, title, desc) in enumerate(categories, start=2):
        for c, value in enumerate((cid, title, desc), start=1):
            if value:
                cats.cell(r, c, value).data_type = "s"
    for r, (label, key) in enumerate(BANK_FIELDS, start=1):
        info.cell(r, 1, label).font = bold
        if meta.get(key):
            info.cell(r, 2, meta[key]).data_type = "s"

    last = max(MAX_TEMPLATE_ROWS, len(rows) + 200)

    def dropdown(formula: str, fld: str, strict: bool) -> None:
        dv = DataValidation(type="list", formula1=formula, allow_blank=True,
                            showErrorMessage=True, errorStyle="stop" if strict else "warning")
        dv.error = "Pilih nilai dari daftar." if strict else "Nilai ini tidak ada di daftar."
        dv.errorTitle = "Kuis ASN"
        letter = column_letter(FIELD_COLUMN[fld])
        dv.add(f"{letter}2:{letter}{last}")
        qs.add_data_validation(dv)

    def quoted(values: list[str]) -> str:
        return '"' + ",".join(values) + '"'

    dropdown(quoted(list(TYPE_LABELS.values())), "type", strict=False)
    # The answer column takes several letters too ("A, C"): a warning, not a refusal.
    dropdown(quoted(list(ANSWER_CHOICES)), "answer", strict=False)
    dropdown(f"={CATEGORY_SHEET}!$B$2:$B$500", "category", strict=False)
    dropdown(quoted(list(DIFFICULTY_LABELS.values())), "difficulty", strict=True)
    dropdown(quoted([YES, NO]), "shuffle", strict=True)
    wb.active = wb.sheetnames.index(QUESTION_SHEET)

    buf = io.BytesIO()
    wb.save(buf)
    # never the results store, the data folder's files, a symlink or a FIFO
    check_output(path, "xlsx", force=True, protected=(data_dir(),))
    write_atomic(path, buf.getvalue())
    return len(rows)


def _bank_rows(bank: Bank) -> list[dict[str, Any]]:
    titles = [c.title for c in bank.categories]
    unique_titles = len(set(titles)) == len(titles)
    rows: list[dict[str, Any]] = []
    folder = bank.path.parent if bank.path is not None else None
    for q in bank.questions:
        category = bank.category(q.category).title if unique_titles else q.category
        row: dict[str, Any] = {"id": q.id, "category": category, "type": TYPE_LABELS[q.type],
                               "text": q.text}
        if q.type is not QuestionType.TRUE_FALSE:
            for opt in q.options:
                row[f"option_{opt.key}"] = opt.text
        row["answer"] = _answer_cell(q)
        row["explanation"], row["reference"] = q.explanation, q.reference
        row["difficulty"] = DIFFICULTY_LABELS[q.difficulty] if q.difficulty else ""
        row["points"] = int(q.points) if q.points.is_integer() else q.points
        row["time_limit"] = q.time_limit
        row["shuffle"] = YES if q.shuffle else NO
        if q.image is not None:
            row["image"] = (q.image.relative_to(folder).as_posix()
                            if folder is not None and q.image.is_relative_to(folder)
                            else str(q.image))
        row["tags"] = ", ".join(q.tags)
        rows.append(row)
    return rows


def _answer_cell(q: Question) -> str:
    if q.type is QuestionType.TRUE_FALSE:
        return "Benar" if q.answer == {TRUE_KEY} else "Salah"
    return ", ".join(sorted(q.answer))


# --- reading ---------------------------------------------------------------------------


def is_template(book: Workbook) -> bool:
    sheet = book.sheet(QUESTION_SHEET)
    return sheet is not None and _header(sheet) is not None


def _norm(value: Cell) -> str:
    return " ".join(cell_text(value).split()).casefold()


def _header(sheet: Sheet) -> tuple[int, dict[str, int]] | None:
    """(header row number, field → 1-based column) when a row names 'Soal' and 'Jawaban'."""
    by_title = {title.casefold(): fld for title, fld in COLUMNS}
    for number, cells in sheet.rows[:20]:
        found = {by_title[_norm(v)]: c for c, v in enumerate(cells, start=1)
                 if _norm(v) in by_title}
        if "text" in found and "answer" in found:
            return number, found
    return None


def cell_text(value: Cell) -> str:
    """A cell as the trainer sees it: 10.0 → "10", None → ""; text stripped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\r\n", "\n").replace("_x000D_", "").strip()


@dataclass
class _Row:
    where: Where  # the row (column 0)
    cells: list[Cell]
    columns: dict[str, int]

    def get(self, fld: str) -> str:
        col = self.columns.get(fld)
        if col is None or col > len(self.cells):
            return ""
        return cell_text(self.cells[col - 1])

    def raw(self, fld: str) -> Cell:
        col = self.columns.get(fld)
        return None if col is None or col > len(self.cells) else self.cells[col - 1]

    def at(self, fld: str) -> Where:
        return self.where.at_col(self.columns.get(fld, 0))


def read_template(path: Path, display: str, out_dir: Path | None = None,
                  book: Workbook | None = None) -> ImportResult:
    """Import our template. ``out_dir`` is where the bank will be written (for images)."""
    book = book if book is not None else read_xlsx(path, display)
    result = ImportResult(DraftBank(slugify(path.stem), path.stem), "template", list(book.issues))
    if book.issues:
        return result
    sheet = book.sheet(QUESTION_SHEET)
    found = _header(sheet) if sheet is not None else None
    if sheet is None or found is None:
        result.issues.append(Where(display).issue(
            "lembar 'Soal' dengan baris judul kolom (Kategori, Jenis, Soal, …, Jawaban) tidak "
            "ditemukan; gunakan templat dari 'quiz-app template'"))
        return result
    _read_meta(book, display, result)
    _read_categories(book, display, result)
    header_row, columns = found
    if "category" not in columns and not result.bank.categories:
        result.bank.category_for("Umum")
    if sheet.truncated:
        result.issues.append(Where(display, sheet.rows[-1][0], 0, sheet.title).issue(
            f"lembar '{sheet.title}' lebih dari {len(sheet.rows)} baris; baris setelahnya tidak "
            "dibaca — pecah soal ke beberapa berkas"))
    for number, cells in sheet.rows:
        if number <= header_row or all(cell_text(v) == "" for v in cells):
            continue
        row = _Row(Where(display, number, 0, sheet.title), cells, columns)
        q = _question(row, result, out_dir if out_dir is not None else path.parent)
        if q is not None:
            result.bank.questions.append(q)
    return result


def _read_meta(book: Workbook, display: str, result: ImportResult) -> None:
    sheet = book.sheet(BANK_SHEET)
    if sheet is None:
        return
    labels = {label.casefold(): key for label, key in BANK_FIELDS}
    for number, cells in sheet.rows[:20]:
        key = labels.get(_norm(cells[0] if cells else None))
        value = cell_text(cells[1]) if len(cells) > 1 else ""
        if key is None or not value:
            continue
        if key == "id" and value != slugify(value, ""):
            result.issues.append(Where(display, number, 2, sheet.title).issue(
                f"ID bank '{value}' tidak sah; gunakan huruf kecil, angka dan '-' "
                f"(contoh: '{slugify(value)}')"))
            continue
        setattr(result.bank, key, value)


def _read_categories(book: Workbook, display: str, result: ImportResult) -> None:
    from ...model import Category

    sheet = book.sheet(CATEGORY_SHEET)
    if sheet is None:
        return
    seen: dict[str, int] = {}
    for number, cells in sheet.rows[1:]:
        cid, title, desc = (cell_text(cells[i]) if i < len(cells) else "" for i in range(3))
        if not (cid or title or desc):
            continue
        where = Where(display, number, 1, sheet.title)
        if not title:
            result.issues.append(where.at_col(2).issue(
                "kategori tanpa judul; isi kolom Judul (kategori ini tidak dipakai)"))
            continue
        cid = cid or slugify(title, "umum")
        if cid != slugify(cid, ""):
            result.issues.append(where.issue(
                f"ID kategori '{cid}' tidak sah; gunakan huruf kecil, angka dan '-' (contoh: "
                f"'{slugify(cid)}'), atau kosongkan agar dibuat dari judul"))
            continue
        if cid in seen:
            result.issues.append(where.issue(
                f"kategori '{cid}' ditulis dua kali (pertama di baris {seen[cid]})"))
            continue
        seen[cid] = number
        result.bank.categories.append(Category(cid, title, desc))


def _question(row: _Row, result: ImportResult, out_dir: Path) -> DraftQuestion | None:
    problems: list[str] = []

    def bad(fld: str, message: str) -> None:
        result.issues.append(row.at(fld).issue(message))
        problems.append(message)

    text = row.get("text")
    if not text:
        bad("text", "teks soal kosong; isi kolom Soal (atau hapus seluruh baris)")
    options: list[str] = []
    gap: str | None = None
    for key in OPTION_KEYS:
        value = row.get(f"option_{key}")
        if value and gap is not None:
            bad(f"option_{key}", f"Pilihan {key} terisi padahal Pilihan {gap} kosong; isi "
                "pilihan berurutan mulai dari A tanpa lompatan")
            break
        if value:
            options.append(value)
        elif gap is None:
            gap = key
    answer_raw = row.get("answer")
    qtype = _type(row, answer_raw, bad)
    if qtype is QuestionType.TRUE_FALSE:
        if options:
            bad("option_A", "soal Benar/Salah tidak memakai kolom Pilihan (pilihannya selalu "
                "Benar dan Salah); kosongkan Pilihan A–H atau ubah Jenis")
    elif len(options) < 2 and not problems:
        bad("option_A", f"soal perlu 2–8 pilihan (Pilihan A, Pilihan B, …), baru {len(options)}")
    answer = _answer(row, qtype, answer_raw, len(options), bad)
    category = _category(row, result, bad)
    difficulty = ""
    if row.get("difficulty"):
        d = _DIFFICULTY_WORDS.get(_norm(row.raw("difficulty")))
        if d is None:
            bad("difficulty", f"kesulitan '{row.get('difficulty')}' tidak dikenal; pilih Mudah, "
                "Sedang atau Sulit")
        else:
            difficulty = d.value
    points = _points(row, bad)
    time_limit = _time_limit(row, bad)
    shuffle: bool | None = None
    if row.get("shuffle"):
        shuffle = _BOOL_WORDS.get(_norm(row.raw("shuffle")))
        if shuffle is None:
            bad("shuffle",
                f"Acak pilihan '{row.get('shuffle')}' tidak dikenal; tulis Ya atau Tidak")
    image = _image(row, out_dir, result)
    if problems:
        result.skipped.append(_skipped(row.where, problems))
        return None
    assert qtype is not None and category is not None
    tags = [t.strip() for t in row.get("tags").replace(";", ",").split(",") if t.strip()]
    return DraftQuestion(
        where=row.at("text"), text=text, category=category, type=qtype,
        options=[] if qtype is QuestionType.TRUE_FALSE else options, answer=answer,
        explanation=row.get("explanation"), reference=row.get("reference"),
        difficulty=difficulty, points=points, time_limit=time_limit, shuffle=shuffle,
        image=image, tags=tags, id=row.get("id"))


def _skipped(where: Where, problems: list[str]) -> Skipped:
    return Skipped(where.text(), problems[0], True)


def _type(row: _Row, answer_raw: str, bad: Any) -> QuestionType | None:
    word = _norm(row.raw("type"))
    letters = _letters(answer_raw)
    if not word or word == AMBIGUOUS_TYPE:
        if answer_raw.casefold() in _TRUE_WORDS | _FALSE_WORDS and not word and len(
                answer_raw) > 1:
            return QuestionType.TRUE_FALSE
        return QuestionType.MULTIPLE if len(letters) > 1 else QuestionType.SINGLE
    qtype = _TYPE_WORDS.get(word)
    if qtype is None:
        bad("type", f"jenis soal '{row.get('type')}' tidak dikenal; pilih: "
            + ", ".join(TYPE_LABELS.values()))
    return qtype


def _letters(raw: str) -> list[str]:
    return [p.strip() for p in raw.replace(";", ",").replace(" ", ",").split(",") if p.strip()]


def _answer(row: _Row, qtype: QuestionType | None, raw: str, n_options: int,
            bad: Any) -> list[str]:
    if qtype is None:
        return []
    if qtype is QuestionType.POLL:
        if raw:
            bad("answer", "soal Jajak pendapat tidak punya jawaban benar; kosongkan kolom "
                "Jawaban atau ubah Jenis")
        return []
    if not raw:
        hint = {QuestionType.SINGLE: "satu huruf, misalnya B",
                QuestionType.MULTIPLE: "beberapa huruf dipisah koma, misalnya A, C",
                QuestionType.TRUE_FALSE: "Benar atau Salah"}[qtype]
        bad("answer", f"kolom Jawaban kosong; tulis {hint}")
        return []
    if qtype is QuestionType.TRUE_FALSE:
        word = raw.casefold()
        if word in _TRUE_WORDS:
            return [TRUE_KEY]
        if word in _FALSE_WORDS:
            return [FALSE_KEY]
        bad("answer", f"jawaban soal Benar/Salah harus Benar atau Salah, bukan '{raw}'")
        return []
    letters = _letters(raw)
    keys = OPTION_KEYS[:n_options]
    out: list[str] = []
    for letter in letters:
        key = letter.upper()
        if key not in keys:
            valid = ", ".join(keys) if keys else "(belum ada pilihan)"
            bad("answer", f"jawaban '{letter}' bukan huruf pilihan yang terisi ({valid})")
            return []
        if key in out:
            bad("answer", f"huruf '{key}' ditulis dua kali di kolom Jawaban")
            return []
        out.append(key)
    if qtype is QuestionType.SINGLE and len(out) > 1:
        bad("answer", f"soal Pilihan tunggal hanya boleh punya satu jawaban, bukan '{raw}'; "
            "ubah Jenis menjadi Pilihan ganda kompleks bila jawabannya memang lebih dari satu")
        return []
    return sorted(out)


def _category(row: _Row, result: ImportResult, bad: Any) -> str | None:
    name = row.get("category")
    if not name:
        if "category" not in row.columns:
            return result.bank.categories[0].id
        bad("category", "kolom Kategori kosong; pilih kategori dari daftar")
        return None
    return result.bank.category_for(name)


def _points(row: _Row, bad: Any) -> float | None:
    raw = row.raw("points")
    if raw is None or cell_text(raw) == "":
        return None
    value = _number(raw)
    if value is None or not 0 < value <= 1_000_000:
        bad("points", f"Poin '{cell_text(raw)}' tidak sah; tulis angka lebih dari 0")
        return None
    return value


def _time_limit(row: _Row, bad: Any) -> int | None:
    raw = row.raw("time_limit")
    if raw is None or cell_text(raw) == "":
        return None
    value = _number(raw)
    low, high = TIME_RANGE
    if value is None or not value.is_integer() or not low <= value <= high:
        bad("time_limit", f"Batas waktu '{cell_text(raw)}' tidak sah; tulis bilangan bulat "
            f"{low}–{high} (detik)")
        return None
    return int(value)


def _number(raw: Cell) -> float | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        return float(raw)
    try:
        return float(cell_text(raw).replace(",", "."))
    except ValueError:
        return None


def _image(row: _Row, out_dir: Path, result: ImportResult) -> str:
    rel = row.get("image")
    if not rel:
        return ""
    folder = out_dir.resolve()
    target = (folder / rel).resolve()
    reason = ""
    if not target.is_relative_to(folder):
        reason = "berada di luar folder bank soal"
    elif target.suffix.lower() not in IMAGE_SUFFIXES:
        reason = "harus berformat png, jpg atau svg"
    elif not target.is_file():
        reason = f"tidak ditemukan di {folder}"
    if reason:
        result.warn(row.at("image"), f"gambar '{rel}' {reason}; soal diimpor tanpa gambar — "
                    "salin gambar ke folder bank lalu tulis namanya di kolom Gambar")
        return ""
    return target.relative_to(folder).as_posix()
