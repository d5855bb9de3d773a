"""The printed outputs as whole jobs (open the store, read the session, render): one call
each for the CLI and for the results window's worker."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..core.results import ResultsStore, build_report, load_results, resolve_session
from ..core.results.certificates import Signer, session_certificates
from ..core.results.list_data import attendance_list, pledge_files, pledge_list
from .certificates import CertificateOptions, RenderedCertificates, render_certificates
from .lists import ListKind, RenderedList, render_list
from .pdf import Progress
from .session_report import Rendered, render_report


def _report_progress(progress: Progress | None) -> tuple[Progress | None, Progress | None]:
    """Split one 0..100 progress over building (first 30) and painting (the rest)."""
    if progress is None:
        return None, None

    def build(done: int, total: int) -> None:
        progress(30 * done // max(total, 1), 100)

    def paint(done: int, total: int) -> None:
        progress(30 + 70 * done // max(total, 1), 100)

    return build, paint


def make_report(data_dir: Path, session: str | int, out: Path, *,
                pretest: str | int | None = None, bank_dirs: Sequence[Path] = (),
                progress: Progress | None = None) -> Rendered:
    build_p, paint_p = _report_progress(progress)
    with ResultsStore.open_in(data_dir) as store:
        rec = resolve_session(store, session)
        pre_id = resolve_session(store, pretest).id if pretest is not None else None
        results = load_results(store, rec.id, pretest_session_id=pre_id, bank_dirs=bank_dirs)
    data = build_report(results, progress=build_p)
    return render_report(data, Path(out), paint_p)


def make_certificates(data_dir: Path, session: str | int, out: Path, signer: Signer, *,
                      combined: bool = False, show_nilai: bool = False,
                      passed_only: bool = False, organiser: str = "",
                      progress: Progress | None = None) -> RenderedCertificates:
    with ResultsStore.open_in(data_dir) as store:
        rec = resolve_session(store, session)
        results = load_results(store, rec.id, categories=())
    certs = session_certificates(results)
    if passed_only:
        certs = [c for c in certs if c.passed is not False]
    options = CertificateOptions(signer, show_nilai=show_nilai, organiser=organiser)
    return render_certificates(certs, results.session, options, Path(out), combined=combined,
                               progress=progress)


def make_list(data_dir: Path, session: str | int, out: Path, kind: ListKind, *,
              blank_rows: int = 0, progress: Progress | None = None) -> RenderedList:
    with ResultsStore.open_in(data_dir) as store:
        rec = resolve_session(store, session)
        results = load_results(store, rec.id, categories=())
    if kind is ListKind.PLEDGE:
        data = pledge_list(results, pledge_files(data_dir))
    else:
        data = attendance_list(results)
    return render_list(kind, results.session, data, Path(out),
                       blank_rows=blank_rows, progress=progress)
