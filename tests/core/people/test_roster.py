from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from quiz_app.core.errors import Issue, RosterError
from quiz_app.core.model import EmployeeType, Participant
from quiz_app.core.people import Roster, detect_delimiter, load_roster, roster_report

TODAY = date(2025, 6, 1)
PNS_1 = "198503122010011002"
PNS_2 = "196608011988031001"
PPPK_1 = "200012312024211001"
PPPK_2 = "199009132025242014"


def write(tmp_path: Path, text: str, name: str = "peserta.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def errors(roster: Roster) -> list[Issue]:
    return [i for i in roster.issues if not i.warning]


def warnings(roster: Roster) -> list[Issue]:
    return [i for i in roster.issues if i.warning]


def only_error(roster: Roster) -> Issue:
    (issue,) = errors(roster)
    return issue


# --- delimiters, encodings, headers ----------------------------------------------------


@pytest.mark.parametrize("sep", [";", ",", "\t"])
def test_delimiter_is_detected(tmp_path, sep):
    rows = [
        ["NIP", "Nama", "Jabatan", "Unit Kerja", "Golongan"],
        [PNS_1, "Budi Santoso", "Analis Kebijakan", "BKPSDM", "III/c"],
        [PPPK_1, "Sri Wahyuni", "Guru Ahli Pertama", "Dinas Pendidikan", "IX"],
    ]
    path = write(tmp_path, "\r\n".join(sep.join(r) for r in rows) + "\r\n")
    roster = load_roster(path, TODAY)
    assert roster.ok and roster.issues == ()
    assert roster.participants == (
        Participant("Budi Santoso", PNS_1, "Analis Kebijakan", "BKPSDM", "III/c"),
        Participant("Sri Wahyuni", PPPK_1, "Guru Ahli Pertama", "Dinas Pendidikan", "IX"),
    )


def test_semicolon_file_with_commas_in_names_keeps_names_whole(tmp_path):
    text = (
        "NIP;Nama;Jabatan\n"
        f"{PNS_1};Dr. Budi Santoso, S.Kom., M.Si.;Kepala Bidang\n"
        f"{PNS_2};Ani, S.E.;Analis\n"
        f"{PPPK_1};Rina;Guru\n"
    )
    roster = load_roster(write(tmp_path, text), TODAY)
    assert [p.name for p in roster.participants] == [
        "Dr. Budi Santoso, S.Kom., M.Si.",
        "Ani, S.E.",
        "Rina",
    ]


def test_comma_file_with_quoted_name_containing_comma(tmp_path):
    text = f'NIP,Nama\n{PNS_1},"Budi, S.Kom."\n'
    roster = load_roster(write(tmp_path, text), TODAY)
    assert roster.participants[0].name == "Budi, S.Kom."


@pytest.mark.parametrize(
    ("header", "expected"),
    [("Nama;NIP;Unit", ";"), ("Nama,NIP", ","), ("Nama\tNIP", "\t"), ("Nama", ",")],
)
def test_delimiter_fallback_counts_the_header_line(header, expected):
    # a single line gives csv.Sniffer too little to go on
    assert detect_delimiter(header + "\n") == expected


def test_utf8_bom_is_stripped_from_the_first_header(tmp_path):
    path = write(tmp_path, f"NIP;Nama\n{PNS_1};Andréa Siregar\n", encoding="utf-8-sig")
    roster = load_roster(path, TODAY)
    assert roster.ok
    assert roster.participants[0] == Participant("Andréa Siregar", PNS_1)


def test_windows_1252_csv_from_excel(tmp_path):
    text = (
        "NIP;Nama;Unit Kerja\r\n"
        f"{PNS_1};Siti Nurhaliza Ñ;Dinas Kesehatan\r\n"
        f"{PNS_2};Andréa;BPKAD\r\n"
    )
    path = write(tmp_path, text, encoding="cp1252")
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    roster = load_roster(path, TODAY)
    assert [p.name for p in roster.participants] == ["Siti Nurhaliza Ñ", "Andréa"]


def test_header_variants_and_extra_columns(tmp_path):
    text = (
        "No;NIP Baru ;NAMA_LENGKAP;jabatan;O.P.D.;Pangkat / Golongan;No. HP;Keterangan\n"
        f"1;{PNS_1};Budi;Analis;Bappeda;Penata (III/c);0812;\n"
    )
    roster = load_roster(write(tmp_path, text), TODAY)
    (p,) = roster.participants
    assert (p.nip, p.name, p.position, p.unit, p.rank) == (
        PNS_1,
        "Budi",
        "Analis",
        "Bappeda",
        "Penata (III/c)",
    )
    assert p.extra == (("No", "1"), ("No. HP", "0812"), ("Keterangan", ""))


@pytest.mark.parametrize(
    ("headers", "field", "value"),
    [
        ("Nama Pegawai;Unit Organisasi", "unit", "X"),
        ("nama;instansi", "unit", "X"),
        ("Nama;GOL", "rank", "X"),
        ("Nama;Golongan", "rank", "X"),
        ("Nama;Unit_Kerja", "unit", "X"),
        ("Nama Lengkap;Jabatan", "position", "X"),
    ],
)
def test_header_aliases(tmp_path, headers, field, value):
    roster = load_roster(write(tmp_path, f"{headers}\nBudi;{value}\n"), TODAY)
    assert getattr(roster.participants[0], field) == value


def test_title_rows_above_the_header_are_skipped(tmp_path):
    text = f"DAFTAR PESERTA SOSIALISASI NETRALITAS ASN;;\n;;\nNIP;Nama;Jabatan\n{PNS_1};Budi;x\n"
    roster = load_roster(write(tmp_path, text), TODAY)
    assert roster.participants[0].name == "Budi"


def test_no_name_column_says_what_was_found_and_expected(tmp_path):
    path = write(tmp_path, f"NIP;Jabatan;Unit Kerja\n{PNS_1};Analis;BKD\n")
    with pytest.raises(RosterError) as exc:
        load_roster(path, TODAY)
    msg = exc.value.message
    assert "Kolom Nama tidak ditemukan" in msg
    assert "'NIP', 'Jabatan', 'Unit Kerja'" in msg
    assert "Nama (wajib)" in msg and "Golongan" in msg
    assert str(path) in str(exc.value)


@pytest.mark.parametrize("content", ["", "\ufeff", "\n\n  \n", ";;;\n;;\n"])
def test_empty_file_is_a_roster_error(tmp_path, content):
    with pytest.raises(RosterError, match="kosong"):
        load_roster(write(tmp_path, content), TODAY)


def test_header_only_is_a_roster_error(tmp_path):
    with pytest.raises(RosterError, match="Tidak ada baris peserta"):
        load_roster(write(tmp_path, "NIP;Nama\n"), TODAY)


def test_missing_file_and_unknown_types(tmp_path):
    with pytest.raises(RosterError, match="tidak ditemukan"):
        load_roster(tmp_path / "tidak-ada.csv", TODAY)
    with pytest.raises(RosterError, match="tidak dikenali"):
        load_roster(write(tmp_path, "x", name="peserta.docx"), TODAY)
    with pytest.raises(RosterError, match=r"\.xls \(Excel 97-2003\)"):
        load_roster(write(tmp_path, "x", name="peserta.xls"), TODAY)
    with pytest.raises(RosterError, match="folder"):
        load_roster(tmp_path, TODAY)


def test_corrupt_xlsx_is_a_roster_error(tmp_path):
    with pytest.raises(RosterError, match="XLSX tidak dapat dibuka"):
        load_roster(write(tmp_path, "bukan zip", name="peserta.xlsx"), TODAY)


def test_undecodable_bytes_are_a_roster_error(tmp_path):
    path = tmp_path / "peserta.csv"
    path.write_bytes(b"NIP;Nama\n1;\x81\x8d\n")  # invalid in UTF-8 and undefined in cp1252
    with pytest.raises(RosterError, match="CSV UTF-8"):
        load_roster(path, TODAY)


# --- row problems with line numbers ----------------------------------------------------


def test_blank_lines_are_skipped_and_line_numbers_stay_physical(tmp_path):
    text = f"NIP;Nama\n\n{PNS_1};Budi\n   \n;;\n19850312201001100;Ani\n"
    roster = load_roster(write(tmp_path, text), TODAY)
    assert [p.name for p in roster.participants] == ["Budi"]
    issue = only_error(roster)
    assert issue.line == 6
    assert "17 digit" in issue.message


def test_quoted_multiline_cell_does_not_shift_line_numbers(tmp_path):
    text = f'NIP;Nama;Catatan\n{PNS_1};Budi;"baris satu\nbaris dua"\n123;Ani;\n'
    roster = load_roster(write(tmp_path, text), TODAY)
    assert roster.participants[0].extra == (("Catatan", "baris satu baris dua"),)
    assert only_error(roster).line == 4


@pytest.mark.parametrize(
    ("nip", "expected"),
    [
        ("1,98503E+17", "notasi ilmiah"),
        ("1.98503122010011E+17", "notasi ilmiah"),
        ("198503122010011000", "Excel membulatkannya"),
        ("198.503.122.010.011.000", "Excel membulatkannya"),
        ("19850312201001100", "17 digit, seharusnya 18"),
        ("19850312201001100A", "selain angka"),
        ("198502302010011002", "bukan tanggal yang ada"),
        ("198503122010001002", "bulan TMT CPNS (digit 13-14) '00'"),
        ("198503122010131002", "bulan TMT CPNS (digit 13-14) '13'"),
        ("198503122010015002", "jenis kelamin"),
        ("198503122000011002", "kurang dari 18 tahun"),
        ("198503122030011002", "melewati tahun 2026"),
        ("198503122025201002", "nomor kontrak PPPK"),
    ],
)
def test_each_invalid_nip_rejects_its_row_with_line_and_reason(tmp_path, nip, expected):
    text = f'NIP;Nama\n{PNS_1};Budi\n"{nip}";Ani\n{PNS_2};Citra\n'
    roster = load_roster(write(tmp_path, text), TODAY)
    assert [p.name for p in roster.participants] == ["Budi", "Citra"]
    issue = only_error(roster)
    assert (issue.line, issue.warning) == (3, False)
    assert expected in issue.message
    assert roster.rejected == 1 and not roster.ok


def test_excel_text_apostrophe_and_spaced_nip_are_accepted(tmp_path):
    text = "NIP;Nama\n'19850312 201001 1 002;Budi\n20001231.2024.2.1.1.001;Rina\n"
    roster = load_roster(write(tmp_path, text), TODAY)
    assert roster.ok
    assert [p.nip for p in roster.participants] == [PNS_1, PPPK_1]
    assert [p.employee_type for p in roster.participants] == [
        EmployeeType.PNS,
        EmployeeType.PPPK,
    ]


def test_duplicate_nip_keeps_first_and_names_its_line(tmp_path):
    text = (
        "NIP;Nama\n"
        f"{PNS_2};Andi\n"
        f"{PNS_1};Budi\n"
        f"{PPPK_1};Rina\n"
        f"19850312 201001 1 002;Budi S.\n"
        f"{PNS_1};Budi lagi\n"
    )
    roster = load_roster(write(tmp_path, text), TODAY)
    assert [p.name for p in roster.participants] == ["Andi", "Budi", "Rina"]
    dups = errors(roster)
    assert [i.line for i in dups] == [5, 6]
    assert all("NIP sama dengan baris 3 (Budi)" in i.message for i in dups)
    assert roster.rejected == 2


def test_duplicate_of_a_rejected_row_is_kept(tmp_path):
    text = f"NIP;Nama\n{PNS_1};\n{PNS_1};Budi\n"
    roster = load_roster(write(tmp_path, text), TODAY)
    assert [p.name for p in roster.participants] == ["Budi"]
    issue = only_error(roster)
    assert issue.line == 2 and "Nama kosong" in issue.message


def test_rows_without_nip_are_guests_with_a_warning(tmp_path):
    text = f"NIP;Nama;Instansi\n{PNS_1};Budi;BKD\n;Pak Camat;Kecamatan\n  ;Bu Lurah;\n"
    roster = load_roster(write(tmp_path, text), TODAY)
    assert roster.ok and roster.rejected == 0
    guests = [p for p in roster.participants if p.employee_type is EmployeeType.GUEST]
    assert [(g.name, g.nip, g.unit) for g in guests] == [
        ("Pak Camat", None, "Kecamatan"),
        ("Bu Lurah", None, ""),
    ]
    assert [(w.line, w.warning) for w in warnings(roster)] == [(3, True), (4, True)]
    assert "tamu" in warnings(roster)[0].message


def test_file_without_nip_column_is_all_guests(tmp_path):
    roster = load_roster(write(tmp_path, "Nama\nBudi\nAni\n"), TODAY)
    assert roster.ok and len(roster.participants) == 2
    assert all(p.nip is None for p in roster.participants)


def test_nip_without_name_is_rejected(tmp_path):
    roster = load_roster(write(tmp_path, f"NIP;Nama;Jabatan\n{PNS_1};  ;Analis\n"), TODAY)
    assert roster.participants == ()
    issue = only_error(roster)
    assert issue.line == 2
    assert "Nama kosong" in issue.message


def test_row_with_neither_name_nor_nip_is_skipped_with_warning(tmp_path):
    roster = load_roster(write(tmp_path, f"No;NIP;Nama\n1;{PNS_1};Budi\n2;;\n"), TODAY)
    assert [p.name for p in roster.participants] == ["Budi"]
    assert roster.ok
    assert [(w.line, "dilewati" in w.message) for w in warnings(roster)] == [(3, True)]


def test_more_cells_than_headers_is_rejected(tmp_path):
    # a comma file where a name with a comma was not quoted shifts every column
    text = f"NIP,Nama,Jabatan\n{PNS_1},Budi,Analis\n{PNS_2},Ani, S.E.,Analis\n"
    roster = load_roster(write(tmp_path, text), TODAY)
    assert [p.name for p in roster.participants] == ["Budi"]
    issue = only_error(roster)
    assert issue.line == 3 and "tanda kutip" in issue.message


def test_find_by_normalized_nip(tmp_path):
    roster = load_roster(write(tmp_path, f"NIP;Nama\n{PNS_1};Budi\n;Tamu\n"), TODAY)
    found = roster.find("19850312 201001 1 002")
    assert found is not None and found.name == "Budi"
    assert roster.find(PNS_2) is None
    assert roster.find("") is None


def test_today_is_passed_to_nip_validation(tmp_path):
    path = write(tmp_path, "NIP;Nama\n199001012026011001;Budi\n")
    assert load_roster(path, date(2025, 1, 1)).ok
    assert not load_roster(path, date(2024, 1, 1)).ok


# --- XLSX ------------------------------------------------------------------------------


def make_xlsx(tmp_path: Path, rows: list[list[object]], name: str = "peserta.xlsx") -> Path:
    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    path = tmp_path / name
    wb.save(path)
    return path


def test_xlsx_text_nips_are_accepted(tmp_path):
    path = make_xlsx(
        tmp_path,
        [
            ["NIP", "Nama Lengkap", "Jabatan", "OPD", "Gol", "Tanggal Lahir"],
            [PNS_1, "Budi", "Analis", "BKPSDM", "III/c", date(1985, 3, 12)],
            [PPPK_2, "Sari", "Guru", "Disdik", "IX", None],
        ],
    )
    roster = load_roster(path, TODAY)
    assert roster.ok and roster.issues == ()
    budi, sari = roster.participants
    assert budi == Participant(
        "Budi", PNS_1, "Analis", "BKPSDM", "III/c", (("Tanggal Lahir", "1985-03-12"),)
    )
    assert sari.employee_type is EmployeeType.PPPK


@pytest.mark.parametrize("value", [198503122010011002, 1.98503122010011e17, 12345])
def test_xlsx_numeric_nip_cell_is_always_rejected_with_its_row(tmp_path, value):
    path = make_xlsx(
        tmp_path,
        [["Nama", "NIP"], ["Budi", PNS_2], ["Ani", value], ["Tamu", None]],
    )
    roster = load_roster(path, TODAY)
    assert [p.name for p in roster.participants] == ["Budi", "Tamu"]
    issue = only_error(roster)
    assert issue.line == 3
    assert issue.message.startswith("NIP tersimpan sebagai angka di Excel")
    assert "format kolom NIP sebagai Teks" in issue.message
    assert "ketik ulang" in issue.message


def test_xlsx_row_numbers_count_blank_and_title_rows(tmp_path):
    path = make_xlsx(
        tmp_path,
        [
            ["Daftar Hadir Pelatihan"],
            [],
            ["NIP", "Nama"],
            [PNS_1, "Budi"],
            [],
            [PNS_1, "Budi dobel"],
            ["1,98503E+17", "Ani"],
        ],
    )
    roster = load_roster(path, TODAY)
    assert [p.name for p in roster.participants] == ["Budi"]
    assert [(i.line, i.message[:30]) for i in errors(roster)] == [
        (6, "NIP sama dengan baris 4 (Budi)"),
        (7, "NIP '1,98503E+17' tertulis dal"),
    ]


def test_xlsx_uses_first_sheet_with_a_name_column(tmp_path):
    wb = Workbook()
    wb.active.append(["Petunjuk pengisian"])
    ws = wb.create_sheet("Peserta")
    ws.append(["NIP", "Nama"])
    ws.append([PNS_1, "Budi"])
    path = tmp_path / "peserta.xlsx"
    wb.save(path)
    assert [p.name for p in load_roster(path, TODAY).participants] == ["Budi"]


def test_xlsx_without_name_column(tmp_path):
    path = make_xlsx(tmp_path, [["NIP", "Jabatan"], [PNS_1, "Analis"]])
    with pytest.raises(RosterError, match="Kolom Nama tidak ditemukan.*'NIP', 'Jabatan'"):
        load_roster(path, TODAY)


# --- report ------------------------------------------------------------------------------


def test_report_lists_problems_by_line_then_summary(tmp_path):
    text = f"NIP;Nama\n{PNS_1};Budi\n1,98503E+17;Ani\n;Tamu\n{PNS_1};Budi lagi\n{PPPK_1};Rina\n"
    path = write(tmp_path, text)
    roster = load_roster(path, TODAY)
    lines = roster_report(roster)
    assert len(lines) == 4
    assert lines[0].startswith(f"{path}:3: NIP '1,98503E+17'")
    assert lines[1] == f"{path}:4: peringatan: 'Tamu' tanpa NIP: dicatat sebagai peserta tamu."
    assert lines[2].startswith(f"{path}:5: NIP sama dengan baris 2")
    assert lines[3] == f"{path}: 3 peserta, 2 baris ditolak, 1 peringatan"
    assert (roster.rejected, roster.warnings, roster.ok) == (2, 1, False)


def test_report_of_clean_roster_is_just_the_summary(tmp_path):
    path = write(tmp_path, f"NIP;Nama\n{PNS_1};Budi\n")
    assert roster_report(load_roster(path, TODAY)) == [
        f"{path}: 1 peserta, 0 baris ditolak, 0 peringatan"
    ]


def test_xlsx_with_wrong_dimension_record_is_read_completely(tmp_path):
    # files written by other programs may claim a smaller used range than they have
    import zipfile

    good = make_xlsx(tmp_path, [["NIP", "Nama", "Jabatan"], [PNS_1, "Budi", "Analis"]])
    bad = tmp_path / "dimensi.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'ref="A1:C2"', b'ref="A1:A1"', 1)
                assert b'ref="A1:A1"' in data
            dst.writestr(item, data)
    (p,) = load_roster(bad, TODAY).participants
    assert (p.nip, p.name, p.position) == (PNS_1, "Budi", "Analis")


def test_xlsx_values_in_unnamed_columns_are_kept_in_extra(tmp_path):
    path = make_xlsx(
        tmp_path,
        [["NIP", "Nama", None, "Catatan"], [PNS_1, "Budi", "hadir", None, "lihat SK"]],
    )
    roster = load_roster(path, TODAY)
    assert roster.ok
    assert roster.participants[0].extra == (
        ("Catatan", ""),
        ("Kolom C", "hadir"),
        ("Kolom E", "lihat SK"),
    )


def test_xlsx_sheet_with_broken_xml_is_a_roster_error(tmp_path):
    import zipfile

    good = make_xlsx(tmp_path, [["NIP", "Nama"], [PNS_1, "Budi"]])
    bad = tmp_path / "rusak.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            dst.writestr(item, data)
    with pytest.raises(RosterError, match="XLSX tidak dapat dibuka"):
        load_roster(bad, TODAY)
