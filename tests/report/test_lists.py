"""Attendance and pledge lists: everybody who took part, a signature column, the header on
every page."""

from __future__ import annotations

import json
import re
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz_app.cli import main
from quiz_app.core.banks import bundled_pledge_file, load_pledge
from quiz_app.core.model import Participant
from quiz_app.core.people import format_nip
from quiz_app.core.results import PresenceKind, ResultsStore, load_results, record_presence
from quiz_app.core.results.report_data import attendees
from tests.helpers.pdf import page_count, pdftotext
from tests.helpers.report_demo import demo_sessions
from tests.helpers.results import demo_people


def test_attendance_list_names_everybody_with_a_signature_column(demo_dir: Path,
                                                                  tmp_path: Path) -> None:
    out = tmp_path / "hadir.pdf"
    assert main(["--data-dir", str(demo_dir), "lists", "--session", "latest",
                 "--out", str(out), "--baris-kosong", "40"]) == 0
    with ResultsStore.open_in(demo_dir) as store:
        people = attendees(load_results(store, store.latest_session().id, categories=()))
    pages = page_count(out)
    assert pages >= 2  # 12 people + 40 blank rows
    text = re.sub(r"[ \t]+", " ", pdftotext(out))
    assert "Daftar Hadir Peserta" in text and "Selasa, 4 Maret 2025" in text
    # no check-ins in this store: the list says it falls back to the test takers
    assert "Sumber data: peserta yang mengerjakan tes" in text
    assert "Waktu hadir" not in text
    for a in people:
        assert a.name in text
        assert (a.nip or "tamu (tanpa NIP)") in text
    assert "52. ......" in text
    for page in range(1, pages + 1):
        page_text = pdftotext(out, page, page)
        assert re.search(r"No\s+Nama / NIP\s+Jabatan / Unit kerja\s+Tanda tangan", page_text)
        assert f"Halaman {page} dari {pages}" in page_text


