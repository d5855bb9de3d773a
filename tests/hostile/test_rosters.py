"""Issue 12 items 4, 9, 11 and 14: damaged XLSX rosters, XLSX bombs, mixed encodings,
UTF-16 from Excel, invisible names and slow delimiter sniffing."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tests.hostile.conftest import World
from tests.hostile.harness import flips

NIP_1, NIP_2 = "199203142019031004", "198809212014122003"


def roster(world: World, path: Path):
    return world.cli("roster", str(path))


def take_roster(world: World, path: Path):
    return world.cli("take", "rencana.yaml", "--pin", "1234", "--roster", str(path))


# --------------------------------------------------------------------------- XLSX damage

@pytest.mark.parametrize("seed", range(40))
def test_xlsx_byte_flip(world: World, seed: int) -> None:
    data = world.path("peserta.xlsx").read_bytes()
    [(offset, flipped)] = flips(data, 1, 1000 + seed)
    path = world.path(f"flip-{offset}.xlsx")
    path.write_bytes(flipped)
    out = roster(world, path)
    out.assert_clean()
    if out.code == 1:
        assert path.name in out.text, out.describe()
    else:
        assert out.code == 0 and "3 peserta" in out.out, out.describe()


def _rezip(src: Path, dst: Path, edit) -> Path:
    with zipfile.ZipFile(src) as zin:
        members = {n: zin.read(n) for n in zin.namelist()}
    edit(members)
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for n, d in members.items():
            zout.writestr(n, d)
    return dst


def _sheet(members: dict[str, bytes]) -> str:
    return next(n for n in members if n.startswith("xl/worksheets/sheet"))


def _bad_shared_string(m: dict[str, bytes]) -> None:
    name = _sheet(m)
    m[name] = m[name].replace(b"<v>5</v>", b"<v>99999</v>", 1)


def _xfd_rows(m: dict[str, bytes]) -> None:
    rows = b"".join(b'<row r="%d"><c r="XFD%d" t="n"><v>1</v></c></row>' % (i, i)
                    for i in range(5, 200_005))
    name = _sheet(m)
    m[name] = m[name].replace(b"</sheetData>", rows + b"</sheetData>")


def _far_row(m: dict[str, bytes]) -> None:
    name = _sheet(m)
    m[name] = m[name].replace(
        b"</sheetData>", b'<row r="1048576"><c r="A1048576" t="n"><v>1</v></c></row>'
        b"</sheetData>")


def _deep_xml(m: dict[str, bytes]) -> None:
    name = _sheet(m)
    m[name] = m[name].replace(b"</sheetData>", b"<x>" * 100_000 + b"</x>" * 100_000
                              + b"</sheetData>")


def _entities(m: dict[str, bytes]) -> None:
    lol = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
           + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i else b"&lol;") * 10)
                      for i in range(1, 10))
           + b']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           b"<si><t>&lol9;</t></si></sst>")
    m["xl/sharedStrings.xml"] = lol


def _no_workbook(m: dict[str, bytes]) -> None:
    del m["xl/workbook.xml"]


def _garbage_sheet(m: dict[str, bytes]) -> None:
    m[_sheet(m)] = b"\x00\x01garbage<<<"


def _bad_cell_ref(m: dict[str, bytes]) -> None:
    name = _sheet(m)
    m[name] = m[name].replace(b'r="A1"', b'r="A0"', 1).replace(b'r="B2"', b'r="!!"', 1)


def _huge_column_ref(m: dict[str, bytes]) -> None:
    name = _sheet(m)
    m[name] = m[name].replace(b'r="B2"', b'r="ZZZZZZZ2"', 1)


def _bad_number(m: dict[str, bytes]) -> None:
    name = _sheet(m)
    m[name] = m[name].replace(b'</sheetData>', b'<row r="9"><c r="A9"><v>1e99999</v></c>'
                              b'<c r="B9" t="n"><v>abc</v></c></row></sheetData>')


XLSX_EDITS = {
    "bad-shared-string": _bad_shared_string,
    "xfd-every-row": _xfd_rows,
    "far-row": _far_row,
    "deep-xml": _deep_xml,
    "entity-expansion": _entities,
    "no-workbook": _no_workbook,
    "garbage-sheet": _garbage_sheet,
    "bad-cell-ref": _bad_cell_ref,
    "huge-column-ref": _huge_column_ref,
    "bad-number": _bad_number,
}


@pytest.mark.parametrize("case", sorted(XLSX_EDITS))
def test_crafted_xlsx(world: World, case: str) -> None:
    path = _rezip(world.path("peserta.xlsx"), world.path(f"{case}.xlsx"), XLSX_EDITS[case])
    out = roster(world, path)
    out.assert_clean()
    assert path.name in out.text or out.code == 0, out.describe()
    if out.code == 0:
        assert "3 peserta" in out.out, out.describe()
    out = take_roster(world, path) if out.code == 1 else None
    if out is not None:
        out.assert_refused(path.name)


def _xlsx_bomb(src: Path, path: Path, size: int) -> Path:
    """The world's workbook, its shared strings replaced by ``size`` bytes of text."""
    with zipfile.ZipFile(src) as zin:
        members = {n: zin.read(n) for n in zin.namelist()}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, data in members.items():
            if name != "xl/sharedStrings.xml":
                zf.writestr(name, data)
        with zf.open("xl/sharedStrings.xml", "w", force_zip64=True) as fh:
            fh.write(members["xl/sharedStrings.xml"].replace(b"</sst>", b"<si><t>"))
            chunk = b"A" * (1 << 20)
            for _ in range(size >> 20):
                fh.write(chunk)
            fh.write(b"</t></si></sst>")
    path.write_bytes(buf.getvalue())
    return path


