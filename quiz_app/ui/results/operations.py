"""The results window's operations: export, result packages, merge, session files.

A mixin of :class:`~.window.ResultsWindow`; each runs in a worker and reports back on the
UI thread."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ...core.errors import QuizError
from ...core.gcpause import paused_gc
from ...core.results import (
    AttemptCounts,
    AttemptRecord,
    ResultsStore,
    SessionRecord,
    attempt_counts,
)
from ...core.results.export import ExportReport, export_session
from ...core.results.package import (
    PACKAGE_SUFFIX,
    SESSION_SUFFIX,
    MergeReport,
    PackageInfo,
    import_session_file,
    merge_packages,
    package_session,
    write_package,
    write_session_file,
)
from .. import dialogs
from ..worker import run_in_worker

Progress = Callable[[int, int], None]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:40] or "sesi"


class ResultsOperations:
    """Export, package, merge and share for :class:`~.window.ResultsWindow` (a mixin)."""


    def _progress_callback(self) -> Progress:
        relay = self._relay

        def report(done: int, total: int) -> None:
            relay.progress.emit(done, total)  # from the worker thread: queued to the UI

        return report

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _run(self, kind: str, busy_text: str, fn: Callable[[], Any],
             on_done: Callable[[Any], None]) -> None:
        self._busy = kind
        self._update_buttons()
        self.status.setText(busy_text)
        self.progress.setRange(0, 0)  # busy until the first report
        self.progress.setVisible(True)

        def finish() -> bool:
            self._busy = None
            if self._gone():
                return False
            self.progress.setVisible(False)
            self._update_buttons()
            return True

        def done(value: Any) -> None:
            if finish():
                on_done(value)
                self.operation_done.emit(kind, value)

        def failed(exc: QuizError) -> None:
            if finish():
                self.status.setText(exc.named_message)
                dialogs.show_message(self, self._failure_title(kind), exc.named_message)
                self.operation_failed.emit(kind, exc.named_message)

        def crashed(_exc: BaseException) -> None:  # a bug: re-raised loudly after this
            if finish():
                self.status.setText(self.tr("Gagal: kesalahan tak terduga."))
                self.operation_failed.emit(kind, self.tr("kesalahan tak terduga"))

        run_in_worker(fn, done, failed, on_crash=crashed, owner=self)  # type: ignore[arg-type]

    def _failure_title(self, kind: str) -> str:
        return {
            "export": self.tr("Ekspor gagal"),
            "package": self.tr("Paket hasil gagal dibuat"),
            "merge": self.tr("Penggabungan gagal"),
            "share": self.tr("Berkas sesi gagal dibuat"),
            "join": self.tr("Berkas sesi tidak dapat dipakai"),
            "void": self.tr("Tes tidak dapat dinyatakan tidak sah"),
            "print": self.tr("PDF gagal dibuat"),
        }.get(kind, self.tr("Gagal"))

    def _suggest(self, suffix: str, prefix: str = "hasil") -> Path:
        assert self.loaded is not None
        s = self.loaded.session
        return self._folder / f"{prefix}-{s.date}-{_slug(s.title)}{suffix}"

    def export_csv(self) -> None:
        path = dialogs.ask_save_path(self, self.tr("Ekspor CSV"), self._suggest(".csv"),
                                   self.tr("Berkas CSV (*.csv)"))
        if path is not None:
            self.export_to(path, "csv", str(self.dialect.currentData()), self.detail.isChecked())

    def export_xlsx(self) -> None:
        path = dialogs.ask_save_path(self, self.tr("Ekspor XLSX"), self._suggest(".xlsx"),
                                   self.tr("Buku kerja Excel (*.xlsx)"))
        if path is not None:
            self.export_to(path, "xlsx")

    def export_to(self, path: Path, fmt: str, dialect: str = "id", detail: bool = False) -> None:
        """Export the shown session to ``path`` in a worker (no dialog). The worker reads
        the session again, so attempts finished since it was shown are included."""
        if self.loaded is None or self.busy:
            return
        sid, data_dir, bank_dirs = self.loaded.session.id, self.data_dir, self.bank_dirs
        categories = self.categories  # None until the analysis is in: resolved again
        self._folder = Path(path).parent
        progress = self._progress_callback()

        def work() -> tuple[ExportReport, int]:
            with paused_gc(), ResultsStore.open_in(data_dir, check=False) as store:
                # read again, so attempts finished since the window showed are included
                # force: the save dialog already asked before replacing a file; the store
                # and the data folder stay protected whatever is chosen there.
                report = export_session(store, sid, Path(path), fmt=fmt, dialect=dialect,
                                        detail=detail, categories=categories,
                                        bank_dirs=bank_dirs, progress=progress, force=True)
                count = attempt_counts(store).get(sid, AttemptCounts()).total
            return report, count

        self._run("export", self.tr("Mengekspor ke {0}…").format(Path(path).name), work,
                  self._exported)

    def _exported(self, value: tuple[ExportReport, int]) -> None:
        report, attempts = value
        text = self.tr("Tersimpan: {0} ({1} baris).").format(report.path, report.rows)
        if report.detail_file is not None:
            text += " " + self.tr("Rincian per jawaban disimpan terpisah sebagai {0}.").format(
                report.detail_file.name)
        if report.unfinished:
            text += " " + self.tr("{0} pengerjaan belum selesai tidak diekspor.").format(
                report.unfinished)
        self.status.setText(text)
        shown = self.loaded
        if shown is not None and attempts != len(shown.rows):
            self._after_load = text  # the export saw newer results: show them too
            self.reload(shown.session.id)

    def export_package(self) -> None:
        if self.loaded is None:
            return
        path = dialogs.ask_save_path(
            self, self.tr("Paket hasil untuk digabung"), self._suggest(PACKAGE_SUFFIX, "paket"),
            self.tr("Paket hasil Kuis ASN (*.kuis-hasil)"))
        if path is not None:
            self.write_package_to(path)

    def write_package_to(self, path: Path) -> None:
        if self.loaded is None or self.busy:
            return
        sid, data_dir = self.loaded.session.id, self.data_dir
        self._folder = Path(path).parent
        progress = self._progress_callback()

        def work() -> PackageInfo:
            with ResultsStore.open_in(data_dir, check=False) as store:
                return write_package(store, sid, Path(path), progress, force=True)

        self._run("package", self.tr("Menulis paket hasil…"), work, self._packaged)

    def _packaged(self, info: PackageInfo) -> None:
        self.status.setText(self.tr("Paket hasil tersimpan: {0} ({1} hasil).").format(
            info.path, info.attempts))

    def merge(self) -> None:
        if self.loaded is None:
            return
        paths = dialogs.ask_open_paths(self, self.tr("Pilih paket hasil dari laptop lain"),
                                     self._folder, self.tr("Paket hasil Kuis ASN (*.kuis-hasil)"))
        if paths:
            self.merge_files(paths)

    def merge_files(self, paths: Sequence[Path]) -> None:
        if self.loaded is None or self.busy:
            return
        sid, data_dir = self.loaded.session.id, self.data_dir
        progress = self._progress_callback()
        paths = [Path(p) for p in paths]
        self._folder = paths[0].parent

        def work() -> MergeReport:
            with ResultsStore.open_in(data_dir, check=False) as store:
                return merge_packages(store, sid, paths, progress)

        self._run("merge", self.tr("Menggabungkan {0} paket…").format(len(paths)), work,
                  self._merged)

    def merge_package_file(self, path: Path) -> None:
        """A package opened from outside (double click, ``quiz-app FILE.kuis-hasil``):
        merged into the session on this laptop it belongs to."""
        if self.busy:
            return
        data_dir, path = self.data_dir, Path(path)
        progress = self._progress_callback()

        def work() -> MergeReport:
            with ResultsStore.open_in(data_dir, check=False) as store:
                session = package_session(store, path)
                return merge_packages(store, session.id, [path], progress)

        self._run("merge", self.tr("Menggabungkan {0} paket…").format(1), work, self._merged)

    def _merged(self, report: MergeReport) -> None:
        summary = self.tr("{0} hasil diimpor, {1} duplikat dilewati, {2} paket ditolak.").format(
            report.imported, report.duplicates, len(report.refused))
        self.status.setText(summary)
        self._after_load = summary
        dialogs.show_message(self, self.tr("Hasil penggabungan"), summary,
                             "\n".join(report.lines()))
        self.reload(report.session.id)

    def void_selected(self) -> None:
        """Ask HR for a reason, then declare the chosen participant's attempt invalid."""
        attempt = self.chosen_attempt()
        if attempt is None or not attempt.finished or self.busy:  # finished, valid
            return
        reason = dialogs.ask_text(self, self.tr("Nyatakan tes tidak sah"), self.tr(
            "Tes {0} tetap tersimpan dan tampil dengan alasannya, tetapi tidak dihitung pada "
            "nilai rata-rata, N-Gain, dan analisis soal; ini tidak dapat dibatalkan. "
            "Alasan:").format(attempt.participant.name))
        if reason:
            self.void_attempt(attempt.id, reason)

    def void_attempt(self, attempt_id: str, reason: str) -> None:
        """Declare an attempt invalid in a worker, then show the session again."""
        if self.loaded is None or self.busy:
            return
        sid, data_dir = self.loaded.session.id, self.data_dir

        def work() -> AttemptRecord:
            with ResultsStore.open_in(data_dir, check=False) as store:
                return store.void_attempt(attempt_id, reason)

        def done(rec: AttemptRecord) -> None:
            text = self.tr("Tes {0} dinyatakan tidak sah: {1}").format(
                rec.participant.name, rec.void_reason)
            self.status.setText(text)
            self._after_load = text
            self.reload(sid)

        self._run("void", self.tr("Menyimpan…"), work, done)

    def share_session(self) -> None:
        if self.loaded is None:
            return
        ok = dialogs.confirm(self, self.tr("Bagikan sesi"), self.tr(
            "Berkas sesi berisi kunci rahasia sesi ini. Salin hanya ke laptop yang dipakai "
            "di sesi ini, jangan berikan kepada peserta, dan hapus dari flashdisk setelah "
            "dipakai. Lanjutkan?"))
        if not ok:
            return
        path = dialogs.ask_save_path(self, self.tr("Berkas sesi"),
                                   self._suggest(SESSION_SUFFIX, "sesi"),
                                   self.tr("Berkas sesi Kuis ASN (*.kuis-sesi)"))
        if path is not None:
            self.write_session_file_to(path)

    def write_session_file_to(self, path: Path) -> None:
        if self.loaded is None or self.busy:
            return
        sid, data_dir = self.loaded.session.id, self.data_dir

        def work() -> Path:
            with ResultsStore.open_in(data_dir, check=False) as store:
                return write_session_file(store, sid, Path(path), force=True)

        self._run("share", self.tr("Menulis berkas sesi…"), work,
                  lambda p: self.status.setText(self.tr("Berkas sesi tersimpan: {0}").format(p)))

    def join_session(self) -> None:
        paths = dialogs.ask_open_paths(self, self.tr("Pilih berkas sesi dari laptop pelatih"),
                                     self._folder, self.tr("Berkas sesi Kuis ASN (*.kuis-sesi)"))
        if paths:
            self.join_from(paths[0])

    def join_from(self, path: Path) -> None:
        if self.busy:
            return
        data_dir = self.data_dir

        def work() -> tuple[SessionRecord, bool]:
            with ResultsStore.open_in(data_dir, check=False) as store:
                return import_session_file(store, Path(path))

        self._run("join", self.tr("Membaca berkas sesi…"), work, self._joined)

    def _joined(self, value: tuple[SessionRecord, bool]) -> None:
        session, created = value
        if created:
            text = self.tr("Sesi '{0}' ({1}) dibuat di laptop ini.").format(
                session.title, session.code)
        else:
            text = self.tr("Sesi '{0}' ({1}) sudah ada di laptop ini.").format(
                session.title, session.code)
        self.status.setText(text)
        self._after_load = text
        self.reload(session.id)

    # ------------------------------------------------------------------ printed PDFs

    def print_report(self) -> None:
        if self.loaded is None:
            return
        path = dialogs.ask_save_path(self, self.tr("Laporan kegiatan (PDF)"),
                                     self._suggest(".pdf", "laporan"),
                                     self.tr("Dokumen PDF (*.pdf)"))
        if path is not None:
            self.print_to(path, "report")

    def print_list(self, kind: str) -> None:
        if self.loaded is None:
            return
        title = self.tr("Daftar hadir (PDF)") if kind == "hadir" else self.tr(
            "Daftar ikrar (PDF)")
        path = dialogs.ask_save_path(self, title, self._suggest(".pdf", f"daftar-{kind}"),
                                     self.tr("Dokumen PDF (*.pdf)"))
        if path is not None:
            self.print_to(path, kind)

    def print_certificates(self) -> None:
        """Ask for the signer (remembered; read in a worker), then where to save."""
        if self.loaded is None or self.busy:
            return
        from ...core.results import Signer

        data_dir = self.data_dir
        self._run("print", self.tr("Membaca penanda tangan…"), lambda: Signer.load(data_dir),
                  self._certificates_for)

    def _certificates_for(self, remembered: Any) -> None:
        from ...core.results import Signer

        answer = dialogs.ask_signer(self, remembered.name, remembered.nip, remembered.title,
                                    False)
        if answer is None:
            return
        name, nip, title, show_nilai = answer
        path = dialogs.ask_save_path(self, self.tr("Sertifikat peserta (PDF)"),
                                     self._suggest(".pdf", "sertifikat"),
                                     self.tr("Dokumen PDF (*.pdf)"))
        if path is not None:
            self.print_to(path, "certificates", signer=Signer(name.strip(), nip.strip(),
                                                              title.strip()),
                          show_nilai=show_nilai)

    def print_to(self, path: Path, what: str, *, signer: Any = None,
                 show_nilai: bool = False) -> None:
        """Render one printed PDF of the shown session in a worker, with progress.
        ``what``: report, certificates, hadir or ikrar."""
        if self.loaded is None or self.busy:
            return
        from ...report import jobs
        from ...report.lists import ListKind

        sid, data_dir = self.loaded.session.id, self.data_dir
        self._folder = Path(path).parent
        progress = self._progress_callback()

        def work() -> tuple[str, Any]:
            if what == "report":
                return what, jobs.make_report(data_dir, sid, Path(path), progress=progress)
            if what == "certificates":
                if signer != signer.load(data_dir):
                    signer.save(data_dir)
                return what, jobs.make_certificates(data_dir, sid, Path(path), signer,
                                                    combined=True, show_nilai=show_nilai,
                                                    progress=progress)
            return what, jobs.make_list(data_dir, sid, Path(path), ListKind(what),
                                        progress=progress)

        self._run("print", self.tr("Membuat PDF {0}…").format(Path(path).name), work,
                  self._printed)

    def _printed(self, value: tuple[str, Any]) -> None:
        what, r = value
        if what == "report":
            text = self.tr("Laporan tersimpan: {0} ({1} halaman, {2} detik).").format(
                r.path, r.pages, f"{r.seconds:.1f}".replace(".", ","))
        elif what == "certificates":
            text = self.tr("Sertifikat tersimpan: {0} ({1} peserta).").format(
                r.paths[0], r.count)
        else:
            text = self.tr("Daftar tersimpan: {0} ({1} halaman).").format(r.path, r.pages)
        self.status.setText(text)
