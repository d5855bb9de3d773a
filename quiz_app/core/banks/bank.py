"""Load and validate ``kuis-bank/1`` question banks.

``load_bank(path)`` returns a frozen :class:`Bank` or raises one :class:`BankError`
carrying every problem found, each located (file, line, column, question id).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import BankError
from ..model import (
    BANK_FORMAT,
    FALSE_KEY,
    OPTION_KEYS,
    TRUE_KEY,
    Bank,
    Category,
    Difficulty,
    Option,
    Question,
    QuestionType,
)
from ..userfile import NOT_REGULAR, is_regular_file, path_problem
from .cache import BankCache
from .schema import Fields, describe
from .yamlsrc import LocList, LocMap, Source, parse_yaml, read_source

TOP_KEYS = (
    "format", "id", "title", "language", "version", "description", "categories", "defaults",
    "questions",
)
CATEGORY_KEYS = ("id", "title", "description")
DEFAULT_KEYS = ("points", "time_limit", "difficulty", "shuffle")
QUESTION_KEYS = (
    "id", "category", "type", "text", "options", "answer", "explanation", "reference",
    "difficulty", "points", "time_limit", "shuffle", "image", "tags",
)
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")
TIME_RANGE = (5, 3600)
TRUE_FALSE_OPTIONS = (Option(TRUE_KEY, "Benar"), Option(FALSE_KEY, "Salah"))


def load_bank(path: Path | str, cache: BankCache | None = None, display: str | None = None) -> Bank:
    """Validate the bank at ``path``; with a cache, an unchanged file is not parsed again."""
    path = Path(path)
    src = read_source(path, display)
    if cache is not None and not src.issues:
        cached = cache.get(path, src.data)
        if cached is not None and _images_present(cached):
            return cached
    bank = _validate(src)
    if src.issues:
        raise BankError(src.issues)
    assert bank is not None
    if cache is not None:
        cache.put(path, src.data, bank)
    return bank


def validate_source(src: Source) -> Bank | None:
    """Validate an already-read source; problems are appended to ``src.issues``."""
    return _validate(src)


def _images_present(bank: Bank) -> bool:
    return all(q.image is None or q.image.is_file() for q in bank.questions)


def _validate(src: Source) -> Bank | None:
    doc = parse_yaml(src)
    if doc is None:
        return None
    if not isinstance(doc, LocMap):
        src.issue(1, f"bank soal harus berupa pemetaan (format:, id:, …), bukan {describe(doc)}")
        return None
    top = Fields(src, doc, "bank")
    top.unknown_keys(TOP_KEYS)
    fmt = top.text("format", required=True)
    if fmt and fmt != BANK_FORMAT:
        if fmt.startswith("kuis-plan/"):
            hint = "ini berkas rencana sesi, bukan bank soal"
        else:
            hint = f"tulis 'format: {BANK_FORMAT}'"
        top.issue("format", f"format '{fmt}' tidak didukung; {hint}")
    bank_id = top.slug("id")
    title = top.text("title", required=True)
    language = top.text("language", default="id") or "id"
    version = top.text("version")
    description = top.text("description")

    categories = _categories(src, top)
    defaults = _defaults(src, top)
    questions = _questions(src, top, {c.id for c in categories}, defaults)
    if src.issues:
        return None
    return Bank(
        id=bank_id,
        title=title,
        categories=tuple(categories),
        questions=tuple(questions),
        path=src.path.resolve(),
        language=language,
        version=version,
        description=description,
        format=fmt,
    )


def _categories(src: Source, top: Fields) -> list[Category]:
    items = top.sequence("categories", required=True)
    result: list[Category] = []
    if items is None:
        return result
    if not items:
        top.issue("categories", "daftar 'categories' kosong; nyatakan minimal satu kategori")
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        if not isinstance(item, LocMap):
            src.issue(items.pos(i), "setiap kategori berupa pemetaan {id, title, description}")
            continue
        f = Fields(src, item, "kategori")
        f.unknown_keys(CATEGORY_KEYS)
        cid = f.slug("id")
        title = f.text("title", required=True)
        if cid in seen:
            f.issue("id", f"kategori '{cid}' dinyatakan dua kali (pertama di baris {seen[cid]})")
        elif cid:
            seen[cid] = item.pos("id")[0]
            result.append(Category(cid, title, f.text("description")))
    return result


def _defaults(src: Source, top: Fields) -> dict[str, Any]:
    m = top.mapping("defaults")
    if m is None:
        return {}
    f = Fields(src, m, "defaults")
    f.unknown_keys(DEFAULT_KEYS)
    out: dict[str, Any] = {}
    if f.has("points"):
        out["points"] = f.number("points", 0, 1_000_000, 1.0, low_open=True)
    if f.has("time_limit"):
        out["time_limit"] = f.integer("time_limit", *TIME_RANGE)
    if f.has("difficulty"):
        out["difficulty"] = f.choice("difficulty", [d.value for d in Difficulty], "medium")
    if f.has("shuffle"):
        out["shuffle"] = f.boolean("shuffle", True)
    return out


def _questions(
    src: Source, top: Fields, category_ids: set[str], defaults: dict[str, Any]
) -> list[Question]:
    items = top.sequence("questions", required=True)
    result: list[Question] = []
    if items is None:
        return result
    if not items:
        top.issue("questions", "daftar 'questions' kosong; tulis minimal satu soal")
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        if not isinstance(item, LocMap):
            src.issue(items.pos(i), f"soal ke-{i + 1} harus berupa pemetaan (id:, text:, …)")
            continue
        raw_id = item.get("id")
        qid = raw_id if isinstance(raw_id, str) else None
        duplicate = qid is not None and qid in seen
        if qid is not None and duplicate:
            src.issue(
                item.pos("id"),
                f"id soal '{qid}' sudah dipakai di baris {seen[qid]}; setiap soal perlu id unik",
                qid,
            )
        elif qid is not None:
            seen[qid] = item.pos("id")[0]
        q = _question(src, Fields(src, item, "soal", qid), category_ids, defaults)
        if q is not None and not duplicate:
            result.append(q)
    return result


def _question(
    src: Source, f: Fields, category_ids: set[str], defaults: dict[str, Any]
) -> Question | None:
    before = len(src.issues)
    f.unknown_keys(QUESTION_KEYS)
    qid = f.slug("id")
    category = f.text("category", required=True)
    if category and category not in category_ids:
        declared = ", ".join(sorted(category_ids)) or "(belum ada)"
        f.issue(
            "category",
            f"kategori '{category}' belum dinyatakan di 'categories'; tambahkan di sana atau "
            f"pilih salah satu: {declared}",
        )
    type_ok = len(src.issues)
    qtype = QuestionType(f.choice("type", [t.value for t in QuestionType], "single"))
    type_ok = len(src.issues) == type_ok
    text = f.text("text", required=True)
    options = _options(f, qtype)
    # With an unknown type, the answer's form cannot be judged: report the type alone.
    answer = _answer(f, qtype, options) if type_ok else frozenset[str]()
    difficulty_raw = f.choice(
        "difficulty", [d.value for d in Difficulty], defaults.get("difficulty") or ""
    )
    points = f.number("points", 0, 1_000_000, defaults.get("points", 1.0), low_open=True)
    time_limit = f.integer("time_limit", *TIME_RANGE, default=defaults.get("time_limit"))
    shuffle = f.boolean("shuffle", defaults.get("shuffle", True))
    image = _image(src, f)
    tags = _tags(f)
    if len(src.issues) > before:
        return None
    return Question(
        id=qid,
        category=category,
        type=qtype,
        text=text,
        options=options,
        answer=answer,
        explanation=f.text("explanation"),
        reference=f.text("reference"),
        difficulty=Difficulty(difficulty_raw) if difficulty_raw else None,
        points=points,
        time_limit=time_limit,
        shuffle=shuffle,
        image=image,
        tags=tags,
        line=f.m.line,
    )


def _options(f: Fields, qtype: QuestionType) -> tuple[Option, ...]:
    if qtype is QuestionType.TRUE_FALSE:
        if "options" in f.m:
            f.issue(
                "options",
                "soal true_false tidak memakai 'options' (pilihannya selalu Benar/Salah); "
                "hapus 'options', atau ubah type menjadi single",
            )
        return TRUE_FALSE_OPTIONS
    m = f.mapping("options", required=True)
    if m is None:
        return ()
    keys = list(m)
    if not 2 <= len(keys) <= len(OPTION_KEYS):
        f.issue("options", f"soal perlu 2–8 pilihan jawaban (A–H), bukan {len(keys)}")
    options: list[Option] = []
    for i, key in enumerate(keys):
        expected = OPTION_KEYS[i] if i < len(OPTION_KEYS) else None
        if key != expected:
            if key.upper() == expected:
                msg = f"kunci pilihan '{key}' harus huruf kapital '{expected}'"
            elif expected is None:
                msg = f"pilihan '{key}' berlebih; paling banyak 8 pilihan (A–H)"
            else:
                msg = (f"pilihan ke-{i + 1} harus berkunci '{expected}', bukan '{key}'; "
                       "urutkan pilihan A, B, C, … tanpa lompatan")
            f.src.issue(m.kpos(key), msg, f.qid)
            continue
        value = m[key]
        if isinstance(value, LocMap | LocList) or value is None or not str(value).strip():
            f.src.issue(m.pos(key), f"teks pilihan {key} kosong atau bukan teks", f.qid)
            continue
        text = value if isinstance(value, str) else m.raw.get(key, str(value))
        options.append(Option(key, text.strip()))
    return tuple(options)


def _answer(f: Fields, qtype: QuestionType, options: tuple[Option, ...]) -> frozenset[str]:
    keys = {o.key for o in options}
    present = "answer" in f.m
    value = f.m.get("answer")
    if qtype is QuestionType.POLL:
        if present:
            f.issue("answer", "soal poll (survei) tidak punya kunci jawaban; hapus 'answer'")
        return frozenset()
    if not present or value is None:
        hint = {
            QuestionType.SINGLE: "contoh: 'answer: B'",
            QuestionType.MULTIPLE: "contoh: 'answer: [A, C]'",
            QuestionType.TRUE_FALSE: "tulis 'answer: true' (Benar) atau 'answer: false' (Salah)",
        }[qtype]
        if present:
            f.issue("answer", f"kunci jawaban kosong; {hint}")
        else:
            f.missing("answer")
        return frozenset()
    if qtype is QuestionType.TRUE_FALSE:
        if isinstance(value, bool):
            return frozenset({TRUE_KEY if value else FALSE_KEY})
        shown = f.m.raw.get("answer", describe(value))
        f.issue(
            "answer",
            f"jawaban soal true_false harus true (Benar) atau false (Salah), bukan '{shown}'",
        )
        return frozenset()
    if qtype is QuestionType.SINGLE:
        if isinstance(value, LocList):
            if len(value) != 1:
                f.issue(
                    "answer",
                    f"soal single hanya boleh punya satu jawaban, bukan {len(value)}; "
                    "ubah 'type: multiple' bila jawabannya memang lebih dari satu",
                )
                return frozenset()
            return _keys(f, value, keys)
        return _keys(f, [value], keys)
    # multiple
    if not isinstance(value, LocList):
        value = [value]
    if not value:
        f.issue("answer", "daftar jawaban kosong; soal multiple perlu minimal satu kunci, "
                "contoh: 'answer: [A, C]'")
        return frozenset()
    return _keys(f, value, keys)


def _keys(f: Fields, values: list[Any], keys: set[str]) -> frozenset[str]:
    out: set[str] = set()
    valid = ", ".join(sorted(keys)) or "(tidak ada pilihan)"
    for v in values:
        key = v if isinstance(v, str) else str(v)
        if key in out:
            f.issue("answer", f"kunci '{key}' ditulis dua kali di jawaban")
        elif key not in keys:
            hint = f"; gunakan huruf kapital '{key.upper()}'" if key.upper() in keys else ""
            f.issue("answer", f"jawaban '{key}' tidak ada di antara pilihan ({valid}){hint}")
        out.add(key)
    return frozenset(out)


def _image(src: Source, f: Fields) -> Path | None:
    rel = f.text("image")
    if not rel:
        return None
    problem = path_problem(rel)
    if problem is not None:
        f.issue("image", f"gambar '{rel[:80]}' tidak dapat dipakai: {problem}")
        return None
    folder = src.path.resolve().parent
    try:
        target = (folder / rel).resolve()
    except (OSError, RuntimeError):  # a symlink loop
        f.issue("image", f"gambar '{rel}' tidak dapat dibuka (tautan simbolik berputar)")
        return None
    if not target.is_relative_to(folder):
        f.issue("image", f"gambar '{rel}' berada di luar folder bank soal; salin gambar ke "
                "folder bank (atau subfoldernya) dan tulis jalurnya relatif")
        return None
    if target.suffix.lower() not in IMAGE_SUFFIXES:
        f.issue("image", f"gambar '{rel}' harus berformat png, jpg atau svg")
        return None
    if not target.exists():
        f.issue("image", f"gambar '{rel}' tidak ditemukan di {folder}")
        return None
    if not is_regular_file(target):
        f.issue("image", f"gambar '{rel}' {NOT_REGULAR}; pilih berkas gambar")
        return None
    return target


def _tags(f: Fields) -> tuple[str, ...]:
    seq = f.sequence("tags")
    if seq is None:
        return ()
    tags: list[str] = []
    for i, item in enumerate(seq):
        if isinstance(item, LocMap | LocList) or item is None:
            f.src.issue(seq.pos(i), "setiap tag harus berupa teks", f.qid)
            continue
        raw = seq.raw[i]
        tags.append(item if isinstance(item, str) else (raw if raw is not None else str(item)))
    return tuple(tags)
