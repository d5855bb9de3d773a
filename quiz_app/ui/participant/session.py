"""What a running participant session needs, and how one is created or resumed."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ...core.banks import BankCache
from ...core.errors import PlanError, QuizError, StoreError
from ...core.model import Bank, Plan
from ...core.people import Roster, load_roster
from ...core.quiz import PinHash, TrainerSettings, build_attempt
from ...core.results import AttemptRecord, ResultsStore, SessionRecord
from .loader import load_isolated


@dataclass(frozen=True)
class SessionSetup:
    """The trainer's choices (set-up screen or ``quiz-app take``), files already loaded."""

    source: Path
    plan: Plan
    banks: tuple[Bank, ...]
    title: str
    pin: str
    place: str = ""
    date: date | None = None
    trainer: str = ""
    roster: Roster | None = None
    roster_path: Path | None = None
    guests: bool = False
    kiosk: bool = False
    pretest_session_id: int | None = None  # the pre-test this post-test is compared with
    phones: bool = False  # "lewat HP": each participant on their own phone (the phone desk)
    # An existing open session to run instead of a new one: typically the trainer's session
    # joined from its .kuis-sesi file, so this laptop's results merge back into it. Its own
    # plan (from the trainer) is used; the chosen file only supplies the banks.
    session_id: int | None = None


@dataclass
class ParticipantSession:
    store: ResultsStore
    record: SessionRecord
    plan: Plan
    banks: tuple[Bank, ...] | None  # None: resumed without its files (no new participants)
    data_dir: Path
    roster: Roster | None = None
    guests: bool = False
    kiosk: bool = False
    pin: PinHash | None = None
    category_titles: dict[str, str] = field(default_factory=dict)

    @property
    def can_start_new(self) -> bool:
        return self.banks is not None and self.record.status == "open"

    def new_seed(self) -> str:
        return secrets.token_hex(8)


def category_titles(banks: tuple[Bank, ...] | list[Bank] | None) -> dict[str, str]:
    return {c.id: c.title for b in banks or () for c in b.categories}


def existing_session(store: ResultsStore, session_id: int,
                     banks: tuple[Bank, ...] | list[Bank]) -> SessionRecord:
    """The open session ``session_id``, checked to be runnable with ``banks`` (its plan's
    draws are tried once); StoreError/PlanError say why not."""
    record = store.session(session_id)
    if record.status != "open":
        raise StoreError(f"Sesi {record.code} '{record.title}' sudah ditutup; tidak dapat "
                         "dipakai untuk tes baru.", store.path)
    try:
        build_attempt(record.plan, list(banks), "periksa")
    except QuizError as exc:
        raise PlanError(f"Sesi {record.code} '{record.title}' tidak dapat dijalankan dengan "
                        f"berkas soal yang dipilih: {exc.message} Pilih rencana atau bank soal "
                        "yang sama dengan di laptop pelatih.", store.path) from exc
    return record


def create_session(store: ResultsStore, data_dir: Path, setup: SessionSetup) -> ParticipantSession:
    """Open the session in the results store (or take the existing one the set-up names)
    and save the trainer's settings beside it."""
    if setup.session_id is not None:
        record = existing_session(store, setup.session_id, setup.banks)
    else:
        record = store.create_session(setup.title, setup.plan, place=setup.place,
                                      trainer=setup.trainer, date=setup.date,
                                      pretest_session_id=setup.pretest_session_id)
    pin = PinHash.make(setup.pin)
    TrainerSettings(
        session_id=record.id,
        source=str(setup.source),
        roster=str(setup.roster_path or ""),
        guests=setup.guests,
        kiosk=setup.kiosk,
        pin_salt=pin.salt,
        pin_digest=pin.digest,
    ).save(data_dir)
    return ParticipantSession(
        store=store, record=record, plan=record.plan, banks=tuple(setup.banks), data_dir=data_dir,
        roster=setup.roster, guests=setup.guests, kiosk=setup.kiosk, pin=pin,
        category_titles=category_titles(setup.banks),
    )


@dataclass(frozen=True)
class ResumeFiles:
    """Loaded in a worker for a resume: the session's files, when they still load."""

    settings: TrainerSettings | None
    banks: tuple[Bank, ...] | None
    roster: Roster | None
    problem: str = ""


def load_resume_files(data_dir: Path, session_id: int, cache: BankCache | None) -> ResumeFiles:
    """Runs in a worker: the saved trainer settings and the session's bank/plan and roster."""
    settings = TrainerSettings.load(data_dir, session_id)
    if settings is None:
        return ResumeFiles(None, None, None)
    banks: tuple[Bank, ...] | None = None
    roster: Roster | None = None
    problem = ""
    try:
        _, banks = load_isolated(Path(settings.source), cache)
        if settings.roster:
            roster = load_roster(Path(settings.roster))
    except QuizError as exc:
        problem = exc.message
    return ResumeFiles(settings, banks, roster, problem)


def resumed_session(store: ResultsStore, data_dir: Path, attempt: AttemptRecord,
                    files: ResumeFiles) -> ParticipantSession:
    record = store.session(attempt.session_id)
    settings = files.settings
    titles = category_titles(files.banks)
    return ParticipantSession(
        store=store, record=record, plan=record.plan, banks=files.banks, data_dir=data_dir,
        roster=files.roster, guests=settings.guests if settings else False,
        kiosk=settings.kiosk if settings else False, pin=settings.pin if settings else None,
        category_titles=titles,
    )
