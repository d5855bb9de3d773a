"""What the printed session report says, computed from a real store: a pre-test and its
post-test over a four-question bank, worked out by hand.

    post-test (pass mark 70)  k1 k2 p1(AC) a1(S)  nilai   pre-test
    Ani                       A  C  AC     S      100     25
    Budi                      A  C  A      -      62,5    50
    Citra                     A  C  AC     -      75      -
    Evil                      A  -  -      -      25      -
    Dedi                      (still working: not counted)

mean 65,625 -> 65,63; median (62,5 + 75) / 2 = 68,75; 2 of 4 pass.
N-Gain: Ani (100-25)/75 = 1; Budi 12,5/50 = 0,25; mean 0,625 -> 0,63 "sedang".
Facility: k1 1 (not missed), k2 0,75, p1 (1 + 0,5 + 1 + 0)/4 = 0,625, a1 0,25.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz_app.core.model import Participant
from quiz_app.core.results import (
    ResultsStore,
    build_report,
    format_date_id,
    format_decimal,
    format_int,
    format_percent,
    gain_category,
    kr20_reading,
    load_results,
    session_certificates,
)
from quiz_app.core.results.analysis import Kr20Note
from quiz_app.core.results.report_data import TEAM_MARK, attendees, histogram
from tests.helpers.fakes import make_plan, make_question
from tests.helpers.results import (
    ANI,
    BUDI,
    CITRA,
    DEDI,
    EVIL,
    bank_of,
    fixed_spec,
    take,
)

ALL_RIGHT = {"k1": "A", "k2": "C", "p1": "AC", "a1": "S"}


def bank():
    return bank_of(
        [
            make_question("k1", category="karier", answer="A"),
            make_question("k2", category="karier", answer="C",
                          explanation="ASN dilarang ...", reference="UU 20/2023 Pasal 9"),
            make_question("p1", category="partai", type="multiple", answer="AC"),
            make_question("a1", category="akhlak", type="true_false", answer="S",
                          explanation="Jawaban Salah karena ...",
                          reference="PP 94/2021 Pasal 5"),
        ],
        [("karier", "Manajemen Karier"), ("partai", "Partai Politik"),
         ("akhlak", "Nilai BerAKHLAK")],
    )


@pytest.fixture
def store(tmp_path: Path):
    b = bank()
    with ResultsStore.open_in(tmp_path) as st:
        pre_plan = make_plan(order="bank", shuffle_options=False, banks=(b.id,), kind="pretest")
        post_plan = make_plan(order="bank", shuffle_options=False, banks=(b.id,),
                              kind="posttest")
        pre = st.create_session("Pretest", pre_plan, date="2025-03-04").id
        post = st.create_session("Posttest Netralitas", post_plan, place="Aula BKPSDM",
                                 trainer="Sri", date="2025-03-04", pretest_session_id=pre).id
        spre, spost = fixed_spec(b, pre_plan), fixed_spec(b, post_plan)
        take(st, pre, ANI, spre, {"k1": "A"})
        take(st, pre, BUDI, spre, {"k1": "A", "k2": "C"})
        take(st, post, ANI, spost, ALL_RIGHT)
        take(st, post, BUDI, spost, {"k1": "A", "k2": "C", "p1": "A"})
        take(st, post, CITRA, spost, {"k1": "A", "k2": "C", "p1": "AC"})
        take(st, post, EVIL, spost, {"k1": "A"})
        take(st, post, DEDI, spost, {"k1": "B"}, finish=False)
        st.post_id = post
        yield st


def report(store):
    return build_report(load_results(store, store.post_id, categories=bank().categories))


def test_indonesian_formats() -> None:
    assert format_date_id("2025-03-04") == "Selasa, 4 Maret 2025"
    assert format_date_id("2024-12-29") == "Minggu, 29 Desember 2024"
    assert format_date_id("bukan tanggal") == "bukan tanggal"
    assert format_decimal(76.815) == "76,82"  # half-up, decimal comma
    assert format_decimal(80.0) == "80"
    assert format_decimal(-0.25) == "-0,25"
    assert format_decimal(1250.5) == "1.250,50"
    assert format_decimal(None) == "-"
    assert format_int(1250) == "1.250"
    assert format_percent(2, 3) == "66,67%" and format_percent(0, 0) == "-"


def test_gain_category_uses_hakes_thresholds() -> None:
    assert gain_category(0.29) == "rendah"
    assert gain_category(0.3) == "sedang"
    assert gain_category(0.69) == "sedang"
    assert gain_category(0.7) == "tinggi"
    assert gain_category(-0.2) == "rendah"
    assert gain_category(None) == "-"


def test_kr20_reading_says_why_it_is_missing() -> None:
    assert "berbeda" in kr20_reading(None, Kr20Note.DIFFERENT_QUESTIONS)
    assert kr20_reading(0.92).startswith("Reliabilitas sangat tinggi")
    assert kr20_reading(0.3).startswith("Reliabilitas rendah")


def test_summary_matches_the_store(store) -> None:
    data = report(store)
    s = data.stats
    assert (s.participants, s.finished, s.unfinished, s.graded, s.passed) == (4, 4, 1, 4, 2)
    assert (s.mean, s.median, s.lowest, s.highest) == (65.63, 68.75, 25, 100)
    assert s.pass_mark == 70 and s.pass_rate == 50
    assert data.histogram == (0, 0, 1, 0, 0, 0, 1, 1, 0, 1)
    assert (data.title, data.place, data.trainer) == ("Posttest Netralitas", "Aula BKPSDM",
                                                     "Sri")
    assert data.date_text == "Selasa, 4 Maret 2025"


def test_histogram_puts_100_in_the_last_bin() -> None:
    assert histogram([0, 9.99, 10, 99.5, 100]) == (2, 1, 0, 0, 0, 0, 0, 0, 0, 2)


def test_pre_post_gain_and_category(store) -> None:
    data = report(store)
    assert data.has_pretest and data.pretest_title == "Pretest"
    g = data.gain
    assert (g.matched, g.improved, g.mean_gain, g.mean_pre, g.mean_post) == (
        2, 2, 0.63, 37.5, 81.25)
    assert gain_category(g.mean_gain) == "sedang"
    by_name = {p.name: p for p in data.pairs}
    assert by_name["Ani Lestari"].gain == 1.0 and by_name["Budi Santoso"].gain == 0.25
    assert by_name["Citra Dewi"].pre is None


def test_categories_in_bank_order_with_means(store) -> None:
    cats = report(store).categories
    assert [(c.title, c.mean, c.n) for c in cats] == [
        ("Manajemen Karier", 87.5, 4), ("Partai Politik", 62.5, 4),
        ("Nilai BerAKHLAK", 25, 4)]


def test_most_missed_first_with_explanation_and_basis(store) -> None:
    missed = report(store).missed
    assert [m.question_id for m in missed] == ["a1", "p1", "k2"]  # k1: everybody right
    a1 = missed[0]
    assert a1.facility == 0.25 and a1.n == 4
    assert a1.answer_text == "Salah"
    assert a1.explanation == "Jawaban Salah karena ..." and a1.reference == "PP 94/2021 Pasal 5"
    assert missed[1].category == "Partai Politik"


def test_participants_table_sorted_with_spaced_nip_and_pretest(store) -> None:
    rows = report(store).participants
    assert [r.name for r in rows][:3] == ["=cmd|' /C calc'!A0", "Ani Lestari", "Budi Santoso"]
    ani = rows[1]
    assert ani.nip == "19850312 201001 2 002"
    assert (ani.nilai, ani.passed, ani.pre) == (100, True, 25)
    assert [r.number for r in rows] == [1, 2, 3, 4]


def test_attendance_includes_who_did_not_finish(store) -> None:
    people = attendees(load_results(store, store.post_id, categories=()))
    assert [(a.name, a.finished) for a in people][-1] == ("Dedi Kurniawan", False)
    assert len(people) == 5


def test_hall_sessions_get_a_ranking_with_shared_places(tmp_path: Path) -> None:
    b = bank()
    plan = make_plan(order="bank", shuffle_options=False, banks=(b.id,))
    with ResultsStore.open_in(tmp_path) as st:
        sid = st.create_session("Kuis Aula (aula)", plan).id
        spec = fixed_spec(b, plan)
        for name, answers in (("Tim Merah", {"k1": "A"}), ("Tim Biru", ALL_RIGHT),
                              ("Tim Hijau", {"k1": "A"}), ("Tim Kuning", {})):
            take(st, sid, Participant(name, None, extra=(TEAM_MARK,)), spec, answers)
        results = load_results(st, sid, categories=())
        data = build_report(results)
    assert [(r.rank, r.name) for r in data.ranking] == [
        (1, "Tim Biru"), (2, "Tim Hijau"), (2, "Tim Merah"), (4, "Tim Kuning")]
    assert attendees(results) == ()  # teams are not people on an attendance list
    assert session_certificates(results) == []  # nor on certificates


def test_team_mark_is_the_halls() -> None:
    from quiz_app.core.hall.game import TEAM_MARK as HALL_TEAM_MARK

    assert TEAM_MARK == HALL_TEAM_MARK


def test_self_paced_sessions_have_no_ranking(store) -> None:
    assert report(store).ranking == ()


def test_pretest_nilai_is_the_last_finished_attempt_per_nip(tmp_path: Path) -> None:
    """The pre-test side is read without decoding questions (``finished_scores``): the
    last finished valid attempt of a NIP counts; unfinished, voided attempts and guests
    do not."""
    from quiz_app.core.results.session_results import finished_scores
    from tests.helpers.results import EKA

    b = bank()
    plan = make_plan(order="bank", shuffle_options=False, banks=(b.id,))
    spec = fixed_spec(b, plan)
    with ResultsStore.open_in(tmp_path) as st:
        pre = st.create_session("Pre", plan).id
        post = st.create_session("Post", plan, pretest_session_id=pre).id
        take(st, pre, ANI, spec, {"k1": "A"})  # 25
        take(st, pre, ANI, spec, {"k1": "A", "k2": "C"})  # retake: 50
        take(st, pre, BUDI, spec, ALL_RIGHT, finish=False)  # never finished
        take(st, pre, EKA, spec, ALL_RIGHT)  # guest: no NIP to match
        voided = take(st, pre, CITRA, spec, ALL_RIGHT)
        st.void_attempt(voided, "Dikerjakan orang lain")
        assert [(nip, n) for nip, _at, n in finished_scores(st, pre)] == [
            (ANI.nip, 25), (ANI.nip, 50)]
        for who in (ANI, BUDI, EKA, CITRA):
            take(st, post, who, spec, ALL_RIGHT)
        results = load_results(st, post, categories=b.categories)
    assert results.pretest_nilai == {ANI.nip: 50}


def test_voided_attempts_leave_the_figures_but_not_the_attendance(store) -> None:
    results = load_results(store, store.post_id, categories=bank().categories)
    evil = next(r for r in results.attempts if r.participant.nip == EVIL.nip)
    store.void_attempt(evil.id, "Dikerjakan orang lain")
    results = load_results(store, store.post_id, categories=bank().categories)
    data = build_report(results)
    s = data.stats
    assert (s.finished, s.voided, s.graded, s.passed) == (3, 1, 3, 2)
    assert s.lowest == 62.5 and s.mean == 79.17  # (100 + 62,5 + 75) / 3
    assert EVIL.name not in [r.name for r in data.participants]
    assert EVIL.name in [a.name for a in attendees(results)]
