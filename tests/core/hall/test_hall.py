"""The hall game (presenter mode) and its answer sources, driven by a fake clock."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from quiz_app.core.hall import (
    AnswerSink,
    AnswerSource,
    DiscussionSource,
    EntryMiss,
    HallGame,
    HallRefusal,
    HallRefused,
    HallSession,
    HallState,
    Phase,
    PhaseChanged,
    QuestionClosed,
    TeamFileError,
    TeamKeyEntry,
    TeamSource,
    TimeUp,
    default_team_names,
    find_resumable,
    load_team_file,
    parse_team_names,
)
from quiz_app.core.model import Order, QuestionType, Scoring
from quiz_app.core.results import DB_FILENAME, AttemptStatus, ResultsStore
from tests.helpers.fakes import FakeClock, make_bank, make_plan, make_question, make_spec

# --------------------------------------------------------------------------- helpers


def speed_plan(**kw):
    base = dict(order=Order.BANK, shuffle_options=False, question_time_limit=20,
                scoring=Scoring.SPEED)
    base.update(kw)
    return make_plan(**base)


def new_session(tmp_path: Path, clock: FakeClock, names=("Meja 1", "Meja 2", "Meja 3"),
                n_questions: int = 5, **plan_kw) -> tuple[HallSession, TeamSource]:
    source = TeamSource(list(names))
    session = HallSession.create(tmp_path / "data", tmp_path / "bank.yaml",
                                 speed_plan(**plan_kw), [make_bank(n_questions)], source, clock)
    return session, source


def key(session: HallSession, source: TeamSource, entry: TeamKeyEntry, typed: str) -> None:
    """Type on the console, e.g. "2B": digits select the team, the letter commits."""
    for ch in typed:
        if ch.isdigit():
            entry.digit(ch)
            continue
        res = entry.letter(ch, session.game.letters())
        assert res is not None, typed
        if res.toggle:
            old = session.game.answer(source.team(res.number).id)
            letters = {session.game.letter_for_key(k) for k in (old.choice if old else ())}
            source.key(res.number, letters ^ set(res.letters))
        else:
            source.key(res.number, res.letters)


def db_rows(data_dir: Path) -> list[tuple]:
    con = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        return con.execute(
            "SELECT p.name, p.nip, w.question_id, w.choice_json, w.time_taken, w.revision"
            " FROM answers w JOIN attempts a ON a.attempt_key = w.attempt_key"
            " JOIN participants p ON p.id = a.participant_id"
            " ORDER BY p.name, w.question_id"
        ).fetchall()
    finally:
        con.close()


# --------------------------------------------------------------------------- the full game


def test_five_question_team_game_gives_the_expected_leaderboard_and_store_rows(tmp_path):
    clock = FakeClock()
    session, source = new_session(tmp_path, clock)
    game = session.game
    entry = TeamKeyEntry(3)
    assert isinstance(source, AnswerSource) and isinstance(session, AnswerSink)

    def play(moves: list[tuple[float, str]]) -> None:
        """(seconds after the previous move, keys typed)"""
        for wait, typed in moves:
            clock.advance(wait)
            key(session, source, entry, typed)

    # Q1: team 1 right at 2 s (950), team 2 wrong at 4 s, team 3 right at 10 s (750)
    assert game.phase is Phase.READY and game.index == 0
    session.start()
    play([(2, "1A"), (2, "2B"), (6, "3A")])
    assert game.tally() == {"A": 2, "B": 1, "C": 0, "D": 0}
    session.reveal()
    session.next()
    assert game.phase is Phase.LEADERBOARD
    assert [(s.participant.name, s.points, s.rank) for s in game.standings()] == [
        ("Meja 1", 950, 1), ("Meja 3", 750, 2), ("Meja 2", 0, 3)]
    session.next()

    # Q2: team 1 right at 4 s (900), team 2 right at 2 s (950), team 3 silent
    session.start()
    play([(2, "2A"), (2, "1A")])
    clock.advance(3)
    session.reveal()
    session.next()
    board = {s.participant.name: (s.rank, s.change) for s in game.standings()}
    assert board == {"Meja 1": (1, 0), "Meja 2": (2, 1), "Meja 3": (3, -1)}
    session.next()

    # Q3: team 2 first keys C, then corrects to A at 6 s (850); team 1 wrong; team 3 at 5 s
    session.start()
    play([(1, "2C"), (2, "1B"), (2, "3A"), (1, "2A")])
    session.reveal()
    session.next()
    session.next()

    # Q4: pause freezes the clock for the answer time
    session.start()
    play([(2, "3A")])
    clock.advance(3)
    session.pause()
    clock.advance(30)  # paused: does not count
    assert game.remaining() == 15
    session.resume_question()
    play([(3, "1A"), (1, "2D")])
    session.reveal()
    session.next()
    session.next()

    # Q5: time runs out; a late answer is refused
    session.start()
    play([(19, "1A")])
    clock.advance(1.5)
    events = session.poll()
    assert TimeUp(4) in events and PhaseChanged(Phase.TIME_UP, 4) in events
    with pytest.raises(HallRefused) as exc:
        key(session, source, entry, "2A")
    assert exc.value.reason is HallRefusal.TIME_UP
    session.reveal()
    session.next()  # the last question: no intermediate leaderboard
    assert game.phase is Phase.FINISHED

    final = [(s.rank, s.participant.name, s.points, s.correct) for s in game.standings()]
    assert final == [(1, "Meja 1", 3175, 4), (2, "Meja 3", 2575, 3), (3, "Meja 2", 1800, 2)]
    assert game.average_nilai() == 60.0

    data = tmp_path / "data"
    q = [f"bank-{i:03d}" for i in range(1, 6)]
    assert db_rows(data) == [
        ("Meja 1", None, q[0], '["A"]', 2.0, 1),
        ("Meja 1", None, q[1], '["A"]', 4.0, 1),
        ("Meja 1", None, q[2], '["B"]', 3.0, 1),
        ("Meja 1", None, q[3], '["A"]', 8.0, 1),
        ("Meja 1", None, q[4], '["A"]', 19.0, 1),
        ("Meja 2", None, q[0], '["B"]', 4.0, 1),
        ("Meja 2", None, q[1], '["A"]', 2.0, 1),
        ("Meja 2", None, q[2], '["A"]', 6.0, 2),  # the correction replaced "C"
        ("Meja 2", None, q[3], '["D"]', 9.0, 1),
        ("Meja 2", None, q[4], "[]", 20.0, 1),  # time ran out: stored as unanswered
        ("Meja 3", None, q[0], '["A"]', 10.0, 1),
        ("Meja 3", None, q[1], "[]", 7.0, 1),
        ("Meja 3", None, q[2], '["A"]', 5.0, 1),
        ("Meja 3", None, q[3], '["A"]', 2.0, 1),
        ("Meja 3", None, q[4], "[]", 20.0, 1),
    ]
    with ResultsStore.open_in(data) as store:
        attempts = store.attempts(session.session_id)
        assert len({json.dumps(a.spec.seed) for a in attempts}) == 1  # one shared spec
        assert {a.spec for a in attempts} == {game.spec}
        nilai = {a.participant.name: (a.status, a.result.nilai) for a in attempts}
        assert nilai == {"Meja 1": (AttemptStatus.FINISHED, 80.0),
                         "Meja 2": (AttemptStatus.FINISHED, 40.0),
                         "Meja 3": (AttemptStatus.FINISHED, 60.0)}
        assert store.session(session.session_id).status == "closed"
        assert store.unfinished_attempts() == []
    session.close()
    assert find_resumable(data) == []


# --------------------------------------------------------------------------- timer


def game_for(clock, n=3, participants=None, **plan_kw):
    spec = make_spec(speed_plan(**plan_kw), [make_bank(n)])
    teams = participants if participants is not None else TeamSource(["A", "B"]).participants()
    return HallGame(spec, teams, clock)


def test_pause_freezes_the_countdown():
    clock = FakeClock()
    game = game_for(clock)
    game.start()
    clock.advance(5)
    assert game.remaining() == 15
    game.pause()
    clock.advance(100)
    assert game.remaining() == 15 and game.phase is Phase.PAUSED
    assert game.poll() == []
    game.resume()
    clock.advance(4)
    assert game.remaining() == 11
    clock.advance(11)
    assert game.poll()[0] == TimeUp(0)
    assert game.phase is Phase.TIME_UP and game.remaining() == 0


def test_answers_keyed_while_paused_get_the_frozen_time():
    clock = FakeClock()
    game = game_for(clock)
    game.start()
    clock.advance(6)
    game.pause()
    clock.advance(50)
    rec = game.submit("tim-01", "A")
    assert rec.time_taken == 6.0


def test_plus_ten_seconds_extends_the_running_countdown():
    clock = FakeClock()
    game = game_for(clock)
    game.add_time()  # before the start counts too
    game.start()
    clock.advance(25)
    assert game.poll() == [] and game.remaining() == 5
    game.add_time(10)
    clock.advance(14)
    assert game.poll() == [] and game.remaining() == 1
    rec = game.submit("tim-01", "A")
    assert rec.time_taken == 39.0
    clock.advance(1)
    assert TimeUp(0) in game.poll()
    with pytest.raises(HallRefused) as exc:
        game.add_time()
    assert exc.value.reason is HallRefusal.WRONG_PHASE


def test_answers_are_refused_before_the_start_and_after_time_up():
    clock = FakeClock()
    game = game_for(clock)
    with pytest.raises(HallRefused) as exc:
        game.submit("tim-01", "A")
    assert exc.value.reason is HallRefusal.NOT_OPEN
    game.start()
    clock.advance(20)
    # no poll in between: the deadline is read from the clock at submit time
    with pytest.raises(HallRefused) as exc:
        game.submit("tim-01", "A")
    assert exc.value.reason is HallRefusal.TIME_UP
    assert game.phase is Phase.TIME_UP
    events = game.poll()
    assert events[0] == TimeUp(0)


def test_an_answer_made_before_the_deadline_counts_its_own_time():
    clock = FakeClock()
    game = game_for(clock)
    game.start()
    started = clock()
    clock.advance(8)
    rec = game.submit("tim-02", "B", at=started + 3)
    assert rec.time_taken == 3.0 and rec.choice == {"B"}


def test_invalid_choices_and_unknown_participants_are_refused():
    clock = FakeClock()
    game = game_for(clock)
    game.start()
    for pid, letters, reason in [
        ("tim-09", "A", HallRefusal.UNKNOWN_PARTICIPANT),
        ("tim-01", "E", HallRefusal.INVALID_CHOICE),
        ("tim-01", "AB", HallRefusal.INVALID_CHOICE),  # a single-answer question
    ]:
        with pytest.raises(HallRefused) as exc:
            game.submit(pid, letters)
        assert exc.value.reason is reason


def test_letters_follow_the_display_order_of_shuffled_options():
    clock = FakeClock()
    spec = make_spec(make_plan(order=Order.BANK, shuffle_options=True), [make_bank(1)],
                     seed="acak")
    game = HallGame(spec, TeamSource(["X"]).participants(), clock)
    order = spec.questions[0].option_order
    assert order != ("A", "B", "C", "D")
    right = game.correct_letters()
    assert right == {"ABCD"[order.index("A")]}
    game.start()
    rec = game.submit("tim-01", right)
    assert rec.choice == {"A"}
    assert game.tally()[next(iter(right))] == 1


def test_multiple_answer_questions_take_several_letters():
    clock = FakeClock()
    bank = make_bank(questions=[make_question("m1", type=QuestionType.MULTIPLE, answer="AC")])
    spec = make_spec(make_plan(order=Order.BANK, shuffle_options=False), [bank])
    game = HallGame(spec, TeamSource(["X", "Y"]).participants(), clock)
    game.start()
    source = TeamSource(["X", "Y"])
    source.attach(game)
    entry = TeamKeyEntry(2)
    entry.digit("1")
    first = entry.letter("A", game.letters())
    source.key(first.number, first.letters)
    again = entry.letter("C", game.letters())
    assert again.toggle and again.number == 1
    source.key(1, {"A", "C"})
    game.reveal()
    assert game.standings()[0].correct == 1
    assert game.tally() == {"A": 1, "B": 0, "C": 1, "D": 0}


def test_the_open_question_never_counts_on_the_leaderboard_before_it_closes():
    clock = FakeClock()
    game = game_for(clock)
    game.start()
    game.submit("tim-02", "A")
    assert all(s.points == 0 for s in game.standings())
    game.reveal()
    assert game.standings()[0].participant.id == "tim-02"


def test_closing_records_empty_answers_for_the_silent():
    clock = FakeClock()
    game = game_for(clock)
    game.start()
    clock.advance(3)
    game.submit("tim-01", "B")
    clock.advance(2)
    events = game.reveal()
    closed = [e for e in events if isinstance(e, QuestionClosed)][0]
    assert [(pid, r.choice, r.time_taken) for pid, r in closed.unanswered] == [
        ("tim-02", frozenset(), 5.0)]


def test_skip_and_end_and_advance():
    clock = FakeClock()
    game = game_for(clock, n=3)
    game.skip()  # skip before starting
    assert game.index == 1 and game.phase is Phase.READY and game.is_closed(0)
    game.advance()
    assert game.phase is Phase.RUNNING
    game.advance()
    assert game.phase is Phase.REVEALED
    game.advance()
    assert game.phase is Phase.LEADERBOARD
    game.advance()
    assert game.index == 2 and game.phase is Phase.READY
    game.show_leaderboard = False
    game.start()
    game.end()
    assert game.phase is Phase.FINISHED and game.is_closed(2)
    assert game.end() == []
    with pytest.raises(HallRefused):
        game.next()


def test_next_is_refused_while_the_question_runs():
    clock = FakeClock()
    game = game_for(clock)
    game.start()
    with pytest.raises(HallRefused) as exc:
        game.next()
    assert exc.value.reason is HallRefusal.WRONG_PHASE


def test_ties_share_a_rank():
    clock = FakeClock()
    game = game_for(clock, participants=TeamSource(["A", "B", "C"]).participants())
    game.start()
    game.submit("tim-01", "A")
    game.submit("tim-03", "A")
    game.reveal()
    assert [(s.rank, s.participant.id) for s in game.standings()] == [
        (1, "tim-01"), (1, "tim-03"), (3, "tim-02")]


def test_discussion_collects_nothing(tmp_path):
    clock = FakeClock()
    source = DiscussionSource()
    session = HallSession.create(tmp_path / "data", tmp_path / "b.yaml", speed_plan(),
                                 [make_bank(2)], source, clock)
    game = session.game
    assert not game.collects_answers and not game.accepting
    session.start()
    with pytest.raises(HallRefused) as exc:
        session.submit("tim-01", "A")
    assert exc.value.reason is HallRefusal.NO_ANSWERS
    session.reveal()
    session.next()  # no leaderboard in a discussion
    assert game.phase is Phase.READY and game.index == 1
    session.end()
    assert game.average_nilai() is None and game.standings() == []
    assert not (tmp_path / "data" / DB_FILENAME).exists()
    session.close()


# --------------------------------------------------------------------------- resume


def test_a_crashed_presentation_resumes_at_its_question(tmp_path):
    clock = FakeClock()
    session, source = new_session(tmp_path, clock)
    session.start()
    clock.advance(2)
    source.key(1, "A")
    session.reveal()
    session.next()
    session.next()
    session.start()  # question 2 runs
    clock.advance(4)
    source.key(2, "A")
    clock.advance(2)
    session.poll()
    clock.advance(5)  # 5 s after the last write: poll() saves the resume file
    session.poll()
    clock.advance(1)  # this second is lost with the crash
    # crash: nothing is closed or finished; the store connection just goes away
    session.store.close()

    data = tmp_path / "data"
    found = find_resumable(data, tmp_path / "bank.yaml")
    assert len(found) == 1 and find_resumable(data, tmp_path / "lain.yaml") == []
    saved = found[0]
    assert saved.question_number == 2 and saved.state.phase is Phase.RUNNING
    clock2 = FakeClock(50.0)  # a new process: a new monotonic clock
    teams = TeamSource(["Meja 1", "Meja 2", "Meja 3"])
    again = HallSession.resume(data, saved, teams, clock2)
    game = again.game
    assert game.index == 1 and game.phase is Phase.PAUSED
    assert game.elapsed() == 11.0 and game.remaining() == 9.0
    assert game.answer("tim-02").choice == {"A"}
    assert [s.participant.name for s in game.standings()][0] == "Meja 1"
    again.resume_question()
    clock2.advance(1)
    rec = teams.key(3, "A")
    assert rec.time_taken == 12.0
    again.end()
    with ResultsStore.open_in(data) as store:
        assert store.unfinished_attempts() == []
        assert len(store.attempts(again.session_id)) == 3
    again.close()
    assert find_resumable(data) == []


def test_a_revealed_question_resumes_revealed():
    clock = FakeClock()
    game = game_for(clock)
    game.start()
    clock.advance(3)
    game.submit("tim-01", "A")
    game.reveal()
    state = HallState.from_dict(json.loads(json.dumps(game.snapshot().to_dict())))
    again = HallGame(game.spec, game.participants, FakeClock(),
                     answers={"tim-01": game.answers("tim-01")}, state=state)
    assert again.phase is Phase.REVEALED and again.is_closed(0)
    assert again.tally()["A"] == 1


def test_declining_a_resume_abandons_the_team_attempts(tmp_path):
    clock = FakeClock()
    session, _ = new_session(tmp_path, clock)
    session.start()
    session.store.close()
    data = tmp_path / "data"
    saved = find_resumable(data)[0]
    HallSession.abandon(data, saved)
    assert find_resumable(data) == []
    with ResultsStore.open_in(data) as store:
        assert store.unfinished_attempts() == []
        assert {a.status for a in store.attempts(saved.session_id)} == {AttemptStatus.ABANDONED}


def test_a_damaged_resume_file_is_skipped(tmp_path):
    folder = tmp_path / "aula"
    folder.mkdir()
    (folder / "rusak.json").write_text("{bukan json", encoding="utf-8")
    assert find_resumable(tmp_path) == []


def test_resuming_with_other_teams_is_refused(tmp_path):
    clock = FakeClock()
    session, _ = new_session(tmp_path, clock)
    session.store.close()
    saved = find_resumable(tmp_path / "data")[0]
    with pytest.raises(Exception, match="Daftar tim berbeda"):
        HallSession.resume(tmp_path / "data", saved, TeamSource(["X"]), clock)


# --------------------------------------------------------------------------- keying


def test_team_key_entry_needs_two_keys_per_team():
    entry = TeamKeyEntry(20)
    assert entry.digit("7") == 7
    res = entry.letter("b", "ABCD")
    assert (res.number, res.letters, res.toggle) == (7, frozenset("B"), False)
    again = entry.letter("D", "ABCD")  # no new number: the same team again
    assert (again.number, again.toggle) == (7, True)
    entry.clear()
    entry.digit("1")
    entry.digit("2")
    res = entry.letter("C", "ABCD")
    assert (res.number, res.letters, res.toggle) == (12, frozenset("C"), False)
    # a digit that would name no team starts a new number: "2" "5" with 20 teams → 5
    entry.digit("2")
    assert entry.digit("5") == 5
    assert entry.letter("E", "ABCD") is None  # not an option: ignored, number kept
    assert entry.pending == "5"
    entry.backspace()
    assert entry.pending == "" and entry.letter("A", "ABCD") == EntryMiss(None, 20)
    assert TeamKeyEntry(3).letter("A", "AB") == EntryMiss(None, 3)  # no team selected yet


# --------------------------------------------------------------------------- team names


def test_default_team_names():
    assert default_team_names(3) == ["Meja 1", "Meja 2", "Meja 3"]
    with pytest.raises(TeamFileError, match="antara 1 dan 99"):
        default_team_names(0)
    with pytest.raises(TeamFileError, match="antara 1 dan 99"):
        default_team_names(100)


def test_team_file_is_read_one_name_per_line(tmp_path):
    path = tmp_path / "opd.txt"
    path.write_bytes("\ufeff# OPD peserta\nDinas Kesehatan\n\n  Bappeda  \nDinas  Pendidikan\n"
                     .encode())
    assert load_team_file(path) == ["Dinas Kesehatan", "Bappeda", "Dinas Pendidikan"]


def test_team_file_problems_are_all_reported_with_lines(tmp_path):
    text = ("Dinkes\nBappeda\ndinkes\n" + "X" * 61 + "\nNama;NIP\n")
    with pytest.raises(TeamFileError) as exc:
        parse_team_names(text, "tim.txt")
    lines = str(exc.value).splitlines()
    assert lines[0] == ("tim.txt:3: nama tim 'dinkes' sudah ada di baris 1; setiap tim "
                        "perlu nama yang berbeda")
    assert lines[1].startswith("tim.txt:4: nama tim terlalu panjang (61 karakter")
    assert lines[2].startswith("tim.txt:5: baris berisi tab atau titik koma")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "berkas tim kosong"),
        (b"# hanya komentar\n\n", "berkas tim kosong"),
        ("Dinas Sosial\nDinas Perhubungan\xa0\n".encode("cp1252"), "bukan teks UTF-8"),
        (b"PK\x03\x04\x00\x00", "bukan berkas teks biasa"),
        ("\n".join(f"Tim {i}" for i in range(100)).encode(), r"terlalu banyak tim \(100\)"),
    ],
)
def test_team_file_errors_are_clear(tmp_path, content, message):
    path = tmp_path / "tim.txt"
    path.write_bytes(content)
    with pytest.raises(TeamFileError, match=message):
        load_team_file(path)


def test_missing_team_file_and_folder(tmp_path):
    with pytest.raises(TeamFileError, match="tidak ditemukan"):
        load_team_file(tmp_path / "hilang.txt")
    with pytest.raises(TeamFileError, match="folder, bukan berkas"):
        load_team_file(tmp_path)


def test_non_utf8_team_file_names_the_line(tmp_path):
    path = tmp_path / "tim.txt"
    path.write_bytes("Dinkes\nBappeda\nDinas Pariwisata \xe9\n".encode("latin-1"))
    with pytest.raises(TeamFileError) as exc:
        load_team_file(path)
    assert f"{path}:3:" in str(exc.value)
