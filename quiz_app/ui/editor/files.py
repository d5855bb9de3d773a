"""The bank editor's file operations: new, open, save, import, Excel template and export.

A mixin of :class:`~.window.EditorWindow`; reading and writing run in a worker and report
back on the UI thread; every modal dialog goes through :mod:`..dialogs`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ...core.banks.editing import BankDocument
from .. import dialogs
from ..worker import run_in_worker
from .common import bound

if TYPE_CHECKING:
    from ...core.banks import ImportResult
    from ...core.errors import Issue, QuizError


class EditorFiles:
    """File operations of the editor window (uses its doc, undo stack, status and signals)."""

    def new_bank(self) -> None:
        if not self._may_discard():
            return
        path = dialogs.ask_save_path(self, self.tr("Bank soal baru"),
                                     Path.home() / "bank_saya.yaml",
                                     self.tr("Bank soal (*.yaml)"))
        if path is None:
            return
        from ...core.banks.importers.draft import slugify

        self.set_document(BankDocument.new(path, slugify(path.stem), path.stem))

    def open_bank(self) -> None:
        if not self._may_discard():
            return
        path = dialogs.open_file(self, self.tr("Buka bank soal"), self.tr("Bank soal (*.yaml)"))
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path) -> None:
        run_in_worker(lambda: BankDocument.open(path), bound(self, self.set_document),
                      bound(self, self._file_failed))

    def _file_failed(self, exc: QuizError) -> None:
        dialogs.show_message(self, self.tr("Berkas tidak dapat dibuka"), exc.message, str(exc))

    def save(self) -> None:
        doc = self.doc
        if doc is None:
            return
        self.validate_now(sync=True)
        if self.issues and not dialogs.confirm(
                self, self.tr("Simpan bank"),
                self.tr("Bank masih punya {0} masalah; aplikasi belum dapat memakainya. "
                        "Simpan juga?").format(len(self.issues))):
            return
        text = doc.text()
        from ...core.atomicio import write_atomic

        def done(_: object) -> None:
            self.undo_stack.setClean()
            self.status.setText(self.tr("Tersimpan: {0}").format(doc.path))
            self.saved.emit(doc.path)

        def write() -> None:
            from ...core.paths import data_dir
            from ...core.userfile import check_output

            # never the results store, the data folder's files, a symlink or a FIFO
            check_output(doc.path, "yaml", force=True, protected=(data_dir(),))
            try:
                write_atomic(doc.path, doc.encode(text))
            except OSError as exc:
                from ...core.errors import QuizError

                raise QuizError(f"berkas tidak dapat disimpan ({exc.strerror})",
                                doc.path.name) from exc

        run_in_worker(write, bound(self, done), bound(self, self._save_failed))

    def _save_failed(self, exc: QuizError) -> None:
        dialogs.show_message(self, self.tr("Bank tidak tersimpan"), exc.message, str(exc))

    def import_file(self) -> None:
        if not self._may_discard():
            return
        source = dialogs.open_file(
            self, self.tr("Impor soal"),
            self.tr("Soal (*.xlsx *.gift *.txt);;Semua berkas (*)"))
        if source is None:
            return
        out = dialogs.ask_save_path(self, self.tr("Simpan bank hasil impor"),
                                    source.with_suffix(".yaml"), self.tr("Bank soal (*.yaml)"))
        if out is None:
            return
        from ...core.banks import import_questions, write_imported

        def work() -> tuple[ImportResult, list[Issue]]:
            result = import_questions(source, out=out, display=source.name)
            problems = [] if result.fatal else write_imported(result, out, source.name)
            return result, problems

        run_in_worker(work, bound(self, lambda r: self._imported(out, *r)))

    def _imported(self, out: Path, result: ImportResult, problems: list[Issue]) -> None:
        lines = result.summary()
        detail = "\n".join(i.format() for i in result.issues + problems)
        if result.fatal or problems:
            dialogs.show_message(self, self.tr("Impor gagal"), "\n".join(lines), detail)
            return
        if result.issues:  # what was skipped or changed, each located
            dialogs.show_message(self, self.tr("Hasil impor"), "\n".join(lines), detail)
        else:
            dialogs.show_info(self, self.tr("Hasil impor"), "\n".join(lines))
        self.open_path(out)

    def save_template(self) -> None:
        path = dialogs.ask_save_path(self, self.tr("Simpan templat Excel"),
                                     Path.home() / "soal.xlsx", self.tr("Excel (*.xlsx)"))
        if path is None:
            return
        note = self.tr("Templat tersimpan: {0}. Isi lembar Soal, lalu Impor.").format(path)
        run_in_worker(lambda: _write_template(path, None),
                      bound(self, lambda _n: self.status.setText(note)),
                      bound(self, self._write_failed))

    def export_xlsx(self) -> None:
        doc = self.doc
        if doc is None:
            return
        if not self.undo_stack.isClean() or not doc.path.exists():
            dialogs.show_info(self, self.tr("Ekspor ke Excel"),
                              self.tr("Simpan bank dulu; yang diekspor adalah berkas tersimpan."))
            return
        path = dialogs.ask_save_path(self, self.tr("Ekspor ke Excel"),
                                     doc.path.with_suffix(".xlsx"), self.tr("Excel (*.xlsx)"))
        if path is None:
            return
        run_in_worker(lambda: _write_template(path, doc.path),
                      bound(self, lambda n: self.status.setText(
                          self.tr("{0} soal diekspor ke {1}").format(n, path))),
                      bound(self, self._write_failed))

    def _write_failed(self, exc: QuizError) -> None:
        dialogs.show_message(self, self.tr("Berkas Excel tidak tersimpan"), exc.message, str(exc))

    def _may_discard(self) -> bool:
        if self.doc is None or self.undo_stack.isClean():
            return True
        return dialogs.confirm(self, self.tr("Perubahan belum disimpan"),
                               self.tr("Perubahan pada bank ini belum disimpan. Buang "
                                       "perubahan?"))


def _write_template(path: Path, bank_path: Path | None) -> int:
    """The template (empty, or the saved bank's questions); a folder that cannot be written
    to is the trainer's problem to fix, said in a message, not a crash."""
    from ...core.banks import load_bank, write_template
    from ...core.errors import QuizError

    bank = load_bank(bank_path) if bank_path is not None else None
    try:
        return write_template(path, bank)
    except OSError as exc:
        raise QuizError(f"berkas tidak dapat ditulis ({exc.strerror})", path.name) from exc