@pytest.mark.slow
def test_xlsx_bomb_is_refused_quickly(world: World) -> None:
    path = _xlsx_bomb(world.path("peserta.xlsx"), world.path("bom.xlsx"), 1 << 30)
    assert path.stat().st_size < 3 << 20
    out = roster(world, path)
    out.assert_refused("bom.xlsx")
    assert out.seconds < 5, out.describe()
    take_roster(world, path).assert_refused("bom.xlsx")


def test_not_a_zip_and_empty_xlsx(world: World) -> None:
    for name, data in (("kosong.xlsx", b""), ("teks.xlsx", b"NIP;Nama\n"),
                       ("potong.xlsx", world.path("peserta.xlsx").read_bytes()[:700])):
        path = world.path(name)
        path.write_bytes(data)
        roster(world, path).assert_refused(name)
        take_roster(world, path).assert_refused(name)


# --------------------------------------------------------------------------- encodings

def test_utf8_csv_with_one_cp1252_line(world: World) -> None:
    path = world.path("campur.csv")
    path.write_bytes(
        b"NIP;Nama\r\n"
        + f"{NIP_1};Andréa Siregar\r\n".encode()
        + f"{NIP_2};Siti Nurhaliza Ñ\r\n".encode("cp1252"))
    out = roster(world, path)
    out.assert_clean()
    assert f"{path}:3: peringatan:" in out.out, out.describe()
    assert "Ã" not in out.out, out.describe()

    from quiz_app.core.people import load_roster

    names = [p.name for p in load_roster(path).participants]
    assert names == ["Andréa Siregar", "Siti Nurhaliza Ñ"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le-bom", "utf-16-be"])
def test_excel_unicode_text_utf16(world: World, encoding: str) -> None:
    text = f"NIP\tNama\r\n{NIP_1}\tAndréa Siregar\r\n{NIP_2}\tBudi\r\n"
    data = {"utf-16": text.encode("utf-16"),
            "utf-16-le-bom": b"\xff\xfe" + text.encode("utf-16-le"),
            "utf-16-be": b"\xfe\xff" + text.encode("utf-16-be")}[encoding]
    path = world.path("unicode.txt")
    path.write_bytes(data)
    out = roster(world, path)
    assert out.code == 0, out.describe()
    assert "2 peserta, 0 baris ditolak" in out.out

    from quiz_app.core.people import load_roster

    assert [p.name for p in load_roster(path).participants] == ["Andréa Siregar", "Budi"]


@pytest.mark.parametrize("name", ["\x00", "Budi\x00Santoso", "\u200b", "\u200b\u200c\ufeff",
                                  "\u2060 \u00ad", "\x07\x08"])
def test_invisible_or_control_names_are_refused(world: World, name: str) -> None:
    path = world.path("gaib.csv")
    path.write_bytes(f"NIP;Nama\r\n{NIP_1};{name}\r\n{NIP_2};Budi\r\n".encode())
    out = roster(world, path)
    out.assert_clean()
    assert out.code == 1 and f"{path}:2:" in out.out, out.describe()

    from quiz_app.core.people import load_roster

    assert [p.name for p in load_roster(path).participants] == ["Budi"]


# --------------------------------------------------------------------------- sniffing

@pytest.mark.parametrize("shape", ["quotes", "quotes-many-lines", "many-columns",
                                   "one-long-line"])
def test_delimiter_detection_is_bounded(world: World, shape: str) -> None:
    if shape == "quotes":  # csv.Sniffer's quote regex backtracks over the whole line
        body = ',"x' * 22_000 + "\r\n"
    elif shape == "quotes-many-lines":
        body = (',"x' * 400 + "\r\n") * 60
    elif shape == "many-columns":
        body = (";".join(f'"{i}"' for i in range(3000)) + "\r\n") * 10
    else:
        body = '"' + '""x' * 30_000 + '"\r\n'
    path = world.path("lambat.csv")
    path.write_text("NIP;Nama\r\n" + body, encoding="utf-8")
    assert path.stat().st_size > 60_000
    out = world.cli("roster", str(path), timeout=10)
    out.assert_clean()
    assert out.seconds < 4, out.describe()


def test_huge_csv_is_refused(world: World) -> None:
    path = world.path("besar.csv")
    with path.open("wb") as fh:
        fh.write(b"NIP;Nama\r\n")
        fh.write((b"x" * 1023 + b"\n") * (40 * 1024))
    roster(world, path).assert_refused("besar.csv", says="terlalu besar")


@pytest.mark.parametrize("seed", range(15))
def test_importer_xlsx_byte_flip(world: World, seed: int) -> None:
    """The bank importer reads XLSX through the same guarded reader as rosters."""
    from quiz_app.core.banks import write_template

    template = world.path("templat.xlsx")
    write_template(template)
    [(offset, flipped)] = flips(template.read_bytes(), 1, 3000 + seed)
    path = world.path(f"impor-{offset}.xlsx")
    path.write_bytes(flipped)
    out = world.cli("import", str(path), "--out", "hasil-impor.yaml")
    out.assert_clean()
    assert out.code in (0, 1), out.describe()
    if out.code == 1 and not world.path("hasil-impor.yaml").exists():
        assert path.name in out.text, out.describe()
