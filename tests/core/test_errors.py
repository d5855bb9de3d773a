"""A user error shown in a dialog names the file it is about."""

from __future__ import annotations

from quiz_app.core.errors import Issue, QuizError


def test_named_message_adds_the_file_only_where_the_text_lacks_it() -> None:
    exc = QuizError([Issue("/media/usb/hasil.kuis-hasil", 0, 0, "berkas tidak ditemukan"),
                     Issue("C:\\data\\sesi.kuis-sesi", 0, 0, "Berkas 'sesi.kuis-sesi' rusak"),
                     Issue("", 0, 0, "Belum ada sesi")])
    assert exc.named_message.splitlines() == [  # issues in path order
        "Belum ada sesi",
        "hasil.kuis-hasil: berkas tidak ditemukan",
        "Berkas 'sesi.kuis-sesi' rusak",
    ]