def test_pledge_list(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "ikrar.pdf"
    assert main(["--data-dir", str(demo_dir), "lists", "--session", "latest",
                 "--out", str(out), "--jenis", "ikrar"]) == 0
    text = pdftotext(out)
    assert "Daftar Penandatangan Ikrar Netralitas ASN" in text
    assert "Tanda tangan" in text
    # no confirmations stored: the test takers and the generic sentence
    assert "Sumber data: peserta yang mengerjakan tes" in text
    assert "menyatakan telah mengucapkan" in text


@pytest.fixture
def jakarta(monkeypatch) -> Iterator[None]:
    """Local time is WIB (UTC+7), so stored UTC times print predictably."""
    monkeypatch.setenv("TZ", "Asia/Jakarta")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _flat(text: str) -> str:
    """One line, ligatures (Qt writes "fi" as one glyph) unfolded."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))


def test_attendance_list_uses_the_check_ins_of_the_linked_pretest(tmp_path: Path,
                                                                  jakarta: None) -> None:
    data = tmp_path / "data"
    with ResultsStore.open_in(data) as store:
        pre_id, post_id = demo_sessions(store, 6)
        assert pre_id is not None
        people = demo_people(6)
        came = [people[2], people[0], people[5]]  # the guest (no NIP) is people[5]
        for minute, person in zip((5, 12, 31), came, strict=True):
            record_presence(store, pre_id, PresenceKind.ATTENDANCE,
                            Participant(person.name, person.nip, "Analis Kebijakan",
                                        "Bagian Umum"),
                            at=f"2025-03-04T01:{minute:02d}:00+00:00")
        # people[0] checks in again at the post-test: the earlier time stays
        record_presence(store, post_id, PresenceKind.ATTENDANCE, people[0],
                        at="2025-03-04T04:00:00+00:00")
    out = tmp_path / "hadir.pdf"
    assert main(["--data-dir", str(data), "lists", "--session", str(post_id),
                 "--out", str(out)]) == 0
    text = pdftotext(out)
    assert "Sumber data: daftar hadir lewat HP" in text
    assert re.search(r"No\s+Nama / NIP\s+Jabatan / Unit kerja\s+Waktu hadir\s+Tanda tangan",
                     text)
    for person, clock in zip(came, ("08.05", "08.12", "08.31"), strict=True):
        line = next(x for x in text.splitlines() if person.name in x)
        assert clock in line, line
        if person.nip:
            assert format_nip(person.nip) in text
    assert "11.00" not in text  # the second check-in's time
    assert "Analis Kebijakan" in text and "Bagian Umum" in text
    for absent in (people[1], people[3], people[4]):  # took the tests, never checked in
        assert absent.name not in text
    order = [text.index(p.name) for p in came]
    assert order == sorted(order)  # in the order they came


def _confirm(store: ResultsStore, session_id: int, person: Participant, note: str,
             at: str) -> None:
    record_presence(store, session_id, PresenceKind.PLEDGE, person, note=note, at=at)


def test_pledge_list_prints_the_confirmed_text_and_times(tmp_path: Path,
                                                         jakarta: None) -> None:
    data = tmp_path / "data"
    bundled = load_pledge(bundled_pledge_file())
    with ResultsStore.open_in(data) as store:
        _pre, post_id = demo_sessions(store, 4, pretest=False)
        people = demo_people(4)
        _confirm(store, post_id, people[1], f"{bundled.title} [{bundled.digest}]",
                 "2025-03-04T02:40:00+00:00")
        _confirm(store, post_id, people[3], f"{bundled.title} [{bundled.digest}]",
                 "2025-03-04T02:41:30+00:00")
    out = tmp_path / "ikrar.pdf"
    assert main(["--data-dir", str(data), "lists", "--session", str(post_id),
                 "--out", str(out), "--jenis", "ikrar"]) == 0
    layout = pdftotext(out)
    text = _flat(pdftotext(out, layout=False))
    assert "Sumber data: konfirmasi ikrar lewat HP" in text
    for person, clock in ((people[1], "09.40"), (people[3], "09.41")):
        line = next(x for x in layout.splitlines() if person.name in x)
        assert clock in line, line
    for absent in (people[0], people[2]):
        assert absent.name not in text
    assert bundled.title in text and bundled.label in text
    for line in bundled.all_lines:
        assert line in text
    assert "menyatakan telah mengucapkan ikrar netralitas" not in text  # not the generic one


def test_pledge_list_finds_an_adapted_text_through_the_desk_file(tmp_path: Path,
                                                                 jakarta: None) -> None:
    data = tmp_path / "data"
    adapted_file = tmp_path / "ikrar_kabupaten.yaml"
    adapted_file.write_text(
        "format: kuis-ikrar/1\ntitle: Ikrar Netralitas ASN Kabupaten Sleman\n"
        "lines:\n  - Bersikap netral dalam Pilkada Sleman 2024.\n"
        "  - Tidak memakai fasilitas dinas untuk kampanye.\n", encoding="utf-8")
    adapted = load_pledge(adapted_file)
    with ResultsStore.open_in(data) as store:
        _pre, post_id = demo_sessions(store, 3, pretest=False)
        people = demo_people(3)
        _confirm(store, post_id, people[0], f"{adapted.title} [{adapted.digest}]",
                 "2025-03-04T03:00:00+00:00")
        _confirm(store, post_id, people[1], "Ikrar Lama [0123456789ab]",
                 "2025-03-04T03:05:00+00:00")
    (data / "meja-hp").mkdir()
    (data / "meja-hp" / "desk.json").write_text(json.dumps({"pledge": str(adapted_file)}))
    (data / "meja-hp" / "rusak.json").write_text("{tidak json")  # skipped, not fatal
    out = tmp_path / "ikrar.pdf"
    assert main(["--data-dir", str(data), "lists", "--session", str(post_id),
                 "--out", str(out), "--jenis", "ikrar"]) == 0
    text = _flat(pdftotext(out, layout=False))
    assert "Ikrar Netralitas ASN Kabupaten Sleman" in text
    assert "Bersikap netral dalam Pilkada Sleman 2024." in text
    assert "Tidak memakai fasilitas dinas untuk kampanye." in text
    assert "Juga dikonfirmasi: \u201cIkrar Lama\u201d" in text  # its file is nowhere here
    assert "10.00" in text and "10.05" in text


def test_pledge_list_without_the_text_file_prints_the_generic_sentence(
        tmp_path: Path, jakarta: None) -> None:
    data = tmp_path / "data"
    with ResultsStore.open_in(data) as store:
        _pre, post_id = demo_sessions(store, 2, pretest=False)
        _confirm(store, post_id, demo_people(2)[0], "Ikrar Dinas [0123456789ab]",
                 "2025-03-04T03:00:00+00:00")
    out = tmp_path / "ikrar.pdf"
    assert main(["--data-dir", str(data), "lists", "--session", str(post_id),
                 "--out", str(out), "--jenis", "ikrar"]) == 0
    text = _flat(pdftotext(out, layout=False))
    assert "menyatakan telah mengucapkan ikrar netralitas" in text
    assert "\u201cIkrar Dinas\u201d (berkas teksnya tidak ditemukan" in text
    assert "10.00" in text
